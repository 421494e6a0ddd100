//! Process owners on Windows: a SID, not a number, so `uid` stays `None`
//! (JSON keeps its schema: `uid` null, the account name in `user`), read
//! from the process's token (`crate::win32::process_user`). sysinfo's
//! user list is not used: under Wine it reads a null buffer.

use super::Users;

/// No uid on Windows; the account `pid` runs as.
pub(super) fn owner(
    pid: u32,
    _uid: Option<u32>,
    _users: &mut Users,
) -> (Option<u32>, Option<String>) {
    (None, crate::win32::process_user(pid))
}

/// When `pid` was created (FILETIME, GetProcessTimes), read with the
/// report: `--kill` ends the target only if its pid still names the
/// process created then.
pub(super) fn created(pid: u32) -> Option<u64> {
    crate::win32::process_created(pid)
}

/// The names of portcheck's ancestors, parent first: the advice is
/// written for the shell among them (`shell::choose`).
pub(super) fn shell_ancestry() -> Option<Vec<String>> {
    Some(super::portable::ancestor_names(std::process::id()))
}

/// Sockets carry no uid on Windows, so there is nothing to name.
pub(super) fn user_name(_uid: u32) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use std::process::{Child, Command, Stdio};

    /// A child that waits for its stdin: `cmd /c pause`.
    fn paused() -> Child {
        Command::new("cmd")
            .args(["/c", "pause"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    }

    /// The shell is chosen from the ancestors' names, parent first: a
    /// child of this test has this test's program as its first.
    #[test]
    fn ancestor_names_start_with_the_parent() {
        let mut c = paused();
        let names = super::super::portable::ancestor_names(c.id());
        c.kill().unwrap();
        c.wait().unwrap();
        let me = std::env::current_exe().unwrap();
        let me = me.file_name().unwrap().to_string_lossy().to_ascii_lowercase();
        assert_eq!(names.first().map(|n| n.to_ascii_lowercase()), Some(me), "{names:?}");
        assert!(super::shell_ancestry().is_some(), "Windows chooses its shell");
    }

    /// A child's details: its parent is this test, its command line and
    /// start time are read (under Wine as on Windows).
    #[test]
    fn describes_a_child() {
        let mut c = paused();
        let info = super::super::describe(&[c.id()]);
        c.kill().unwrap();
        c.wait().unwrap();
        let p = &info[&c.id()];
        assert_eq!(p.ppid, Some(std::process::id()));
        assert!(p.command.iter().any(|a| a.contains("pause")), "{:?}", p.command);
        assert!(p.started.is_some());
        assert_eq!(p.uid, None);
    }
}
