//! Process handles: open, creation time, wait, terminate.

use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
use std::time::Duration;

use windows_sys::Win32::Foundation::{FILETIME, GetLastError, HANDLE, WAIT_TIMEOUT};
use windows_sys::Win32::System::Threading::{
    GetProcessTimes, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_SYNCHRONIZE,
    PROCESS_TERMINATE, TerminateProcess, WaitForMultipleObjects, WaitForSingleObject,
};

/// A process handle: while it is open, the pid cannot be reused (the
/// Windows counterpart of a pidfd).
pub(crate) struct Process(OwnedHandle);

/// Opens `pid` with the rights to wait on it and terminate it. `Err` is
/// the Win32 error (ERROR_ACCESS_DENIED for an elevated process seen from
/// an ordinary terminal, ERROR_INVALID_PARAMETER for a pid that is gone).
pub(crate) fn open_process(pid: u32) -> Result<Process, u32> {
    let rights = PROCESS_TERMINATE | PROCESS_SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION;
    // SAFETY: integer arguments; a null result is checked before use.
    let h = unsafe { OpenProcess(rights, 0, pid) };
    if h.is_null() {
        // SAFETY: no arguments; reads this thread's last error.
        return Err(unsafe { GetLastError() });
    }
    // SAFETY: `h` is a fresh handle that nothing else owns or closes.
    Ok(Process(unsafe { OwnedHandle::from_raw_handle(h) }))
}

fn millis(d: Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX - 1)
}

impl Process {
    /// Whether the process has exited (its handle is signalled).
    pub(crate) fn exited(&self) -> bool {
        // SAFETY: the handle is open for the lifetime of `self`.
        unsafe { WaitForSingleObject(self.0.as_raw_handle(), 0) != WAIT_TIMEOUT }
    }

    /// When the process was created (FILETIME: 100 ns since 1601), read
    /// from the open handle, so it is this process's whatever its pid.
    pub(crate) fn created(&self) -> Option<u64> {
        created_of(self.0.as_raw_handle())
    }

    /// TerminateProcess with exit code 1. `Err` is the Win32 error.
    pub(crate) fn terminate(&self) -> Result<(), u32> {
        // SAFETY: the handle is open and was opened with PROCESS_TERMINATE.
        if unsafe { TerminateProcess(self.0.as_raw_handle(), 1) } != 0 {
            return Ok(());
        }
        // SAFETY: no arguments; reads this thread's last error.
        Err(unsafe { GetLastError() })
    }
}

/// GetProcessTimes's creation time of the process `h` (FILETIME).
fn created_of(h: HANDLE) -> Option<u64> {
    let zero = FILETIME { dwLowDateTime: 0, dwHighDateTime: 0 };
    let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
    // SAFETY: `h` is an open process handle with at least
    // PROCESS_QUERY_LIMITED_INFORMATION; the four FILETIMEs are writable.
    let ok = unsafe {
        GetProcessTimes(h, &raw mut created, &raw mut exited, &raw mut kernel, &raw mut user)
    };
    let ticks = (u64::from(created.dwHighDateTime) << 32) | u64::from(created.dwLowDateTime);
    (ok != 0 && ticks != 0).then_some(ticks)
}

/// When `pid` was created (FILETIME), or `None` when it cannot be opened
/// (gone, or refused).
pub(crate) fn process_created(pid: u32) -> Option<u64> {
    // SAFETY: integer arguments; a null result is checked.
    let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if h.is_null() {
        return None;
    }
    // SAFETY: `h` is a fresh handle owned by nothing else.
    let process = unsafe { OwnedHandle::from_raw_handle(h) };
    created_of(process.as_raw_handle())
}

/// Waits until one of `procs` exits or `limit` passes.
pub(crate) fn wait_any(procs: &[&Process], limit: Duration) {
    // WaitForMultipleObjects takes at most 64 handles.
    let handles: Vec<_> = procs.iter().take(64).map(|p| p.0.as_raw_handle()).collect();
    if handles.is_empty() {
        return;
    }
    // SAFETY: `handles` holds `len` open handles (each borrowed from a
    // live Process) and lives across the call.
    unsafe { WaitForMultipleObjects(handles.len() as u32, handles.as_ptr(), 0, millis(limit)) };
}
