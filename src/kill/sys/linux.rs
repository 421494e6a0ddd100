//! Linux's kill mechanics: a pidfd pins the target (its pid cannot name
//! another process while the pidfd is open) and `pidfd_send_signal`
//! reaches it and nothing else. Without pidfds (Linux before 5.3) the
//! pid and its start time are checked before each signal, as elsewhere.

use std::os::fd::OwnedFd;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

use super::PinError;
use crate::i18n::{Msg, msg};
use crate::report::{Outcome, Signal};

/// `/proc/PID/stat`: the state letter and the start time (field 22,
/// clock ticks since boot).
fn stat(pid: u32) -> Option<(char, u64)> {
    read_stat(pid).ok().flatten()
}

/// [`stat`], telling a process that is gone (`Ok(None)`) from one whose
/// state could not be read (out of fds: `Err`).
fn read_stat(pid: u32) -> Result<Option<(char, u64)>, PinError> {
    let stat = match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => s,
        Err(e) if gone(&e) => return Ok(None),
        Err(e) => return Err(PinError::Unreadable(format!("/proc/{pid}/stat: {e}"))),
    };
    let parse = || {
        let after = stat.rsplit_once(')')?.1;
        let mut fields = after.split_whitespace();
        let state = fields.next()?.chars().next()?;
        // Fields after the name start at field 3 (state); 22 is 19 further.
        let start = fields.nth(18)?.parse().ok()?;
        Some((state, start))
    };
    Ok(parse())
}

/// An error that means the process is gone.
fn gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::NotFound || e.raw_os_error() == Some(Errno::SRCH.raw_os_error())
}

/// Raises the soft limit on open files to the hard one, so a large group
/// of targets can each be pinned by a pidfd.
pub(crate) fn raise_fd_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut lim = getrlimit(Resource::Nofile);
    // `None` is unlimited: nothing to raise then.
    if let (Some(soft), Some(hard)) = (lim.current, lim.maximum)
        && soft < hard
    {
        lim.current = Some(hard);
        let _ = setrlimit(Resource::Nofile, lim);
    }
}

/// How many pidfds may be opened: the soft limit on open files, less
/// those open now and a reserve for reading `/proc`, probing and scanning
/// while the pidfds are open (a quarter of the limit, 16 to 64).
pub(crate) fn fd_budget() -> usize {
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
    let limit = limit.map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX));
    let reserve = (limit / 4).clamp(16, 64);
    let open = std::fs::read_dir("/proc/self/fd").map_or(reserve, Iterator::count);
    limit.saturating_sub(open + reserve)
}

/// The fds through which a pinned target holds its sockets, found by one
/// read of its fd table when it is pinned (`scan::held`, the check the
/// owner walk shares); `Holding::still`, right before each signal, looks
/// at these fds only.
pub(crate) use crate::scan::Held as Holding;

/// Reads `pid`'s fd table (its threads' when the main thread has exited)
/// for `inodes` (sorted): the fds that hold them.
pub(crate) fn holding(pid: u32, inodes: &[u64], _ports: &[u16]) -> Result<Holding, PinError> {
    use crate::scan::NotHeld;
    crate::scan::held(pid, inodes).map_err(|e| match e {
        NotHeld::Gone => PinError::Exited,
        NotHeld::Unreadable(why) => PinError::Unreadable(why),
        NotHeld::LetGo => PinError::LetGo,
    })
}

/// Whether `/proc` is this pid namespace's: a procfs is mounted there and
/// `NSpid:` in `/proc/self/status` lists exactly one pid, portcheck's own
/// (more than one: `/proc` is an ancestor namespace's, whatever number
/// `/proc/self` shows, which may coincide with `getpid()`). When it is
/// another namespace's (`unshare -p` without `--mount-proc`, a sandbox or
/// container given the host's `/proc`), the pids read from it name other
/// processes for `pidfd_open` and `kill`. Without an `NSpid:` line (Linux
/// before 4.1) `/proc/self` must name `getpid()`, and [`Pinned::pin`]
/// refuses the start-time path.
pub(crate) fn proc_is_ours() -> Result<(), Msg> {
    let me = std::process::id();
    let refuse = |why: Msg| Err(msg!("sys-proc-refused", why = why));
    match rustix::fs::statfs("/proc") {
        Err(e) => return refuse(msg!("sys-no-proc", error = e.to_string())),
        Ok(fs) if fs.f_type != rustix::fs::PROC_SUPER_MAGIC => {
            return refuse(msg!("sys-not-procfs"));
        }
        Ok(_) => {}
    }
    let other = |says: Msg| refuse(msg!("sys-other-namespace", pid = me, says = says));
    match nspid() {
        Some(ids) if ids == [me] => Ok(()),
        Some(ids) => {
            let ids = ids.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
            other(msg!("sys-nspid", ids = ids))
        }
        None => {
            let seen = std::fs::read_link("/proc/self")
                .ok()
                .and_then(|l| l.to_str().and_then(|s| s.parse::<u32>().ok()));
            match seen {
                Some(p) if p == me => Ok(()),
                Some(p) => other(msg!("sys-calls-it", pid = p)),
                None => other(msg!("sys-does-not-list")),
            }
        }
    }
}

/// The `NSpid:` line of `/proc/self/status`: portcheck's pid in `/proc`'s
/// pid namespace and in each one below it, down to its own.
fn nspid() -> Option<Vec<u32>> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_nspid(&status)
}

fn parse_nspid(status: &str) -> Option<Vec<u32>> {
    let ids = status.lines().find_map(|l| l.strip_prefix("NSpid:"))?;
    ids.split_whitespace().map(|p| p.parse().ok()).collect()
}

/// Whether `/proc` is proven this pid namespace's: `NSpid:` lists one pid,
/// portcheck's. Without that proof no target is signalled by pid.
fn proc_proven_ours() -> bool {
    nspid().is_some_and(|ids| ids == [std::process::id()])
}

/// The pid the pidfd `fd` names in `/proc`'s pid namespace (the `Pid:`
/// line of its fdinfo, Linux 5.10 and later).
fn pidfd_pid(fd: &OwnedFd) -> Option<u32> {
    use std::os::fd::AsRawFd;
    let info = std::fs::read_to_string(format!("/proc/self/fdinfo/{}", fd.as_raw_fd())).ok()?;
    info.lines().find_map(|l| l.strip_prefix("Pid:")).and_then(|p| p.trim().parse().ok())
}

/// The process's start time in clock ticks since boot.
pub(crate) fn start_time(pid: u32) -> Option<u64> {
    stat(pid).map(|s| s.1)
}

/// A target pinned by a pidfd, or by pid and start time without one.
pub(crate) struct Pinned {
    pid: u32,
    start: Option<u64>,
    pidfd: Option<OwnedFd>,
}

impl Pinned {
    /// Pins `pid`, which was `planned` when the plan was made: by a
    /// pidfd when `pidfd` (there is an fd to spare for it) and the kernel
    /// has them, else by its start time. `Err` says why it will not be
    /// signalled.
    pub(crate) fn pin(pid: u32, planned: Option<u64>, pidfd: bool) -> Result<Pinned, PinError> {
        let raw = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw);
        let raw = raw.ok_or(PinError::Exited)?;
        let flags = rustix::process::PidfdFlags::empty();
        let pidfd = match pidfd.then(|| rustix::process::pidfd_open(raw, flags)) {
            Some(Ok(fd)) => Some(fd),
            Some(Err(Errno::SRCH)) => return Err(PinError::Exited),
            // Out of fds (EMFILE), or no pidfds (ENOSYS): by start time.
            Some(Err(_)) | None => None,
        };
        if let Some(fd) = &pidfd
            && pidfd_pid(fd).is_some_and(|p| p != pid)
        {
            return Err(PinError::OtherNamespace);
        }
        // A pid (kill(2)) names a process of portcheck's pid namespace; the
        // pid and start time come from /proc. Only a /proc proven this
        // namespace's makes them the same process.
        if pidfd.is_none() && !proc_proven_ours() {
            return Err(PinError::ProcUnproven);
        }
        // Pinned: a check from now on holds until the signal.
        let now = read_stat(pid)?.ok_or(PinError::Exited)?.1;
        if planned.is_some_and(|t| t != now) {
            return Err(PinError::PidReused);
        }
        Ok(Pinned { pid, start: Some(now), pidfd })
    }

    /// Whether a pidfd pins it (else its start time does).
    pub(crate) fn has_pidfd(&self) -> bool {
        self.pidfd.is_some()
    }

    pub(crate) fn pid(&self) -> u32 {
        self.pid
    }

    /// Whether the pinned process is still running (a zombie is not).
    pub(crate) fn alive(&self) -> bool {
        if let Some(fd) = &self.pidfd {
            let mut fds = [PollFd::new(fd, PollFlags::IN)];
            let zero = Timespec { tv_sec: 0, tv_nsec: 0 };
            return matches!(poll(&mut fds, Some(&zero)), Ok(0));
        }
        stat(self.pid).is_some_and(|(state, start)| state != 'Z' && Some(start) == self.start)
    }

    /// Sends `sig` to the pinned process and nothing else.
    pub(crate) fn signal(&self, sig: Signal) -> Result<(), Outcome> {
        let Some(fd) = &self.pidfd else {
            if start_time(self.pid) != self.start {
                return Err(Outcome::Exited);
            }
            return super::unix::send(self.pid, sig);
        };
        let sig = rustix::process::Signal::from_named_raw(sig.number).ok_or(Outcome::Refused)?;
        match rustix::process::pidfd_send_signal(fd, sig) {
            Ok(()) => Ok(()),
            Err(Errno::SRCH) => Err(Outcome::Exited),
            Err(Errno::PERM) => Err(Outcome::Denied),
            Err(_) => Err(Outcome::Refused),
        }
    }
}

/// After a signal: a target in state T (stopped: Ctrl+Z, SIGSTOP) is sent
/// SIGCONT through its pin, so the pending signal is delivered; one in
/// state t (stopped by a tracer, a debugger) is not continued, and its
/// tracer (`TracerPid:`) is named.
pub(crate) fn wake(pinned: &Pinned) -> super::Stopped {
    use super::Stopped;
    match stat(pinned.pid) {
        Some(('T', _)) => {
            let cont = Signal { number: rustix::process::Signal::CONT.as_raw(), name: "SIGCONT" };
            if pinned.signal(cont).is_ok() { Stopped::Continued } else { Stopped::Running }
        }
        Some(('t', _)) => Stopped::Traced(tracer(pinned.pid)),
        _ => Stopped::Running,
    }
}

/// The `TracerPid:` of `pid`'s status, when one traces it.
fn tracer(pid: u32) -> Option<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let t = status.lines().find_map(|l| l.strip_prefix("TracerPid:"))?.trim().parse().ok()?;
    (t != 0).then_some(t)
}

/// Sleeps until one of `pinned` exits or `limit` passes.
pub(crate) fn wait_any<'a>(pinned: impl Iterator<Item = &'a Pinned>, limit: Duration) {
    let mut polls: Vec<PollFd<'_>> =
        pinned.filter_map(|p| p.pidfd.as_ref()).map(|fd| PollFd::new(fd, PollFlags::IN)).collect();
    if polls.is_empty() {
        std::thread::sleep(limit.min(Duration::from_millis(20)));
        return;
    }
    let t = Timespec {
        tv_sec: i64::try_from(limit.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(limit.subsec_nanos()),
    };
    let _ = poll(&mut polls, Some(&t));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nspid_lists_the_pid_in_each_namespace() {
        assert_eq!(parse_nspid("Name:\tportcheck\nNSpid:\t4711\n"), Some(vec![4711]));
        assert_eq!(parse_nspid("NSpid:\t4711\t4711\n"), Some(vec![4711, 4711]));
        assert_eq!(parse_nspid("Pid:\t4711\n"), None);
        assert_eq!(parse_nspid("NSpid:\tx\n"), None);
        assert!(proc_is_ours().is_ok(), "this test runs where /proc is its own");
    }

    #[test]
    fn an_exited_process_is_never_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let start = start_time(pid);
        let pinned = Pinned::pin(pid, start, true).unwrap();
        assert!(pinned.pidfd.is_some());
        assert!(pinned.alive());
        child.kill().unwrap();
        child.wait().unwrap();
        // Reaped: the pid may now be reused, but the pidfd still names the
        // dead process, so the signal reaches no one.
        assert!(!pinned.alive());
        assert_eq!(pinned.signal(Signal::TERM), Err(Outcome::Exited));
        assert!(matches!(
            Pinned::pin(pid, start, true),
            Err(PinError::Exited | PinError::PidReused)
        ));
    }

    #[test]
    fn a_pidfd_names_its_process_in_procs_namespace() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pinned = Pinned::pin(child.id(), None, true).unwrap();
        assert_eq!(pidfd_pid(pinned.pidfd.as_ref().unwrap()), Some(child.id()));
        let by_time = Pinned::pin(child.id(), None, false).unwrap();
        assert!(!by_time.has_pidfd() && by_time.alive());
        child.kill().unwrap();
        child.wait().unwrap();
    }

    /// A process name with `)` and spaces in it (the name is whatever the
    /// executed file is called) does not shift the fields after it: the
    /// state and start time are read after the last `)`.
    #[test]
    fn a_name_with_a_parenthesis_does_not_shift_the_fields() {
        let dir = std::env::temp_dir().join(format!("portcheck-stat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let link = dir.join("sl) R 1 2");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink("/bin/sleep", &link).unwrap();
        let mut child = std::process::Command::new(&link).arg("30").spawn().unwrap();
        // Wait until the child has executed the link (its name is then the link's).
        let named = |pid: u32| {
            std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.starts_with("sl)"))
        };
        while !named(child.id()) {
            std::thread::yield_now();
        }
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap();
        let after = stat.rsplit_once(')').unwrap().1;
        let want: u64 = after.split_whitespace().nth(19).unwrap().parse().unwrap();
        let (state, start) = read_stat(child.id()).unwrap().unwrap();
        assert!("RSD".contains(state), "state {state:?} from {stat:?}");
        assert_eq!(start, want);
        child.kill().unwrap();
        child.wait().unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A live pid whose start time is not the plan's is another process
    /// (the planned one exited and the pid was reused): never pinned,
    /// whether a pidfd is at hand or not.
    #[test]
    fn a_changed_start_time_is_not_pinned() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let now = start_time(child.id()).unwrap();
        for pidfd in [true, false] {
            for planned in [now + 1, now - 1] {
                let stale = Pinned::pin(child.id(), Some(planned), pidfd);
                assert!(matches!(stale, Err(PinError::PidReused)), "pidfd {pidfd} {planned}");
            }
            assert!(Pinned::pin(child.id(), Some(now), pidfd).is_ok(), "pidfd {pidfd}");
        }
        child.kill().unwrap();
        child.wait().unwrap();
    }

    #[test]
    fn without_a_pidfd_a_zombie_is_not_alive() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let pinned = Pinned { pid, start: start_time(pid), pidfd: None };
        assert!(pinned.alive());
        super::super::unix::send(pid, Signal::KILL).unwrap();
        let mut dead = false;
        for _ in 0..500 {
            if !pinned.alive() {
                dead = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(dead);
        child.wait().unwrap();
        assert_eq!(pinned.signal(Signal::TERM), Err(Outcome::Exited));
    }
}
