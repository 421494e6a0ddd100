//! `--kill` end to end under Wine. Wine 8's socket table names owner pid
//! 0, so these tests run the `test-seams` build (`.ci/windows` builds it
//! and names it in `PORTCHECK_SEAMS_BIN`): `PORTCHECK_TEST_OWNERS` fills
//! the owner of a row the table still lists (never adds one), and
//! `PORTCHECK_TEST_ASK` asks the question on a pipe. The default build
//! ignores both (checked here too).

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::windows::{Holder, Run, bin, run_cmd};

/// The `test-seams` build of portcheck.
fn seams_bin() -> PathBuf {
    let path = std::env::var_os("PORTCHECK_SEAMS_BIN")
        .expect("PORTCHECK_SEAMS_BIN: the test-seams build (.ci/windows builds it)");
    PathBuf::from(path)
}

/// The holder's pid, from its READY line.
fn pid_of(h: &Holder) -> u32 {
    h.child.id()
}

/// `exe` with `args`, the table's owner of `h`'s port filled by the seam.
fn run(exe: &PathBuf, h: &Holder, args: &[&str]) -> Run {
    let mut cmd = Command::new(exe);
    cmd.env("PORTCHECK_TEST_OWNERS", format!("tcp:{}={}", h.port, pid_of(h)));
    run_cmd(cmd, args)
}

/// The seam is not in the default build: the same variable leaves Wine's
/// ownerless row ownerless there, and names the holder in the seams build.
#[test]
#[ignore = "needs the test-seams build in PORTCHECK_SEAMS_BIN: .ci/windows builds it"]
fn the_default_build_ignores_the_test_seams() {
    let h = Holder::start(&["--addr", "127.0.0.1"]);
    let port = h.port.to_string();
    let plain = run(&bin(), &h, &["--json", "--tcp", &port]).json();
    let socket = &plain["ports"][0]["sockets"][0];
    assert_eq!(socket["processes"], serde_json::json!([]), "{plain}");
    let seamed = run(&seams_bin(), &h, &["--json", "--tcp", &port]).json();
    let pids: Vec<u64> = seamed["ports"][0]["sockets"][0]["processes"]
        .as_array()
        .expect("processes")
        .iter()
        .filter_map(|p| p["pid"].as_u64())
        .collect();
    assert_eq!(pids, [u64::from(pid_of(&h))], "{seamed}");
    // Nor does the default build ask on a pipe: nothing to kill there.
    let v = run(&bin(), &h, &["--kill", "-y", "--json", "--tcp", &port]).json();
    assert_eq!(v["actions"], serde_json::json!([]), "{v}");
    assert_eq!(v["ports"][0]["in_use"], true, "{v}");
}

/// A live target is ended by TerminateProcess, and the port is free; the
/// words say TerminateProcess (no signal, no clean shutdown), the JSON
/// `signal` is null and `method` says how.
#[test]
#[ignore = "needs the test-seams build in PORTCHECK_SEAMS_BIN: .ci/windows builds it"]
fn a_live_target_is_terminated() {
    let mut h = Holder::start(&["--addr", "127.0.0.1"]);
    let port = h.port.to_string();
    let dry = run(&seams_bin(), &h, &["--kill", "--dry-run", "--tcp", &port]);
    let expected = format!("would end pid {} (holder.exe) with TerminateProcess", pid_of(&h));
    assert!(dry.stdout.contains(&expected), "{}", dry.stdout);
    assert!(!dry.stdout.contains("SIG"), "{}", dry.stdout);
    let text = run(&seams_bin(), &h, &["--kill", "-y", "--tcp", &port]);
    text.code(0);
    let expected = format!(
        "pid {} (holder.exe): terminated (TerminateProcess: no clean shutdown)",
        pid_of(&h)
    );
    assert!(text.stdout.contains(&expected), "{}", text.stdout);
    assert!(!text.stdout.contains("SIG"), "{}", text.stdout);
    assert_eq!(h.child.wait().expect("wait").code(), Some(1));
    let mut h = Holder::start(&["--addr", "127.0.0.1"]);
    let port = h.port.to_string();
    let kill = run(&seams_bin(), &h, &["--kill", "-y", "--json", "--tcp", &port]);
    kill.code(0);
    let v = kill.json();
    let actions = v["actions"].as_array().expect("actions");
    assert_eq!(actions.len(), 1, "{v}");
    assert_eq!(actions[0]["pid"], pid_of(&h), "{v}");
    assert_eq!(actions[0]["result"], "killed", "{v}");
    assert_eq!(actions[0]["signal"], serde_json::Value::Null, "{v}");
    assert_eq!(actions[0]["method"], "terminate_process", "{v}");
    assert_eq!(v["ports"][0]["in_use"], false, "{v}");
    // TerminateProcess's exit code is 1; the holder never exits by itself
    // while its stdin is open.
    let status = h.child.wait().expect("wait");
    assert_eq!(status.code(), Some(1));
}

/// The holder closes its socket while the question waits: the last check
/// re-reads the table, finds no row of it, and spares it.
#[test]
#[ignore = "needs the test-seams build in PORTCHECK_SEAMS_BIN: .ci/windows builds it"]
fn a_target_that_let_go_after_the_question_is_spared() {
    let mut h = Holder::start(&["--addr", "127.0.0.1"]);
    let port = h.port.to_string();
    let mut pc = Command::new(seams_bin())
        .args(["--kill", "--tcp", &port])
        .env("NO_COLOR", "1")
        .env("PORTCHECK_TEST_OWNERS", format!("tcp:{}={}", h.port, pid_of(&h)))
        .env("PORTCHECK_TEST_ASK", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn portcheck");
    // Read the question (it ends without a newline).
    let mut err = pc.stderr.take().expect("stderr");
    let mut asked = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&asked).contains("[y/N]") {
        let n = err.read(&mut byte).expect("read the question");
        assert!(n > 0, "no question: {}", String::from_utf8_lossy(&asked));
        asked.push(byte[0]);
    }
    h.say("close");
    pc.stdin.take().expect("stdin").write_all(b"y\n").expect("answer");
    let out = pc.wait_with_output().expect("portcheck");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("let go of the socket"), "{stdout}");
    assert!(!stdout.contains("terminated"), "{stdout}");
    assert!(h.child.try_wait().expect("try_wait").is_none(), "the holder was ended: {stdout}");
}

impl Holder {
    /// Sends `line` to the holder and waits for its answer (`close` →
    /// `CLOSED`).
    fn say(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("holder stdin");
        writeln!(stdin, "{line}").expect("tell the holder");
        stdin.flush().expect("flush");
        let mut answer = String::new();
        self.out.read_line(&mut answer).expect("holder answer");
        assert_eq!(answer.trim(), "CLOSED");
    }
}
