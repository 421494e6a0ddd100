//! The `holder` example's root: the platform's holder. The Unix holder
//! (`main.rs`) has every mode the tests use; the Windows one
//! (`windows.rs`) holds one socket, for the tests that run under Wine.

#![allow(clippy::print_stderr, clippy::print_stdout)]

#[cfg(unix)]
#[path = "main.rs"]
mod platform;
#[cfg(windows)]
#[path = "windows.rs"]
mod platform;

fn main() {
    platform::main();
}
