//! Linux's process details, from `/proc`, each file read once per process
//! per run: a holder's `stat` (name, state, parent, start time in clock
//! ticks), `status` (uid, `NSpid:`), `cmdline`, `cwd`, `environ`, `cgroup`
//! and `ns/pid` link; each ancestor's `stat`, and the parent's `cmdline`.
//! The report carries what they say (the start time that pins a `--kill`
//! target, the run state, the namespace init's sandbox, the pid
//! namespace), so nothing downstream reads them again.

use std::collections::HashMap;

use super::{Halt, ProcessInfo, Unit, Users, chain, kept_env};

/// What `/proc/PID/stat` says of a process.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stat {
    /// `comm`, cut to 15 bytes by the kernel.
    name: String,
    state: char,
    ppid: u32,
    threads: u32,
    /// Clock ticks since boot.
    start: u64,
}

/// Parses a `stat` text: the name between the first `(` and the last `)`
/// (a name may hold either), then state (field 3), ppid (4), num_threads
/// (20) and starttime (22).
fn parse_stat(text: &str) -> Option<Stat> {
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let name = text.get(open + 1..close)?.to_string();
    let mut fields = text.get(close + 1..)?.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    // The next field is 5; 15 more reach num_threads (20).
    let mut rest = fields.skip(15);
    let threads = rest.next()?.parse().ok()?;
    let start = rest.nth(1)?.parse().ok()?;
    Some(Stat { name, state, ppid, threads, start })
}

fn read(pid: u32, file: &str) -> Option<Vec<u8>> {
    std::fs::read(format!("/proc/{pid}/{file}")).ok()
}

fn read_text(pid: u32, file: &str) -> Option<String> {
    String::from_utf8(read(pid, file)?).ok()
}

/// The boot time (seconds since the epoch, `btime` of `/proc/stat`) and
/// the clock ticks per second: one read per run.
fn boot() -> Option<(u64, u64)> {
    static BOOT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let btime = *BOOT.get_or_init(|| {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        stat.lines().find_map(|l| l.strip_prefix("btime "))?.trim().parse().ok()
    });
    Some((btime?, rustix::param::clock_ticks_per_second()))
}

/// Reads each process's files once, whatever asks for them (a holder that
/// is another's parent, several holders of one parent).
#[derive(Default)]
struct Reader {
    stats: HashMap<u32, Option<Stat>>,
    cmdlines: HashMap<u32, Option<Vec<String>>>,
    users: Users,
}

impl Reader {
    fn stat(&mut self, pid: u32) -> Option<Stat> {
        self.stats
            .entry(pid)
            .or_insert_with(|| read_text(pid, "stat").as_deref().and_then(parse_stat))
            .clone()
    }

    /// The argument vector, empty arguments kept; for a process whose main
    /// thread has exited (a zombie thread-group leader, whose own
    /// `cmdline` is empty) from one of its live threads.
    fn cmdline(&mut self, pid: u32) -> Option<Vec<String>> {
        if let Some(known) = self.cmdlines.get(&pid) {
            return known.clone();
        }
        let mut argv = read(pid, "cmdline").and_then(|raw| parse_cmdline(&raw));
        if argv.is_none() && self.stat(pid).is_some_and(|s| s.state == 'Z' && s.threads > 1) {
            let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok();
            argv = tasks
                .into_iter()
                .flatten()
                .flatten()
                .find_map(|t| parse_cmdline(&std::fs::read(t.path().join("cmdline")).ok()?));
        }
        self.cmdlines.insert(pid, argv.clone());
        argv
    }

    /// What portcheck shows of `pid`.
    fn info(&mut self, pid: u32) -> Option<ProcessInfo> {
        let stat = self.stat(pid)?;
        let status = read_text(pid, "status").unwrap_or_default();
        let uid = status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().next()?.parse().ok());
        let command = self.cmdline(pid).unwrap_or_else(|| vec![format!("[{}]", stat.name)]);
        // Secrets never leave: everything downstream reads the redacted words.
        let command = crate::secret::redact(&command);
        let cgroup = read_text(pid, "cgroup").unwrap_or_default();
        let env = environ(pid);
        let werkzeug_child =
            env.iter().any(|(k, _)| k == "WERKZEUG_RUN_MAIN" || k == "WERKZEUG_SERVER_FD");
        let ppid = (stat.ppid != 0).then_some(stat.ppid);
        let ancestors = chain(ppid, stat.start, |p| {
            let s = self.stat(p)?;
            Some((s.name, s.start, (s.ppid != 0).then_some(s.ppid)))
        });
        let parent_command = ppid
            .and_then(|p| self.cmdline(p))
            .map(|argv| crate::secret::redact(&argv))
            .unwrap_or_default();
        let started = boot().map(|(btime, hz)| btime + stat.start / hz.max(1));
        Some(ProcessInfo {
            pid,
            ppid,
            name: stat.name.clone(),
            parent_name: ancestors.first().map(|a| a.1.clone()),
            uid,
            user: uid.and_then(|u| self.users.name(u)),
            command,
            started,
            ancestors,
            unit: super::cgroup::unit_of(&cgroup),
            container: super::cgroup::sandbox_of(&cgroup).runtime,
            werkzeug_child,
            cwd: std::fs::read_link(format!("/proc/{pid}/cwd")).ok(),
            env,
            parent_command,
            created: Some(stat.start),
            halt: halt(stat.state),
            sandbox: is_namespace_init(&status).then(|| super::cgroup::sandbox_of(&cgroup)),
            pid_ns: pid_namespace(pid),
        })
    }
}

/// Stopped (`T`) or traced (`t`); `None` for any state that runs.
fn halt(state: char) -> Option<Halt> {
    match state {
        'T' => Some(Halt::Stopped),
        't' => Some(Halt::Traced),
        _ => None,
    }
}

/// The kept environment variables of `pid` ([`kept_env`]).
fn environ(pid: u32) -> Vec<(String, String)> {
    let raw = read(pid, "environ").unwrap_or_default();
    raw.split(|&b| b == 0)
        .filter_map(|e| {
            let (k, v) = std::str::from_utf8(e).ok()?.split_once('=')?;
            kept_env(k).then(|| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// The inode of `pid`'s pid namespace (`ns/pid` links to `pid:[N]`).
fn pid_namespace(pid: u32) -> Option<u64> {
    let link = std::fs::read_link(format!("/proc/{pid}/ns/pid")).ok()?;
    link.to_str()?.strip_prefix("pid:[")?.strip_suffix(']')?.parse().ok()
}

/// A `cmdline`'s arguments, empty ones kept, `None` when there are none (a
/// kernel thread, a zombie leader).
fn parse_cmdline(raw: &[u8]) -> Option<Vec<String>> {
    let raw = raw.strip_suffix(&[0]).unwrap_or(raw);
    (!raw.is_empty()).then(|| {
        without_title_padding(
            raw.split(|&b| b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect(),
        )
    })
}

/// `argv` without the padding a rewritten process title leaves: nginx,
/// PostgreSQL and other setproctitle users write their title over the
/// argument area and zero the rest, which reads back as a run of empty
/// arguments. Two or more trailing empty arguments are that padding; one is
/// kept (a program may be given `''` last).
fn without_title_padding(mut argv: Vec<String>) -> Vec<String> {
    let empty = argv.iter().rev().take_while(|a| a.is_empty()).count();
    if empty >= 2 {
        argv.truncate(argv.len() - empty);
    }
    argv
}

/// Whether a `status` text is that of PID 1 of a pid namespace below the
/// one `/proc` belongs to: `NSpid:` lists more than one pid and the last
/// (its pid inside its own namespace) is 1.
fn is_namespace_init(status: &str) -> bool {
    status.lines().find_map(|l| l.strip_prefix("NSpid:")).is_some_and(|ids| {
        let ids: Vec<&str> = ids.split_whitespace().collect();
        ids.len() > 1 && ids.last() == Some(&"1")
    })
}

/// Reads the details of `pids`. A pid that vanished meanwhile is absent
/// from the result.
pub(super) fn describe(pids: &[u32]) -> HashMap<u32, ProcessInfo> {
    let mut reader = Reader::default();
    pids.iter().filter_map(|&pid| Some((pid, reader.info(pid)?))).collect()
}

/// The real uid `pid` runs as (`/proc/PID/status`, readable even for a
/// process whose fds are not).
pub(super) fn uid_of(pid: u32) -> Option<u32> {
    let status = read_text(pid, "status")?;
    status.lines().find_map(|l| l.strip_prefix("Uid:"))?.split_whitespace().next()?.parse().ok()
}

/// The systemd service `pid` runs in (portcheck's own, for the policy).
pub(super) fn unit(pid: u32) -> Option<Unit> {
    super::cgroup::unit_of(&read_text(pid, "cgroup")?)
}

/// The start time of `pid` in clock ticks since boot, `None` when it is
/// gone or a zombie (the pid-and-start-time mechanics of
/// `kill/sys/unix.rs`, unit-tested on Linux).
#[allow(dead_code)]
pub(super) fn start_time(pid: u32) -> Option<u64> {
    let stat = parse_stat(&read_text(pid, "stat")?)?;
    (stat.state != 'Z').then_some(stat.start)
}

/// Every ancestor of `pid`, parent first, up to PID 1 (or the first one
/// that cannot be read).
pub(super) fn ancestors(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut cur = pid;
    // A cycle cannot happen, but a bound costs nothing.
    for _ in 0..4096 {
        let Some(parent) = read_text(cur, "stat").as_deref().and_then(parse_stat).map(|s| s.ppid)
        else {
            break;
        };
        if parent == 0 || out.contains(&parent) {
            break;
        }
        out.push(parent);
        cur = parent;
    }
    out
}

/// The process that runs under `python -m debugpy --listen [HOST:]PORT`:
/// every process's `cmdline` is read.
pub(super) fn debuggee_of(port: u16) -> Option<(u32, bool)> {
    let mut found: Vec<(u32, bool)> = std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let argv = parse_cmdline(&read(pid, "cmdline")?)?;
            super::debugpy_listening(&argv, port).map(|wait| (pid, wait))
        })
        .collect();
    found.sort_unstable();
    found.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stat_past_a_name_with_parentheses() {
        let text = "4711 (a) b (c)) S 1 4711 4711 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 3 0 987654 1000 100 1";
        let s = parse_stat(text).unwrap();
        assert_eq!(s.name, "a) b (c)");
        assert_eq!((s.state, s.ppid, s.threads, s.start), ('S', 1, 3, 987_654));
        assert_eq!(parse_stat("4711 (x) Z"), None);
    }

    #[test]
    fn a_namespace_init_is_pid_1_of_a_child_namespace() {
        assert!(is_namespace_init("Name:\tsleep\nNSpid:\t4711\t1\n"));
        assert!(is_namespace_init("NSpid:\t4711\t30\t1\n"));
        assert!(!is_namespace_init("NSpid:\t1\n"), "the init of portcheck's own namespace");
        assert!(!is_namespace_init("NSpid:\t4711\t7\n"));
        assert!(!is_namespace_init("Name:\told-kernel\n"));
    }

    #[test]
    fn a_process_titles_padding_is_not_arguments() {
        let v = |a: &[&str]| a.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let nginx = v(&["nginx: worker process", "", "", "", ""]);
        assert_eq!(without_title_padding(nginx), v(&["nginx: worker process"]));
        let given = v(&["prog", "--label", "", "--label", "a b", ""]);
        assert_eq!(without_title_padding(given.clone()), given);
        assert_eq!(parse_cmdline(b"a\0\0b\0"), Some(v(&["a", "", "b"])));
        assert_eq!(parse_cmdline(b""), None);
    }

    /// A child's details, read from `/proc`: its parent, start time in
    /// ticks (the pin's), state, pid namespace (this test's).
    #[test]
    fn describes_a_child_from_proc() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        // Until execve has set up its arguments, `cmdline` reads empty.
        for _ in 0..500 {
            if read(pid, "cmdline").is_some_and(|c| c.starts_with(b"sleep")) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let info = describe(&[pid]).remove(&pid).unwrap();
        let mine = describe(&[std::process::id()]).remove(&std::process::id()).unwrap();
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(info.ppid, Some(std::process::id()));
        assert_eq!(info.command, ["sleep", "30"]);
        assert!(info.created.unwrap() >= mine.created.unwrap());
        assert_eq!(info.halt, None);
        assert_eq!(info.sandbox, None);
        assert!(info.pid_ns.is_some() && info.pid_ns == mine.pid_ns);
        assert!(info.started.is_some());
    }

    #[test]
    fn ancestors_reach_pid_1_through_a_wrapper() {
        // sh -c 'sleep' keeps sh as the sleeper's parent when given two
        // commands; the chain goes through sh and this test to PID 1.
        let mut child =
            std::process::Command::new("sh").args(["-c", "sleep 30; true"]).spawn().unwrap();
        let sh = child.id();
        let mut sleeper = None;
        for _ in 0..500 {
            let kids = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children"));
            if let Some(pid) = kids.ok().and_then(|k| k.split_whitespace().next()?.parse().ok()) {
                sleeper = Some(pid);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let chain = super::super::ancestors(sleeper.unwrap());
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(chain[0], sh);
        assert_eq!(chain[1], std::process::id());
        assert!(chain.len() > 2, "{chain:?}");
    }
}
