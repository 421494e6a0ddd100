//! A holder's life in the report (issue 21, item 2): stopped with Ctrl+Z
//! (state T) or traced (state t), and a Werkzeug server child whose
//! reloader was SIGKILLed: "its parent (the reloader) has exited" with its
//! age and its start in local time (TZ pinned), RFC 3339 UTC in JSON,
//! its line fitting a terminal of 60, 80 and 120 columns.

use crate::util::*;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::process::{Command, Stdio};

fn pid(n: u32) -> Pid {
    Pid::from_raw(n as i32)
}

/// The JSON process object of `pid` holding `port`.
fn process(port: u16, pid: u32) -> serde_json::Value {
    let v = portcheck(&["--json", &port.to_string()]).json();
    let procs = port_obj(&v, port)["sockets"][0]["processes"].clone();
    procs.as_array().unwrap().iter().find(|p| p["pid"] == pid).cloned().expect("holder")
}

#[test]
fn a_stopped_holder_is_shown_stopped() {
    let h = Holder::start(&[]);
    kill(pid(h.pid()), Signal::SIGSTOP).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while process(h.port, h.pid())["state"] != "stopped" {
        assert!(std::time::Instant::now() < deadline, "{}", process(h.port, h.pid()));
    }
    let line = format!(
        "pid {} (holder) is stopped (Ctrl+Z): it holds the port but answers nothing; in its \
         terminal: `fg`, then Ctrl+C, or `kill %1`",
        h.pid()
    );
    portcheck(&[&h.port.to_string()]).code(1).stdout_has(&line);
    kill(pid(h.pid()), Signal::SIGCONT).unwrap();
    let running = portcheck(&["--json", &h.port.to_string()]);
    assert!(!running.stdout.contains("\"state\":\"stopped\""), "{}", running.stdout);
}

#[test]
fn a_traced_holder_is_named() {
    let h = Holder::start(&[]);
    nix::sys::ptrace::attach(pid(h.pid())).expect("ptrace attach");
    nix::sys::wait::waitpid(pid(h.pid()), None).expect("waitpid");
    assert_eq!(process(h.port, h.pid())["state"], "traced");
    let run = portcheck(&[&h.port.to_string()]);
    run.stdout_has(&format!("pid {} (holder) is traced (held by a debugger", h.pid()));
    nix::sys::ptrace::detach(pid(h.pid()), None).expect("ptrace detach");
}

/// A Flask reloader and its server child in their own process group,
/// killed whole on drop.
struct Reloader(std::process::Child);

impl Drop for Reloader {
    fn drop(&mut self) {
        let _ = nix::sys::signal::killpg(pid(self.0.id()), Signal::SIGKILL);
        let _ = self.0.wait();
    }
}

#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn a_werkzeug_child_whose_reloader_was_killed_says_so() {
    use std::os::unix::process::CommandExt;
    let python = std::env::var("PORTCHECK_TEST_PYTHON").expect("PORTCHECK_TEST_PYTHON");
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path.join("app.py"), "from flask import Flask\napp = Flask(__name__)\n")
        .unwrap();
    let (port, held) = hold_block(1);
    drop(held);
    let p = port.to_string();
    let child = Command::new(python)
        .args(["-m", "flask", "--app", "app", "run", "--debug", "--port", &p])
        .current_dir(&dir.path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let reloader = Reloader(child);
    portcheck(&["--wait-listen", "60s", "-t", &p]).code(0);
    let v = portcheck(&["--json", &p]).json();
    let server = pids_of(&port_obj(&v, port)["sockets"])
        .into_iter()
        .find(|&s| s != reloader.0.id())
        .expect("the server child");
    kill(pid(reloader.0.id()), Signal::SIGKILL).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while process(port, server)["ppid"] == reloader.0.id() {
        assert!(std::time::Instant::now() < deadline, "not re-parented");
    }
    let json = process(port, server);
    assert_eq!(json["parent_exited"], true, "{json}");
    // JSON: RFC 3339 in UTC; text: the same moment in TZ (UTC+3, "XST").
    let utc = json["started"].as_str().unwrap();
    assert!(utc.ends_with('Z'), "{utc}");
    let hour: u32 = utc[11..13].parse().unwrap();
    let local = format!("{:02}{} XST", (hour + 3) % 24, &utc[13..19]);
    let mut cmd = crate::util::command();
    cmd.env("TZ", "XST-3");
    let run = run_with(cmd, &[&p]);
    let name = json["name"].as_str().unwrap();
    let line = format!("pid {server} ({name}): its parent (the reloader) has exited; started ");
    run.code(1).stdout_has(&line).stdout_has(&local);
    assert!(run.stdout.contains(" ago, at ") || run.stdout.contains("just now, at "));
    fits_60_80_and_120_columns(&p, &line);
}

/// On a real terminal of 60, 80 and 120 columns no line of the report on
/// `port` is wider than the terminal, and `words` come back whole when
/// its wrapped lines are joined again (a word cut in two would not).
fn fits_60_80_and_120_columns(port: &str, words: &str) {
    for cols in [60u16, 80, 120] {
        let (_, screen) = on_whole_terminal_at(&[port], cols);
        for line in screen.lines() {
            assert!(line.chars().count() <= usize::from(cols), "wider than {cols}:\n{screen}");
        }
        let joined = screen.lines().map(str::trim).collect::<Vec<_>>().join(" ");
        assert!(joined.contains(words), "{words:?} not whole at {cols}:\n{screen}");
        let age = joined.contains(" ago, at ") || joined.contains("just now, at ");
        assert!(age, "the age not whole at {cols}:\n{screen}");
    }
}
