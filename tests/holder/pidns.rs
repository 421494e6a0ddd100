//! `holder --same-pid TARGET -- PROGRAM ARGS...` (root): the pid
//! coincidence of issue 16. PROGRAM runs in a child pid namespace with
//! the host's `/proc`, under the same pid number in both namespaces (so
//! `/proc/self` names `getpid()`), with `pidfd_open` failing with EPERM
//! (seccomp); beside it in that namespace an innocent process carries the
//! number TARGET (a holder's pid on the host). A `kill(TARGET)` from
//! PROGRAM reaches the innocent one. Prints PROGRAM's output, then `EXIT
//! <status>` and `INNOCENT alive` or `INNOCENT signalled <N>`.
//!
//! Both pids are forced with `clone3` and `set_tid` (Linux 5.5).

#![allow(unsafe_code)]

use std::io::Write;

use nix::libc;
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

/// `struct clone_args` (CLONE_ARGS_SIZE_VER2, Linux 5.7).
#[repr(C)]
#[derive(Default)]
struct CloneArgs {
    flags: u64,
    pidfd: u64,
    child_tid: u64,
    parent_tid: u64,
    exit_signal: u64,
    stack: u64,
    stack_size: u64,
    tls: u64,
    set_tid: u64,
    set_tid_size: u64,
    cgroup: u64,
}

/// Forks (like `fork`, no new stack) with the child's pid set to `tids`,
/// innermost namespace first: `Ok(0)` in the child, its pid in the parent.
fn fork_with_pids(tids: &[libc::pid_t]) -> std::io::Result<libc::pid_t> {
    let args = CloneArgs {
        exit_signal: u64::try_from(libc::SIGCHLD).expect("signal"),
        set_tid: tids.as_ptr() as u64,
        set_tid_size: tids.len() as u64,
        ..CloneArgs::default()
    };
    // SAFETY: clone3 without CLONE_VM and without a stack duplicates the
    // process like fork(2); the process is single-threaded here, and
    // `args` and `tids` outlive the call.
    let r = unsafe {
        libc::syscall(libc::SYS_clone3, &raw const args, std::mem::size_of::<CloneArgs>())
    };
    if r < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(libc::pid_t::try_from(r).expect("pid"))
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").expect("stdout");
    out.flush().expect("flush");
}

/// A number free on the host (its `/proc`) other than `target`.
fn free_number(target: libc::pid_t, tried: &[libc::pid_t]) -> libc::pid_t {
    // pid_max is per pid namespace (Linux 6.14): the host's, 32768 at the
    // least, bounds a number valid in both.
    let max: libc::pid_t = 32768;
    (300..max)
        .rev()
        .find(|n| {
            *n != target
                && !tried.contains(n)
                && !std::path::Path::new(&format!("/proc/{n}")).exists()
        })
        .expect("a free pid number")
}

pub fn same_pid(args: &[String]) {
    let target: libc::pid_t = args
        .iter()
        .position(|a| a == "--same-pid")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| p.parse().ok())
        .expect("--same-pid TARGET");
    let rest = args.iter().position(|a| a == "--").expect("-- PROGRAM") + 1;
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWPID).expect("unshare -p (root)");
    // SAFETY: the holder is single-threaded at this point.
    match unsafe { nix::unistd::fork() }.expect("fork") {
        nix::unistd::ForkResult::Parent { child } => {
            let code = match waitpid(child, None) {
                Ok(WaitStatus::Exited(_, c)) => c,
                _ => 1,
            };
            std::process::exit(code);
        }
        nix::unistd::ForkResult::Child => namespace_init(target, &args[rest..]),
    }
}

/// Pid 1 of the child namespace: the innocent process as TARGET, PROGRAM
/// under one number in both namespaces, then the verdict.
fn namespace_init(target: libc::pid_t, program: &[String]) -> ! {
    let innocent = fork_with_pids(&[target]).expect("clone3 set_tid: the innocent process");
    if innocent == 0 {
        loop {
            nix::unistd::pause();
        }
    }
    let mut tried = Vec::new();
    let runner = loop {
        let n = free_number(target, &tried);
        tried.push(n);
        match fork_with_pids(&[n, n]) {
            Ok(pid) => break pid,
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && tried.len() < 50 => {}
            Err(e) => panic!("clone3 set_tid [{n}, {n}]: {e}"),
        }
    };
    if runner == 0 {
        let mut argv: Vec<String> =
            ["--seccomp", "pidfd_open=EPERM", "--"].iter().map(|s| s.to_string()).collect();
        argv.extend(program.iter().cloned());
        super::extra::seccomp(&argv);
        std::process::exit(127);
    }
    let status = match waitpid(Pid::from_raw(runner), None) {
        Ok(WaitStatus::Exited(_, c)) => format!("EXIT {c}"),
        other => format!("EXIT {other:?}"),
    };
    say(&status);
    let innocent = Pid::from_raw(innocent);
    match waitpid(innocent, Some(WaitPidFlag::WNOHANG)) {
        Ok(WaitStatus::StillAlive) => {
            say("INNOCENT alive");
            let _ = nix::sys::signal::kill(innocent, nix::sys::signal::Signal::SIGKILL);
            let _ = waitpid(innocent, None);
        }
        Ok(WaitStatus::Signaled(_, sig, _)) => say(&format!("INNOCENT signalled {}", sig as i32)),
        other => say(&format!("INNOCENT {other:?}")),
    }
    std::process::exit(0);
}
