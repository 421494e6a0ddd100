//! The mechanics that macOS and Windows share, where no fd is spent per
//! target (a pid and start time, or a process handle) and sockets have
//! no inode: nothing to check of `/proc`, no fd limit to raise, no fd to
//! re-read before the signal — the pin's start-time check and
//! `scan::holds_any` (libproc on macOS) stand.

use super::PinError;

/// Nothing to check: there is no `/proc` to disagree with.
pub(crate) fn proc_is_ours() -> Result<(), String> {
    Ok(())
}

/// Nothing to raise: no fd is held per target.
pub(crate) fn raise_fd_limit() {}

/// No fd is held per target.
pub(crate) fn fd_budget() -> usize {
    usize::MAX
}

/// No fd to re-read: sockets have no inode here.
pub(crate) struct Holding;

pub(crate) fn holding(_pid: u32, _inodes: &[u64]) -> Result<Holding, PinError> {
    Ok(Holding)
}

impl Holding {
    pub(crate) fn still(&self) -> bool {
        true
    }
}
