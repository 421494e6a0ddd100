//! The platform's kill mechanics behind one small interface: `Pinned`
//! (`pin`, `alive`, `signal`, `pid`), `wait_any`, `start_time`,
//! `parse_signal` and the flags the platform cannot honour. Linux pins
//! with a pidfd (`linux.rs`); the other Unixes pin by pid and start time
//! (`unix.rs`, also Linux's fallback for kernels without pidfds, and
//! unit-tested here); Windows pins with a process handle and ends a
//! process with TerminateProcess (`windows.rs`).

#[cfg(target_os = "linux")]
mod linux;
#[cfg(unix)]
#[cfg_attr(target_os = "linux", allow(dead_code))]
mod unix;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "linux")]
pub(crate) use linux::{Pinned, start_time, wait_any};
#[cfg(unix)]
pub(crate) use unix::{DENIED_HINT, HIDDEN_HINT, UNSUPPORTED_FLAGS, UNSUPPORTED_WHY, parse_signal};
#[cfg(all(unix, not(target_os = "linux")))]
pub(crate) use unix::{Pinned, start_time, wait_any};
#[cfg(windows)]
pub(crate) use windows::{
    DENIED_HINT, HIDDEN_HINT, Pinned, UNSUPPORTED_FLAGS, UNSUPPORTED_WHY, parse_signal, start_time,
    wait_any,
};
