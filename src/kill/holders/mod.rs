//! Holders that are explained, not killed, by platform: what only one OS
//! has (HTTP.sys and services on Windows, AirPlay Receiver and launchd on
//! macOS). `kill::policy::decide` asks `decide` after its shared rules.
//! The rules are pure functions of the holder's report (plus, on
//! Windows, one `tasklist` when a service must be named), so both
//! platforms' rules are unit-tested on every platform.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(any(test, target_os = "macos"))]
#[cfg_attr(not(target_os = "macos"), allow(dead_code))]
mod macos;
#[cfg(any(test, windows))]
#[cfg_attr(not(windows), allow(dead_code))]
mod windows;

// Every cmd.exe line portcheck advises, run through `cmd /c` (Windows:
// under Wine in .ci/windows).
#[cfg(all(test, windows))]
mod cmd_tests;

#[cfg(target_os = "linux")]
pub(super) use linux::decide;
#[cfg(target_os = "macos")]
pub(super) use macos::decide;
#[cfg(windows)]
pub(super) use windows::decide;

/// A holder's report with only a pid and a name, for the rules' tests.
#[cfg(test)]
fn proc(pid: u32, name: &str) -> crate::report::ProcessReport {
    crate::report::ProcessReport::bare(pid, name)
}
