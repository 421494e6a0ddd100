//! Integration tests: the built binary against real sockets and processes,
//! one module per capability, one harness (`util`). The Unix modules use
//! nix, /proc and setpriv; Windows has its own module (`windows`), run
//! under Wine by .ci/windows.

#[cfg(unix)]
mod explain;
#[cfg(unix)]
mod kill;
#[cfg(unix)]
mod query;
#[cfg(unix)]
mod reliability;
#[cfg(unix)]
mod suggest;
#[cfg(unix)]
mod usage;
#[cfg(unix)]
mod util;
#[cfg(unix)]
mod wait;
#[cfg(windows)]
mod windows;
