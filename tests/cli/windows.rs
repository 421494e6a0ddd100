//! The Windows build against real Windows sockets and processes: run by
//! .ci/windows under Wine (in a private network namespace), and as they
//! are on real Windows. Under Wine 8 the socket table names owner pid 0,
//! so these tests assert on the socket (address, port, state), never on
//! the owner; owner attribution is unit-tested on table rows, and the
//! kill mechanics on a child process (src/kill/sys/windows.rs).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

pub(crate) fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_portcheck"))
}

/// A finished portcheck run.
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    #[track_caller]
    pub(crate) fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, Some(expected), "stdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

pub(crate) fn portcheck(args: &[&str]) -> Run {
    run_cmd(Command::new(bin()), args)
}

/// Runs `cmd` (portcheck, with what the caller set) with `args`, no
/// colour, 200 columns, no stdin.
pub(crate) fn run_cmd(mut cmd: Command, args: &[&str]) -> Run {
    let out = cmd
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .stdin(Stdio::null())
        .output()
        .expect("run portcheck");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The Windows holder (tests/holder/windows.rs): a process holding one
/// listener until its stdin closes; killed and reaped on drop.
pub(crate) struct Holder {
    pub(crate) child: Child,
    pub(crate) stdin: Option<ChildStdin>,
    /// Its stdout after READY: its answers (`CLOSED`).
    pub(crate) out: BufReader<ChildStdout>,
    pub(crate) port: u16,
}

impl Holder {
    pub(crate) fn start(args: &[&str]) -> Holder {
        let mut exe = bin();
        exe.pop();
        exe.push("examples");
        exe.push("holder.exe");
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {}: {e}", exe.display()));
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        out.read_line(&mut line).expect("READY");
        let port = line.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        let port = port.unwrap_or_else(|| panic!("holder said {line:?}"));
        let stdin = child.stdin.take();
        Holder { child, stdin, out, port }
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing holds now.
pub(crate) fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

#[test]
fn a_held_port_is_in_use_with_its_address() {
    let h = Holder::start(&["--addr", "127.0.0.1"]);
    let run = portcheck(&["--json", "--tcp", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    let port = &v["ports"][0];
    assert_eq!(port["in_use"], true, "{v}");
    let sockets = port["sockets"].as_array().expect("sockets");
    assert!(
        sockets.iter().any(|s| s["address"] == "127.0.0.1" && s["state"] == "listen"),
        "no listener on 127.0.0.1 in {v}"
    );
    // JSON keeps its schema: no inode, no uid on Windows (null, not 0).
    assert!(sockets.iter().all(|s| s["inode"].is_null() && s["uid"].is_null()), "{v}");
    let text = portcheck(&[&h.port.to_string()]);
    text.code(1);
    assert!(text.stdout.contains("127.0.0.1"), "{}", text.stdout);
}

#[test]
fn a_free_port_is_proven_free() {
    let port = free_port();
    let run = portcheck(&["--json", &port.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(v["ports"][0]["in_use"], false, "{v}");
    assert_eq!(v["ports"][0]["bind_checked"], true, "{v}");
}

#[test]
fn a_dynamic_port_says_its_range_is_the_default() {
    // A plain query runs no netsh: "ephemeral" is against the default
    // 49152-65535, and the report says so; a registered port says nothing.
    let v = portcheck(&["--json", "60123"]).json();
    assert_eq!(v["ports"][0]["ephemeral"], true, "{v}");
    assert!(v["ports"][0]["notes"].to_string().contains("default dynamic range"), "{v}");
    let v = portcheck(&["--json", "8123"]).json();
    assert!(!v["ports"][0]["notes"].to_string().contains("dynamic range"), "{v}");
}

#[test]
fn suggest_json_names_free_ports_and_skips_a_held_one() {
    let h = Holder::start(&["--addr", "0.0.0.0"]);
    let base = h.port.to_string();
    let run = portcheck(&["--suggest", &base, "--json", "-n", "2"]);
    run.code(0);
    let v = run.json();
    let picks: Vec<u64> = v["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .filter_map(|p| p.as_u64())
        .collect();
    assert_eq!(picks.len(), 2, "{v}");
    assert!(!picks.contains(&u64::from(h.port)), "suggested the held port: {v}");
    portcheck(&["--suggest", "5000", "--json"]).code(0);
}

#[test]
fn wait_listen_sees_a_late_listener() {
    let port = free_port();
    let child = Command::new(bin())
        .args(["--wait-listen", "120s", &port.to_string()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    let _h = Holder::start(&["--addr", "127.0.0.1", "--port", &port.to_string()]);
    let out = child.wait_with_output().expect("wait");
    // Exit 0 is the proof: it saw the listener before its deadline (no
    // clock here, a slow Wine may take its time).
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    portcheck(&["--wait-listen", "300ms", &free_port().to_string()]).code(1);
}

#[test]
fn bad_input_exits_2_and_signals_are_not_on_windows() {
    for bad in
        [&["70000"][..], &["--kill", "--signal", "TERM", "5000"], &["-k", "--grace=1s", "5000"]]
    {
        let run = portcheck(bad);
        run.code(2);
        assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    }
    let run = portcheck(&["--kill", "--signal", "TERM", "5000"]);
    assert!(run.stderr.contains("not on Windows"), "{}", run.stderr);
}

/// The adapters' addresses (GetAdaptersAddresses) under the report: a
/// wildcard listener is reachable at the LAN address, as on Linux
/// (`query::exposed_includes_a_specific_address_and_excludes_loopback`).
#[test]
#[ignore = "needs 192.0.2.10 on an interface of a private network namespace; .ci/windows adds it and runs it"]
fn a_wildcard_listener_is_reachable_at_the_lan_address() {
    let h = Holder::start(&["--addr", "0.0.0.0"]);
    let run = portcheck(&["--exposed", "--json"]);
    run.code(0);
    let v = run.json();
    let socket = v["sockets"].as_array().expect("sockets").iter().find(|s| s["port"] == h.port);
    let at = socket.map(|s| s["reachable_at"].clone()).unwrap_or_default();
    assert_eq!(at, serde_json::json!([format!("192.0.2.10:{}", h.port)]), "{v}");
    let text = portcheck(&[&h.port.to_string()]);
    assert!(text.stdout.contains(&format!("192.0.2.10:{}", h.port)), "{}", text.stdout);
}

/// Korean reaches a pipe as UTF-8 (issue 22): what portcheck.exe writes to
/// a pipe is its own UTF-8 bytes, not text re-encoded for the console's
/// code page. (Which language Windows' UI selects is not run here: the
/// choice is a pure function, unit-tested in src/i18n.)
#[test]
fn korean_reaches_a_pipe_as_utf8() {
    let port = free_port().to_string();
    let out = Command::new(bin())
        .args(["--lang", "ko", &port])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run portcheck");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8 on the pipe");
    assert!(text.starts_with("사용 가능: "), "{text}");
    assert!(text.contains(&port), "{text}");
}
