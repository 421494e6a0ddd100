//! Integration tests: the built binary against real sockets and processes,
//! one module per capability, one harness (`util`). Those modules are Linux's
//! (nix, /proc, setpriv, unshare); Windows has its own module (`windows`),
//! run under Wine by .ci/windows. On macOS only the unit tests run (CI
//! type-checks it; docs/architecture.md, "not run here").

#[cfg(target_os = "linux")]
mod advice;
#[cfg(target_os = "linux")]
mod beside;
#[cfg(target_os = "linux")]
mod by_hand;
#[cfg(target_os = "linux")]
mod explain;
#[cfg(target_os = "linux")]
mod hostile;
#[cfg(target_os = "linux")]
mod kill;
#[cfg(target_os = "linux")]
mod kill_safety;
#[cfg(target_os = "linux")]
mod layout;
#[cfg(target_os = "linux")]
mod life;
#[cfg(target_os = "linux")]
mod moment;
#[cfg(target_os = "linux")]
mod paste;
#[cfg(target_os = "linux")]
mod pasted;
#[cfg(target_os = "linux")]
mod query;
#[cfg(target_os = "linux")]
mod reach;
#[cfg(target_os = "linux")]
mod refusals;
#[cfg(target_os = "linux")]
mod reliability;
#[cfg(target_os = "linux")]
mod secrets;
#[cfg(target_os = "linux")]
mod spare;
#[cfg(target_os = "linux")]
mod suggest;
#[cfg(target_os = "linux")]
mod time_wait;
#[cfg(target_os = "linux")]
mod truth;
#[cfg(target_os = "linux")]
mod unseen;
#[cfg(target_os = "linux")]
mod usage;
#[cfg(target_os = "linux")]
mod util;
#[cfg(target_os = "linux")]
mod vscode;
#[cfg(target_os = "linux")]
mod wait;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
mod windows_kill;
#[cfg(windows)]
mod windows_refused;
