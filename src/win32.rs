//! Every Win32 call portcheck makes, behind safe functions: the one module
//! (this file and its submodules in `win32/`) where `unsafe` is allowed
//! (Cargo.toml denies it everywhere else; `src/layers.rs` fails on the
//! keyword outside it). Each call carries a SAFETY comment. Callers see
//! Rust types and error codes, never raw handles.
//!
//! Windows only: `mod win32` is declared under `cfg(windows)`.

#![allow(unsafe_code)]

use windows_sys::Win32::Foundation::GetLastError;
use windows_sys::Win32::System::Console::{
    ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetStdHandle, STD_OUTPUT_HANDLE,
    SetConsoleMode,
};

mod adapters;
mod console;
mod process;
mod tables;
mod token;
mod winsock;

pub(crate) use adapters::{Adapter, adapters};
pub(crate) use console::console_width;
pub(crate) use process::{Process, open_process, process_created, wait_any};
pub(crate) use tables::{SocketCreated, sockets_created};
pub(crate) use token::{process_user, token_elevated};
pub(crate) use winsock::bind_exclusive;

/// This thread's last Win32 error.
fn last_error() -> u32 {
    // SAFETY: no arguments; reads this thread's last error.
    unsafe { GetLastError() }
}

/// Turns on escape-sequence processing for the console on stdout; the
/// Win32 error when stdout is no console or the console refuses.
pub(crate) fn enable_virtual_terminal() -> Result<(), u32> {
    // SAFETY: GetStdHandle takes a constant and returns a handle that
    // this process does not own (no closing).
    let out = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
    let mut mode = 0;
    // SAFETY: `out` is the std handle (GetConsoleMode fails cleanly for
    // a non-console or invalid handle); `mode` is a writable CONSOLE_MODE.
    if unsafe { GetConsoleMode(out, &raw mut mode) } == 0 {
        return Err(last_error());
    }
    if mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
        return Ok(());
    }
    // SAFETY: the same console handle, with a mode built from its own.
    if unsafe { SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) } == 0 {
        return Err(last_error());
    }
    Ok(())
}
