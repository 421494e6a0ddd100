//! The platform's kill mechanics behind one small interface: `Pinned`
//! (`pin`, `alive`, `signal`, `pid`), `wait_any`, `start_time` and the
//! words of the manual way. (Signal names and the flags a platform cannot
//! honour are the command line's: `cli/unix.rs`, `cli/windows.rs`.) Linux pins
//! with a pidfd, or without one (a kernel before 5.3, no fd to spare) by
//! pid and the `/proc` start time the scan read (`linux.rs`); macOS pins
//! by pid and start time (`unix.rs`, which Linux builds too for the
//! signals, interrupts and manual commands they share, and whose pin is
//! unit-tested on Linux); Windows pins with a process handle and ends a
//! process with TerminateProcess (`windows.rs`). What macOS and Windows
//! share — no fd per target, no inode to re-read — is `plain.rs`.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(not(target_os = "linux"))]
mod plain;
#[cfg(unix)]
#[cfg_attr(target_os = "linux", allow(dead_code))]
mod unix;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "linux")]
pub(crate) use linux::{
    Holding, Pinned, fd_budget, holding, proc_is_ours, raise_fd_limit, start_time, wait_any, wake,
};
#[cfg(not(target_os = "linux"))]
pub(crate) use plain::{Holding, fd_budget, holding, proc_is_ours, raise_fd_limit, wake};
#[cfg(unix)]
pub(crate) use unix::{
    METHOD, catch_interrupts, denied_hint, end_pids, find_holders, first_signal, hidden_hint,
    interrupted, sent,
};
#[cfg(all(unix, not(target_os = "linux")))]
pub(crate) use unix::{Pinned, start_time, wait_any};
#[cfg(windows)]
pub(crate) use windows::{
    METHOD, Pinned, catch_interrupts, denied_hint, end_pids, find_holders, first_signal,
    hidden_hint, interrupted, sent, start_time, wait_any,
};

/// Why a target could not be pinned and checked: it is not signalled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PinError {
    /// It exited before it could be pinned.
    Exited,
    /// It let go of the socket (its fd table holds none of them).
    LetGo,
    /// Its pid names another process now: its start time (Windows: its
    /// creation time) is not the planned one.
    PidReused,
    /// The pidfd names a process other than the one `/proc` showed:
    /// `/proc` is another pid namespace's.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    OtherNamespace,
    /// The OS refused to open it (Windows: an elevated process, from a
    /// terminal that is not).
    #[cfg_attr(not(windows), allow(dead_code))]
    Denied,
    /// No pidfd, and `/proc` cannot be proven this pid namespace's: a pid
    /// read there may name another process here.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    ProcUnproven,
    /// Out of file descriptors (or another OS error) reading its state:
    /// the error, in words.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Unreadable(String),
}

/// A signalled target's run state, and what was done about a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stopped {
    /// Running (or this platform cannot tell): nothing to do.
    Running,
    /// It was stopped (state T, Ctrl+Z or SIGSTOP): it was sent SIGCONT
    /// through its pin, so the signal pending on it is delivered.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Continued,
    /// It is stopped by a tracer (state t, a debugger), the tracer's pid:
    /// not continued, the signal waits for the tracer.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Traced(Option<u32>),
}
