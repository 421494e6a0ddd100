//! The console stdout writes to: how wide its window is.

use windows_sys::Win32::System::Console::{
    CONSOLE_SCREEN_BUFFER_INFO, COORD, GetConsoleScreenBufferInfo, GetStdHandle, SMALL_RECT,
    STD_OUTPUT_HANDLE,
};

/// The width in columns of the console window on stdout (its visible
/// part, not the scroll-back buffer); `None` when stdout is no console.
pub(crate) fn console_width() -> Option<u16> {
    let zero = COORD { X: 0, Y: 0 };
    let mut info = CONSOLE_SCREEN_BUFFER_INFO {
        dwSize: zero,
        dwCursorPosition: zero,
        wAttributes: 0,
        srWindow: SMALL_RECT { Left: 0, Top: 0, Right: 0, Bottom: 0 },
        dwMaximumWindowSize: zero,
    };
    // SAFETY: GetStdHandle takes a constant and returns a handle that
    // this process does not own (no closing).
    let out = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
    // SAFETY: `out` is the std handle (the call fails cleanly for a
    // non-console or invalid handle); `info` is a writable
    // CONSOLE_SCREEN_BUFFER_INFO owned by this frame.
    if unsafe { GetConsoleScreenBufferInfo(out, &raw mut info) } == 0 {
        return None;
    }
    // The window's edges are inclusive columns of the buffer.
    let columns = i32::from(info.srWindow.Right) - i32::from(info.srWindow.Left) + 1;
    u16::try_from(columns).ok()
}
