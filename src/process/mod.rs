//! Details of the processes found holding sockets: name, command line,
//! user, parent chain, start time, state, systemd unit, container. Read
//! once per holder per run by one backend: `/proc` on Linux (`linux.rs`),
//! sysinfo where it is the backend (`portable.rs`: macOS, Windows); what
//! a cgroup text says is `cgroup.rs`'s. The owner (uid and name, or a
//! Windows account) per platform in `unix.rs` and `windows.rs`. Nothing
//! here reads a Linux path itself.

// Only Linux reads cgroups; the policy's types come from here everywhere.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
mod cgroup;
#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as source;
#[cfg(not(target_os = "linux"))]
mod portable;
#[cfg(not(target_os = "linux"))]
use portable as source;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as platform;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

pub(crate) use cgroup::{Runtime, Sandbox, Unit};
#[cfg(test)]
pub(crate) use cgroup::{sandbox_of, unit_of};

use std::collections::HashMap;

/// What portcheck shows of one process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProcessInfo {
    pub(crate) pid: u32,
    pub(crate) ppid: Option<u32>,
    /// The short name (`comm` on Linux).
    pub(crate) name: String,
    /// The parent's short name.
    pub(crate) parent_name: Option<String>,
    pub(crate) uid: Option<u32>,
    pub(crate) user: Option<String>,
    /// The full argument vector; invalid UTF-8 is replaced.
    pub(crate) command: Vec<String>,
    /// Start time, seconds since the Unix epoch.
    pub(crate) started: Option<u64>,
    /// The ancestors, parent first, up to and including the first
    /// supervisor (a shell, init, a container runtime, an IDE).
    pub(crate) ancestors: Vec<(u32, String)>,
    /// The systemd service the process runs in, if any.
    pub(crate) unit: Option<Unit>,
    /// Werkzeug's reloader started it as the serving child
    /// (`WERKZEUG_RUN_MAIN` or `WERKZEUG_SERVER_FD` in its environment).
    pub(crate) werkzeug_child: bool,
    /// Its working directory, where it can be read.
    pub(crate) cwd: Option<std::path::PathBuf>,
    /// The few environment variables the advice reads ([`KEPT_ENV`]),
    /// never a secret one.
    pub(crate) env: Vec<(String, String)>,
    /// The parent's argument vector, secrets redacted (a debugpy
    /// launcher); empty when unknown.
    pub(crate) parent_command: Vec<String>,
    /// The container engine it runs under, by its cgroup.
    pub(crate) container: Option<Runtime>,
    /// Its start in the unit `--kill` pins it by, read with the report
    /// (Linux: clock ticks since boot, `stat`'s field 22; Windows:
    /// FILETIME; `None` on macOS, whose mechanics read their own), so a
    /// pid reused after the scan is never signalled.
    pub(crate) created: Option<u64>,
    /// Stopped or traced, when it is.
    pub(crate) halt: Option<Halt>,
    /// When it is PID 1 of a pid namespace below portcheck's (a
    /// container, a sandbox): what runs it.
    pub(crate) sandbox: Option<Sandbox>,
    /// Its pid namespace (Linux: the `ns/pid` inode), to tell a namespace
    /// init's members.
    pub(crate) pid_ns: Option<u64>,
}

/// A process that does not run: stopped (state T: Ctrl+Z, SIGSTOP) or
/// stopped by a tracer (t: a debugger).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Halt {
    Stopped,
    Traced,
}

/// The environment variables kept of a holder: how it takes a port and
/// what started it (Flask's, `PORT`, npm's, VS Code's terminal, `PATH` to
/// tell where its tools come from).
const KEPT_ENV: &[&str] = &[
    "PORT",
    "PATH",
    "TERM_PROGRAM",
    "WERKZEUG_RUN_MAIN",
    "WERKZEUG_SERVER_FD",
    "RUN_MAIN",
    "npm_lifecycle_event",
    "npm_config_user_agent",
    "npm_package_json",
];

/// Whether the variable `name` is one portcheck keeps.
fn kept_env(name: &str) -> bool {
    (KEPT_ENV.contains(&name) || name.starts_with("FLASK_")) && !crate::secret::is_secret_env(name)
}

impl ProcessInfo {
    /// A process known by its pid and argv alone (tests).
    #[cfg(test)]
    pub(crate) fn bare(pid: u32, command: Vec<String>) -> ProcessInfo {
        let name = command.first().map_or("", |a| a.rsplit('/').next().unwrap_or(a)).to_string();
        ProcessInfo {
            pid,
            ppid: Some(1),
            name,
            parent_name: None,
            uid: None,
            user: None,
            command,
            started: None,
            ancestors: vec![],
            unit: None,
            werkzeug_child: false,
            cwd: None,
            env: vec![],
            parent_command: vec![],
            container: None,
            created: None,
            halt: None,
            sandbox: None,
            pid_ns: None,
        }
    }

    /// The value of a kept environment variable.
    pub(crate) fn env(&self, name: &str) -> Option<&str> {
        self.env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Processes that start others and stop the ancestor chain: what a user
/// recognises as "where this came from".
const SUPERVISORS: &[&str] = &[
    "bash",
    "zsh",
    "fish",
    "sh",
    "dash",
    "ksh",
    "tcsh",
    "nu",
    "pwsh",
    "tmux: server",
    "screen",
    "systemd",
    "init",
    "launchd",
    "containerd-shim",
    "containerd-shim-runc-v2",
    "dockerd",
    "docker",
    "podman",
    "conmon",
    "sshd",
    "login",
    "supervisord",
    "code",
    "Code Helper",
    "cursor",
    "pycharm",
    "idea",
    "java",
];

/// How deep the ancestor chain goes at most.
const MAX_ANCESTORS: usize = 8;

fn is_supervisor(pid: u32, name: &str) -> bool {
    pid == 1 || SUPERVISORS.contains(&name) || name.starts_with("containerd-shim")
}

impl Unit {
    /// The user whose instance runs it, by name when the user database
    /// has one, else by uid.
    pub(crate) fn user_name(&self) -> Option<String> {
        self.user.map(|uid| user_name(uid).unwrap_or_else(|| uid.to_string()))
    }

    /// "nginx.service", or "sshd.service of user ana (uid 1000)": a unit
    /// below `user@UID.service` is that user's, whatever its name.
    pub(crate) fn describe(&self) -> String {
        match self.user {
            None => self.name.clone(),
            Some(uid) => match user_name(uid) {
                Some(name) => format!("{} of user {name} (uid {uid})", self.name),
                None => format!("{} of uid {uid}", self.name),
            },
        }
    }
}

/// The real uid `pid` runs as, for a process whose fds are not readable.
pub(crate) fn uid_of(pid: u32) -> Option<u32> {
    source::uid_of(pid)
}

/// The name of user `uid`, when the user database has one.
pub(crate) fn user_name(uid: u32) -> Option<String> {
    platform::user_name(uid)
}

/// The systemd service `pid` runs in, where there is one (portcheck's
/// own, for the kill policy; a holder's comes with its details).
pub(crate) fn unit(pid: u32) -> Option<Unit> {
    source::unit(pid)
}

/// The process's start time in the unit the platform's pid-and-start-time
/// mechanics compare (`kill/sys/unix.rs`: sysinfo's seconds since the
/// epoch on macOS; on Linux, where those mechanics are only unit-tested,
/// `stat`'s clock ticks), `None` when it is gone or a zombie.
#[cfg_attr(any(windows, target_os = "linux"), allow(dead_code))]
pub(crate) fn start_time(pid: u32) -> Option<u64> {
    source::start_time(pid)
}

/// The process that runs under `python -m debugpy --listen [HOST:]PORT`
/// (the program a debug adapter on PORT debugs): its pid, and whether it
/// waits for a client (`--wait-for-client`). Reads every process's
/// command line, so only `--kill` on a debugger's port asks.
pub(crate) fn debuggee_of(port: u16) -> Option<(u32, bool)> {
    source::debuggee_of(port)
}

/// Whether `argv` is `… debugpy … --listen [HOST:]PORT` on `port`: then
/// whether it waits for a client.
fn debugpy_listening(words: &[String], port: u16) -> Option<bool> {
    let at = words.iter().position(|w| w == "--listen")?;
    let value = words.get(at + 1)?;
    let on = value.rsplit(':').next()?.parse::<u16>().ok()? == port;
    (on && words.iter().any(|w| w == "debugpy" || w.ends_with("/debugpy")))
        .then(|| words.iter().any(|w| w == "--wait-for-client"))
}

/// Every ancestor of `pid`, parent first, up to PID 1 (or the first one
/// that cannot be seen).
pub(crate) fn ancestors(pid: u32) -> Vec<u32> {
    source::ancestors(pid)
}

/// The names of portcheck's own ancestors, parent first, where the
/// advice's shell is chosen from them (Windows); `None` where advice is
/// always POSIX (Unix).
#[cfg_attr(test, allow(dead_code))]
pub(crate) fn shell_ancestry() -> Option<Vec<String>> {
    platform::shell_ancestry()
}

/// Reads the details of `pids`. A pid that vanished meanwhile is absent
/// from the result.
pub(crate) fn describe(pids: &[u32]) -> HashMap<u32, ProcessInfo> {
    if pids.is_empty() {
        return HashMap::new();
    }
    source::describe(pids)
}

/// The ancestors from `parent` up (`lookup`: a pid's name, start time in
/// seconds, parent), for a process started at `start`; up to and
/// including the first supervisor. A "parent" that started after its
/// child is not its parent: the real one exited and its pid was reused
/// (Windows never reparents), so the chain ends there. A start time of 0
/// is unknown and ends nothing.
fn chain(
    parent: Option<u32>,
    start: u64,
    mut lookup: impl FnMut(u32) -> Option<(String, u64, Option<u32>)>,
) -> Vec<(u32, String)> {
    let mut ancestors = Vec::new();
    let (mut cur, mut child_start) = (parent, start);
    while let Some(pid) = cur {
        let Some((name, started, next)) = lookup(pid) else { break };
        if started > child_start && child_start != 0 {
            break;
        }
        let stop = is_supervisor(pid, &name);
        ancestors.push((pid, name));
        if stop || ancestors.len() >= MAX_ANCESTORS {
            break;
        }
        (cur, child_start) = (next, started);
    }
    ancestors
}

/// uid → user name, looked up once per uid.
#[derive(Default)]
pub(crate) struct Users(HashMap<u32, Option<String>>);

impl Users {
    pub(crate) fn name(&mut self, uid: u32) -> Option<String> {
        self.0.entry(uid).or_insert_with(|| platform::user_name(uid)).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// names a process younger than 300, which cannot be its parent.
    #[test]
    fn a_parent_younger_than_its_child_ends_the_chain() {
        let table = |pid: u32| match pid {
            200 => Some(("notepad.exe".to_string(), 5000, Some(100))),
            100 => Some(("explorer.exe".to_string(), 10, None)),
            _ => None,
        };
        assert!(chain(Some(200), 4000, table).is_empty());
        let names: Vec<u32> = chain(Some(200), 6000, table).iter().map(|a| a.0).collect();
        assert_eq!(names, [200, 100]);
        // An unknown start time (0) ends nothing.
        assert_eq!(chain(Some(200), 0, table).len(), 2);
    }

    #[test]
    #[cfg(target_os = "linux")] // under Wine, sysinfo names no parent
    fn describes_this_process() {
        let me = std::process::id();
        let info = describe(&[me]);
        let p = &info[&me];
        assert_eq!(p.pid, me);
        assert!(p.ppid.is_some());
        assert!(!p.command.is_empty());
        assert!(p.started.is_some());
    }
}
