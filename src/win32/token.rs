//! Process tokens: the account a process runs as, and whether
//! portcheck's own token is elevated.

use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
use std::ptr::null_mut;

use windows_sys::Win32::Security::{
    GetTokenInformation, LookupAccountSidW, SID_NAME_USE, TOKEN_ELEVATION, TOKEN_QUERY, TOKEN_USER,
    TokenElevation, TokenUser,
};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcess, OpenProcess, OpenProcessToken, PROCESS_QUERY_LIMITED_INFORMATION,
};

use super::last_error;

/// The account `pid` runs as (`DOMAIN\\name` without the domain), from
/// its token: OpenProcess, OpenProcessToken, GetTokenInformation(TokenUser),
/// LookupAccountSidW. `None` when any step is refused.
pub(crate) fn process_user(pid: u32) -> Option<String> {
    // SAFETY: integer arguments; a null result is checked.
    let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if h.is_null() {
        return None;
    }
    // SAFETY: `h` is a fresh handle owned by nothing else.
    let process = unsafe { OwnedHandle::from_raw_handle(h) };
    let mut token = std::ptr::null_mut();
    // SAFETY: the process handle is open; `token` is a writable HANDLE.
    if unsafe { OpenProcessToken(process.as_raw_handle(), TOKEN_QUERY, &raw mut token) } == 0 {
        return None;
    }
    // SAFETY: `token` was just opened and is owned by nothing else.
    let token = unsafe { OwnedHandle::from_raw_handle(token) };
    // TOKEN_USER is a pointer to the SID followed by the SID itself: a
    // u64 buffer keeps it aligned.
    let mut buf = [0u64; 64];
    let mut len = 0u32;
    // SAFETY: `buf` is writable for the length passed; `len` is writable.
    let ok = unsafe {
        GetTokenInformation(
            token.as_raw_handle(),
            TokenUser,
            buf.as_mut_ptr().cast(),
            size_of_val(&buf) as u32,
            &raw mut len,
        )
    };
    if ok == 0 {
        return None;
    }
    // SAFETY: on success the buffer starts with a TOKEN_USER, aligned.
    let sid = unsafe { (*buf.as_ptr().cast::<TOKEN_USER>()).User.Sid };
    let (mut name, mut domain) = ([0u16; 256], [0u16; 256]);
    let (mut name_len, mut domain_len, mut kind) = (256u32, 256u32, SID_NAME_USE::default());
    // SAFETY: `sid` points into `buf`, alive here; both name buffers are
    // writable for the lengths passed, which the call updates.
    let ok = unsafe {
        LookupAccountSidW(
            std::ptr::null(),
            sid,
            name.as_mut_ptr(),
            &raw mut name_len,
            domain.as_mut_ptr(),
            &raw mut domain_len,
            &raw mut kind,
        )
    };
    let name = name.get(..name_len as usize)?;
    (ok != 0).then(|| String::from_utf16_lossy(name))
}

/// Whether portcheck's own token is elevated (GetTokenInformation with
/// TokenElevation): the Windows counterpart of running as root. `Err` is
/// the Win32 error of the step that failed.
pub(crate) fn token_elevated() -> Result<bool, u32> {
    let mut token = null_mut();
    // SAFETY: GetCurrentProcess returns a pseudo-handle that needs no
    // closing; `token` is a writable HANDLE.
    if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw mut token) } == 0 {
        return Err(last_error());
    }
    // SAFETY: `token` was just opened and is owned by nothing else.
    let token = unsafe { OwnedHandle::from_raw_handle(token) };
    let mut elevation = TOKEN_ELEVATION { TokenIsElevated: 0 };
    let mut len = 0u32;
    // SAFETY: the token is open with TOKEN_QUERY; `elevation` is a
    // writable TOKEN_ELEVATION of the size passed; `len` is writable.
    let ok = unsafe {
        GetTokenInformation(
            token.as_raw_handle(),
            TokenElevation,
            (&raw mut elevation).cast(),
            size_of::<TOKEN_ELEVATION>() as u32,
            &raw mut len,
        )
    };
    if ok == 0 {
        return Err(last_error());
    }
    Ok(elevation.TokenIsElevated != 0)
}
