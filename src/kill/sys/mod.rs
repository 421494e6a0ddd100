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
pub(crate) use linux::{
    Holding, Pinned, fd_budget, holding, proc_is_ours, raise_fd_limit, start_time, wait_any,
};
#[cfg(not(target_os = "linux"))]
pub(crate) use unix::{
    Holding, Pinned, fd_budget, holding, proc_is_ours, raise_fd_limit, start_time, wait_any,
};
pub(crate) use unix::{catch_interrupts, interrupted, parse_signal};

/// Why a target could not be pinned and checked: it is not signalled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PinError {
    /// It exited before it could be pinned.
    Exited,
    /// Its pid names another program now, or it let go of the socket.
    LetGo,
    /// The pidfd names a process other than the one `/proc` showed:
    /// `/proc` is another pid namespace's.
    OtherNamespace,
    /// Out of file descriptors (or another OS error) reading its state:
    /// the error, in words.
    Unreadable(String),
}
