//! Process owners on Unix: a uid, named from the user database.

use super::Users;

/// The uid a process runs as (sysinfo's, on macOS) and its user name.
#[cfg_attr(target_os = "linux", allow(dead_code))]
pub(super) fn owner(
    _pid: u32,
    uid: Option<u32>,
    users: &mut Users,
) -> (Option<u32>, Option<String>) {
    (uid, uid.and_then(|u| users.name(u)))
}

/// macOS's kill mechanics read their own start time: nothing to carry
/// from the scan (Linux's report carries `stat`'s, read by `linux.rs`).
#[cfg_attr(target_os = "linux", allow(dead_code))]
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
