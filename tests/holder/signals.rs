//! Holders that count the signals they receive and let go of the port at
//! a controlled moment, for the grace-window races of `--kill`.
//!
//! ```text
//! holder ... --count FILE [--release-on-usr1] [--forward-term] [--release-when-parent-dies]
//!            [--exit-on-term]
//! ```
//!
//! `--count FILE`: the holder and its workers block SIGTERM, SIGUSR1 and
//! SIGCONT and take them in a thread of their own, which appends a line
//! `PID SIGNAL` to FILE for each (`PID ready` once it waits, `PID
//! released` when it let go). A count, not a clock: the test reads which
//! process received what. `--release-on-usr1`: SIGUSR1 makes the process
//! let go of the port (its socket's fd becomes `/dev/null`) and live on.
//! `--forward-term` (the parent): on SIGTERM, SIGUSR1 to every worker,
//! then exit, as a master that tells its workers to stop listening.
//! `--release-when-parent-dies` (the workers): SIGUSR1 when the parent
//! dies (`PR_SET_PDEATHSIG`), so a worker lets go the moment its master
//! is killed. `--fork-on-term` (without `--count`): on SIGTERM the
//! holder forks, the child keeps the socket (same command line) until
//! stdin closes, and the holder exits, so init or a subreaper adopts the
//! child. `--exit-on-term`: SIGTERM ends the process (after noting a
//! SIGCONT pending beside it: a stopped process sees both).

#![allow(unsafe_code)]

use std::io::Write;
use std::os::fd::RawFd;

use nix::sys::signal::{SigSet, Signal};

/// The flags a worker inherits from its parent.
pub const WORKER_FLAGS: &[&str] =
    &["--release-on-usr1", "--release-when-parent-dies", "--exit-on-term"];

/// Blocks the counted signals; called first, before any thread starts.
pub fn block() {
    counted().thread_block().expect("block the counted signals");
}

fn counted() -> SigSet {
    let mut set = SigSet::empty();
    for s in [Signal::SIGTERM, Signal::SIGUSR1, Signal::SIGCONT] {
        set.add(s);
    }
    set
}

fn note(file: &str, what: &str) {
    let mut f =
        std::fs::OpenOptions::new().create(true).append(true).open(file).expect("--count FILE");
    // One write per line: O_APPEND keeps lines of several processes whole.
    f.write_all(format!("{} {what}\n", std::process::id()).as_bytes()).expect("--count");
}

/// Lets go of the socket at `fd`: the fd now names `/dev/null`, so the
/// socket closes (when this was its last fd) and the fd stays valid.
fn release(fd: RawFd) {
    let null = std::fs::File::open("/dev/null").expect("/dev/null");
    // SAFETY: dup2 replaces `fd`, which this process holds open (its
    // socket), with another open fd; no Rust object owns `fd` here.
    let r = unsafe { nix::libc::dup2(std::os::fd::AsRawFd::as_raw_fd(&null), fd) };
    assert_eq!(r, fd, "dup2");
}

/// Starts the counting thread of a process holding its socket at `fd`;
/// `workers` are its children (for `--forward-term`).
pub fn watch(file: String, fd: RawFd, workers: Vec<u32>, flag: &dyn Fn(&str) -> bool) {
    let (release_on_usr1, forward, exit_on_term) =
        (flag("--release-on-usr1"), flag("--forward-term"), flag("--exit-on-term"));
    if flag("--release-when-parent-dies") {
        nix::sys::prctl::set_pdeathsig(Signal::SIGUSR1).expect("PR_SET_PDEATHSIG");
    }
    std::thread::spawn(move || {
        let set = counted();
        note(&file, "ready");
        loop {
            let sig = set.wait().expect("sigwait");
            note(&file, sig.as_str());
            match sig {
                Signal::SIGUSR1 if release_on_usr1 => {
                    release(fd);
                    note(&file, "released");
                }
                Signal::SIGTERM if forward => {
                    for w in &workers {
                        let pid = nix::unistd::Pid::from_raw(i32::try_from(*w).expect("pid"));
                        let _ = nix::sys::signal::kill(pid, Signal::SIGUSR1);
                    }
                    std::process::exit(0);
                }
                Signal::SIGTERM if exit_on_term => {
                    if cont_pending() {
                        let _ = set.wait();
                        note(&file, "SIGCONT");
                    }
                    std::process::exit(0);
                }
                _ => {}
            }
        }
    });
}

/// Whether a SIGCONT waits for this process (`ShdPnd:` of its status, a
/// hex mask with bit N-1 for signal N).
fn cont_pending() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mask = status.lines().find_map(|l| l.strip_prefix("ShdPnd:")).map(str::trim);
    mask.and_then(|m| u64::from_str_radix(m, 16).ok())
        .is_some_and(|m| m & (1 << (Signal::SIGCONT as u64 - 1)) != 0)
}

/// `--fork-on-term`: on SIGTERM, fork; the child holds the socket (it
/// inherits every fd) until stdin closes, the parent exits.
pub fn fork_on_term() {
    std::thread::spawn(|| {
        let mut set = SigSet::empty();
        set.add(Signal::SIGTERM);
        let _ = set.wait();
        // SAFETY: the child calls only async-signal-safe functions
        // (sigprocmask, read, _exit) before it ends: no lock another thread may hold.
        match unsafe { nix::unistd::fork() }.expect("fork") {
            nix::unistd::ForkResult::Child => {
                // SIGTERM ends the child, as it would a forked server
                // (sigprocmask is async-signal-safe).
                let none = SigSet::empty();
                let how = nix::sys::signal::SigmaskHow::SIG_SETMASK;
                nix::sys::signal::sigprocmask(how, Some(&none), None).expect("sigprocmask");
                let mut buf = [0u8; 64];
                while matches!(nix::unistd::read(std::io::stdin(), &mut buf), Ok(n) if n > 0) {}
                // SAFETY: _exit ends the child without running the parent's
                // atexit handlers or touching its locks.
                unsafe { nix::libc::_exit(0) }
            }
            nix::unistd::ForkResult::Parent { .. } => std::process::exit(0),
        }
    });
}
