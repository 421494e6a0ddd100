//! The `holder` example's root: the platform's holder. The Linux holder
//! (`main.rs`) has every mode the tests use; the Windows one
//! (`windows.rs`) holds one socket, for the tests that run under Wine. It
//! uses std only, so it also stands in on macOS, where CI type-checks the
//! tests but runs none.

#![allow(clippy::print_stderr, clippy::print_stdout)]

#[cfg(target_os = "linux")]
#[path = "main.rs"]
mod platform;
#[cfg(not(target_os = "linux"))]
#[path = "windows.rs"]
mod platform;

fn main() {
    platform::main();
}
