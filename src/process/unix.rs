//! Process owners on Unix: a uid, named from the user database.

use super::Users;

/// The uid `p` runs as and its user name.
pub(super) fn owner(p: &sysinfo::Process, users: &mut Users) -> (Option<u32>, Option<String>) {
    let uid = p.user_id().map(|u| **u);
    (uid, uid.and_then(|u| users.name(u)))
}

/// Unix's kill mechanics read their own start time (a pidfd pins on
/// Linux): nothing to carry from the scan.
pub(super) fn created(_pid: u32) -> Option<u64> {
    None
}

/// Advice on Unix is POSIX sh: no shell to choose.
pub(super) fn shell_ancestry() -> Option<Vec<String>> {
    None
}

/// The name of `uid` in the user database.
pub(super) fn user_name(uid: u32) -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)).ok().flatten().map(|u| u.name)
}
