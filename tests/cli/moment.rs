//! `--kill`: each signal decided at its moment. The holders count the
//! signals they receive (`--count FILE`, tests/holder/signals.rs) and let
//! go of the port at a controlled moment: the assertions are counts, not
//! clocks.

use crate::util::*;

/// A counting holder's file, and the lines of it.
struct Counts(std::path::PathBuf);

impl Counts {
    fn new(name: &str) -> Counts {
        let path = std::env::temp_dir().join(format!("portcheck-{name}-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        Counts(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp path")
    }

    /// How many `PID WHAT` lines there are.
    fn of(&self, pid: u32, what: &str) -> usize {
        let text = std::fs::read_to_string(&self.0).unwrap_or_default();
        text.lines().filter(|l| *l == format!("{pid} {what}")).count()
    }

    /// What `pid` received, in order.
    fn signals(&self, pid: u32) -> Vec<String> {
        let text = std::fs::read_to_string(&self.0).unwrap_or_default();
        let prefix = format!("{pid} SIG");
        text.lines()
            .filter(|l| l.starts_with(&prefix))
            .map(|l| l[pid.to_string().len() + 1..].to_string())
            .collect()
    }

    /// Waits (at most 20 s) until every one of `pids` waits for signals.
    fn ready(&self, pids: &[u32]) {
        for _ in 0..2000 {
            if pids.iter().all(|&p| self.of(p, "ready") == 1) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the counting holders did not get ready");
    }
}

impl Drop for Counts {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn reason_of(v: &serde_json::Value, pid: u32) -> String {
    let a = v["actions"].as_array().expect("actions").iter().find(|a| a["pid"] == pid);
    a.and_then(|a| a["reason"].as_str()).unwrap_or("").to_string()
}

/// A master that, on SIGTERM, tells its 300 workers to stop listening
/// (SIGUSR1) and exits; the workers ignore SIGTERM. Each worker is
/// checked right before its own SIGTERM: those that let go after the
/// master's signal are not sent one, and say so; every worker reported
/// signalled received exactly one SIGTERM.
#[test]
fn a_worker_that_let_go_after_its_masters_sigterm_is_not_sent_its_own() {
    let counts = Counts::new("term");
    let h = Holder::start(&[
        "--workers",
        "300",
        "--ignore-term",
        "--count",
        counts.path(),
        "--forward-term",
        "--release-on-usr1",
    ]);
    counts.ready(&h.pids);
    let run = portcheck(&["--kill", "--json", "--grace", "5s", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    let master = h.pid();
    let after = format!("let go of the port after pid {master} (its parent) was sent SIGTERM");
    let mut spared = 0;
    for &w in &h.pids[1..] {
        let term = counts.of(w, "SIGTERM");
        if reason_of(&v, w).contains(&after) {
            spared += 1;
            assert_eq!(term, 0, "pid {w} was reported not signalled but got SIGTERM");
            assert!(alive(w), "pid {w} let go and lives on");
        } else {
            assert_eq!(term, 1, "pid {w}: {}", reason_of(&v, w));
        }
    }
    assert!(spared > 0, "no worker was checked after the master's SIGTERM\n{}", run.stdout);
    assert!(bindable(h.port));
}

/// A master and 300 workers that ignore SIGTERM; each worker lets go of
/// the port the moment its master dies. Each is checked again right
/// before its own SIGKILL: those that let go after the master's SIGKILL
/// live on, reported `exited` with why; the master is killed.
#[test]
fn a_worker_that_let_go_after_its_masters_sigkill_is_not_killed() {
    let counts = Counts::new("kill");
    let h = Holder::start(&[
        "--workers",
        "300",
        "--ignore-term",
        "--count",
        counts.path(),
        "--release-when-parent-dies",
        "--release-on-usr1",
    ]);
    counts.ready(&h.pids);
    let run = portcheck(&["--kill", "--json", "--grace", "1s", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    let master = h.pid();
    assert!(!alive(master));
    let after = format!("let go of the port after pid {master} (its parent) was sent SIGKILL");
    let mut spared = 0;
    for &w in &h.pids[1..] {
        assert_eq!(counts.of(w, "SIGTERM"), 1, "pid {w}: every worker gets the one SIGTERM");
        if reason_of(&v, w).contains(&after) {
            spared += 1;
            assert!(alive(w), "pid {w} was reported not killed");
            assert_eq!(counts.of(w, "released"), 1);
        }
    }
    assert!(spared > 0, "no worker was checked after the master's SIGKILL\n{}", run.stdout);
    assert!(bindable(h.port));
}

/// A stopped holder (SIGSTOP, as Ctrl+Z) gets SIGTERM, then SIGCONT
/// through its pin: it receives TERM then CONT and exits on the SIGTERM,
/// without waiting out a grace of 30 s.
#[test]
fn a_stopped_holder_is_continued_and_exits_on_sigterm() {
    let counts = Counts::new("stopped");
    let h = Holder::start(&["--count", counts.path(), "--exit-on-term"]);
    counts.ready(&h.pids);
    let pid = nix::unistd::Pid::from_raw(h.pid() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGSTOP).unwrap();
    while state(h.pid()) != Some('T') {
        std::thread::yield_now();
    }
    let run = portcheck(&["--kill", "--json", "--grace", "30s", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "exited".into())]);
    assert!(reason_of(&v, h.pid()).contains("sent SIGCONT"), "{}", run.stdout);
    assert_eq!(counts.signals(h.pid()), ["SIGTERM", "SIGCONT"]);
}

fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.split_whitespace().next()?.chars().next()
}
