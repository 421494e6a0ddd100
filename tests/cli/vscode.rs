//! VS Code's Run and Debug, as debugpy lays it out: a small DAP client
//! (`tests/vscode_dap.py`) does what VS Code does for a `"type":
//! "debugpy"` launch configuration with `"console": "integratedTerminal"`
//! (initialize, launch, answer `runInTerminal` by spawning debugpy's
//! launcher with `TERM_PROGRAM=vscode`, configurationDone), for Start
//! Debugging (`noDebug: false`) and Run Without Debugging (`noDebug:
//! true`). portcheck names the session, its first step is Shift+F5, no
//! line it prints re-binds a held port, and its `launch.json` change is
//! proven by starting the session again with the changed `args`/`env`.

use crate::advice::{flask_project, python};
use crate::util::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A VS Code-shaped debug session; disconnected (which ends the debuggee)
/// and reaped on drop.
struct Session {
    client: Child,
    adapter: u32,
}

impl Drop for Session {
    fn drop(&mut self) {
        drop(self.client.stdin.take());
        let _ = self.client.wait();
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.adapter as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

/// Starts `flask ARGS` as VS Code's launch configuration would, with `env`,
/// and waits until `port` listens.
fn session(dir: &Path, no_debug: bool, args: &[&str], env: &str, port: u16) -> Session {
    session_of("flask", dir, no_debug, args, env, port)
}

/// [`session`] of `target`: a module (`"module"`) or a `.py` file in
/// `dir` (`"program"`).
fn session_of(
    target: &str,
    dir: &Path,
    no_debug: bool,
    args: &[&str],
    env: &str,
    port: u16,
) -> Session {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vscode_dap.py");
    let args = serde_json::to_string(args).unwrap();
    let mut client = Command::new(python())
        .arg(script)
        .arg(dir)
        .arg(if no_debug { "true" } else { "false" })
        .args([target, &args, env])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the DAP client");
    let mut line = String::new();
    BufReader::new(client.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let adapter = line.split_whitespace().nth(1).and_then(|p| p.parse().ok());
    let adapter = adapter.unwrap_or_else(|| panic!("no READY from the DAP client: {line:?}"));
    let s = Session { client, adapter };
    portcheck(&["--wait-listen", "60s", "-t", &port.to_string()]).code(0);
    s
}

/// portcheck's report on `port`, asked from another folder.
fn report(port: u16, from: &Path) -> String {
    let mut c = crate::util::command();
    c.current_dir(from);
    let run = run_with(c, &[&port.to_string()]);
    run.code(1);
    run.stdout.clone()
}

/// The ports the adapter `pid` listens on (the session's own).
fn ports_of(pid: u32) -> Vec<u16> {
    let v = portcheck(&["--json", "-t"]).json();
    let mut out: Vec<u16> = v["sockets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["processes"].as_array().unwrap().iter().any(|p| p["pid"] == pid))
        .filter_map(|s| s["port"].as_u64().map(|p| p as u16))
        .collect();
    out.dedup();
    out
}

/// Every command line of a report's next steps (indented six or eight, not
/// an explanation ending with `:`).
fn commands(text: &str) -> Vec<String> {
    let steps = text.lines().skip_while(|l| !l.contains("next steps:"));
    steps
        .filter(|l| l.starts_with("      ") && !l.trim_end().ends_with(':'))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.starts_with("in launch.json") && !l.starts_with("nothing to move"))
        .collect()
}

/// What a report on a session's port must say: the session by name, Shift+F5
/// first, and no command that binds a port something holds.
fn says_the_session(text: &str, name: &str, held: &[u16]) {
    assert!(text.contains(name) || text.contains("a port of the debug session"), "{text}");
    let first = text.lines().skip_while(|l| !l.contains("next steps:")).nth(1).unwrap_or("");
    assert!(first.contains("stop it in VS Code (Shift+F5)"), "{text}");
    for cmd in commands(text) {
        for p in held {
            assert!(
                !cmd.contains(&p.to_string()) || cmd.starts_with("portcheck --kill"),
                "{cmd} re-binds {p}:\n{text}"
            );
        }
    }
    assert!(!text.contains("flask run --port") && !text.contains("FLASK_RUN_PORT="), "{text}");
}

/// The port N of "or use port N".
fn advised_port(text: &str) -> u16 {
    let head = text.lines().find(|l| l.trim_start().starts_with("or use port")).unwrap_or("");
    head.split_whitespace().nth(3).and_then(|w| w.parse().ok()).unwrap_or_else(|| panic!("{text}"))
}

#[test]
#[ignore = "needs Flask and debugpy: .ci/run installs them into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn a_vs_code_session_is_named_stopped_with_shift_f5_and_moved_in_launch_json() {
    let (dir, elsewhere) = flask_project();
    let env = r#"{"FLASK_APP": "app.py"}"#;
    // Start Debugging: the port in "args".
    let port = free_port();
    let p = port.to_string();
    let args = ["run", "--no-debugger", "--no-reload", "--port", &p];
    let debug = session(&dir.path, false, &args, env, port);
    let mut held = vec![port];
    held.extend(ports_of(debug.adapter));
    let text = report(port, &elsewhere.path);
    says_the_session(&text, "started by VS Code (Start Debugging)", &held);
    assert!(!text.contains("adapter-access-token"), "{text}");
    let linked = ports_of(debug.adapter)
        .iter()
        .any(|a| text.contains(&format!("its debug adapter's port {a} included")));
    assert!(linked, "the adapter's port is not named as the session's:\n{text}");
    let n = advised_port(&text);
    assert!(
        text.contains(&format!("change \"--port\", \"{port}\" in \"args\" to \"--port\", \"{n}\"")),
        "{text}"
    );
    let dry = portcheck(&["--kill", "--dry-run", &p]);
    dry.stdout_has("was started by VS Code: stop it in VS Code (Shift+F5)");
    for adapter_port in ports_of(debug.adapter) {
        says_the_session(&report(adapter_port, &elsewhere.path), "", &held);
    }
    // The change, proven: the session again with the changed "args".
    let n_s = n.to_string();
    let changed = ["run", "--no-debugger", "--no-reload", "--port", &n_s];
    drop(session(&dir.path, false, &changed, env, n));
    portcheck(&["--wait-free", "30s", &n_s]).code(0);
    // Run Without Debugging: the port in "env".
    let port2 = free_port();
    let env2 = format!(r#"{{"FLASK_APP": "app.py", "FLASK_RUN_PORT": "{port2}"}}"#);
    let run = session(&dir.path, true, &["run", "--no-reload"], &env2, port2);
    held.push(port2);
    held.extend(ports_of(run.adapter));
    let text = report(port2, &elsewhere.path);
    says_the_session(&text, "started by VS Code (Run Without Debugging)", &held);
    let n2 = advised_port(&text);
    assert!(text.contains(&format!("set \"env\": {{\"FLASK_RUN_PORT\": \"{n2}\"}}")), "{text}");
    let env3 = format!(r#"{{"FLASK_APP": "app.py", "FLASK_RUN_PORT": "{n2}"}}"#);
    drop(session(&dir.path, true, &["run", "--no-reload"], &env3, n2));
    drop(run);
    drop(debug);
}

/// `"program": "app.py"` under Start Debugging: the edit is said in words
/// (`app.run(…)` with the port changed) and proven by a session of the
/// edited copy.
#[test]
#[ignore = "needs Flask and debugpy: .ci/run installs them into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn a_vs_code_program_session_is_moved_in_its_app_run() {
    let (dir, elsewhere) = flask_project();
    let port = free_port();
    let app = std::fs::read_to_string(dir.path.join("app.py")).unwrap();
    let call = format!("app.run(port={port})");
    std::fs::write(
        dir.path.join("app.py"),
        format!("{app}if __name__ == '__main__':\n    {call}\n"),
    )
    .unwrap();
    let s = session_of("app.py", &dir.path, false, &[], "{}", port);
    let text = report(port, &elsewhere.path);
    says_the_session(&text, "started by VS Code (Start Debugging)", &[port]);
    let n = advised_port(&text);
    let said = format!("in app.py, call app.run(port={n}); then start it again");
    assert!(text.contains(&said), "{text}");
    let copy = tempdir::Dir::new();
    let edited = format!("{app}if __name__ == '__main__':\n    app.run(port={n})\n");
    std::fs::write(copy.path.join("app.py"), edited).unwrap();
    drop(session_of("app.py", &copy.path, false, &[], "{}", n));
    drop(s);
}
