//! The platform's kill mechanics behind one small interface: `Pinned`
//! (`pin`, `alive`, `signal`, `pid`), `wait_any`, `start_time` and
//! `parse_signal`. Linux pins with a pidfd (`linux.rs`); the other Unixes
//! pin by pid and start time (`unix.rs`, also Linux's fallback for
//! kernels without pidfds, and unit-tested here).

#[cfg(target_os = "linux")]
mod linux;
#[cfg_attr(target_os = "linux", allow(dead_code))]
mod unix;

#[cfg(target_os = "linux")]
pub(crate) use linux::{Pinned, start_time, wait_any};
pub(crate) use unix::parse_signal;
#[cfg(not(target_os = "linux"))]
pub(crate) use unix::{Pinned, start_time, wait_any};
