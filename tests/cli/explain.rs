//! Explanations: next steps, forwarders, a real Flask development server.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn in_use_report_ends_with_next_steps() {
    let h = Holder::start(&["--workers", "1"]);
    let port = h.port.to_string();
    let run = portcheck(&[&port]);
    run.code(1).stdout_has("next steps:");
    run.stdout_has(&format!(
        "    stop pid {}, {}:\n      portcheck --kill {port}\n",
        h.pids[0], h.pids[1]
    ));
    // An unrecognised holder, no project here: sentences that say what
    // they assume, and no `#` anywhere.
    run.stdout_has("or use port ").stdout_has("if your app reads $PORT: start it with PORT=");
    assert!(!run.stdout.contains('#'), "{}", run.stdout);
    assert!(!run.stdout.lines().any(|l| l.trim().starts_with("flask")), "{}", run.stdout);
    run.stdout_has(&format!("pid {} (holder): started by {} (holder)", h.pids[1], h.pids[0]));
}

#[test]
fn a_docker_proxy_is_explained_and_never_killed() {
    // A process whose name and argv are docker-proxy's (the holder under
    // that name), as dockerd starts it for `-p PORT:80`.
    let dir = tempdir::Dir::new();
    let proxy = dir.path.join("docker-proxy");
    std::os::unix::fs::symlink(util::holder_bin(), &proxy).unwrap();
    let args = [
        "-proto",
        "tcp",
        "-host-ip",
        "0.0.0.0",
        "-container-ip",
        "172.17.0.2",
        "-container-port",
        "80",
        "--addr",
        "0.0.0.0",
    ];
    let h = Holder::start_cmd(Command::new(&proxy), &args);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let p = &port_obj(&run.json(), h.port)["sockets"][0]["processes"][0];
    assert_eq!(p["name"], "docker-proxy");
    assert_eq!(p["hint"], "Docker published port (docker-proxy) to container 172.17.0.2:80");
    let kill = portcheck(&["--kill", "--force", "--json", &port]);
    kill.code(1);
    let a = &kill.json()["actions"][0];
    assert_eq!(a["result"], "refused");
    assert_eq!(a["stop"], format!("docker ps --filter publish={port}"), "{a}");
    assert_eq!(
        a["stop_argv"],
        serde_json::json!(["docker", "ps", "--filter", format!("publish={port}")])
    );
    assert!(alive(h.pid()));
    portcheck(&[&port]).code(1).stdout_has(&format!("docker ps --filter publish={port}"));
}

/// A Flask development server with the reloader, in its own process group
/// (killed whole on drop).
struct Flask {
    child: std::process::Child,
    port: u16,
    _dir: tempdir::Dir,
}

impl Drop for Flask {
    fn drop(&mut self) {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn a_real_flask_debug_server_is_explained_and_killed_whole() {
    use std::os::unix::process::CommandExt;
    let python = std::env::var("PORTCHECK_TEST_PYTHON")
        .expect("PORTCHECK_TEST_PYTHON: a python with Flask installed (see .ci/run)");
    let dir = tempdir::Dir::new();
    std::fs::write(
        dir.path.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi'\n",
    )
    .unwrap();
    let (port, held) = hold_block(1);
    drop(held);
    let child = Command::new(&python)
        .args(["-m", "flask", "--app", "app", "run", "--debug", "--host", "0.0.0.0", "--port"])
        .arg(port.to_string())
        .current_dir(&dir.path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let flask = Flask { child, port, _dir: dir };
    let p = flask.port.to_string();
    portcheck(&["--wait-listen", "30s", &p]).code(0);
    // The reloader starts its serving child after the parent binds: wait
    // (bounded) until both hold the socket.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let procs = loop {
        let v = portcheck(&["--json", &p]).json();
        let procs = port_obj(&v, flask.port)["sockets"][0]["processes"].clone();
        if procs.as_array().map_or(0, Vec::len) >= 2 || std::time::Instant::now() > deadline {
            break procs;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let hints: Vec<&str> =
        procs.as_array().unwrap().iter().filter_map(|x| x["hint"].as_str()).collect();
    assert_eq!(hints.len(), 2, "both reloader processes: {procs}");
    assert!(hints.contains(&"Flask development server (reloader parent)"), "{hints:?}");
    assert!(
        hints.contains(&"Flask development server (server child of the reloader)"),
        "{hints:?}"
    );
    portcheck(&[&p])
        .code(1)
        .stdout_has("warning: a development server is reachable from the network");
    let pids = pids_of(&serde_json::Value::Array(vec![serde_json::json!({"processes": procs})]));
    let kill = portcheck(&["--kill", "--json", &p]);
    kill.code(0);
    assert!(pids.iter().all(|&pid| !alive(pid)), "{pids:?}");
    assert_eq!(port_obj(&kill.json(), flask.port)["in_use"], false);
}

#[test]
fn the_parent_chain_goes_past_the_parent() {
    // holder --supervise runs the server; the test process runs the
    // supervisor: neither is a shell or a supervisor that ends the chain.
    let h = Holder::start(&["--supervise"]);
    let (supervisor, server) = (h.pids[0], h.pids[1]);
    let v = portcheck(&["--json", &h.port.to_string()]).json();
    let p = port_obj(&v, h.port);
    let holder = p["sockets"][0]["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["pid"] == server)
        .unwrap_or_else(|| panic!("server {server} not listed: {p}"))
        .clone();
    let chain: Vec<u64> =
        holder["parents"].as_array().unwrap().iter().map(|x| x["pid"].as_u64().unwrap()).collect();
    assert_eq!(chain.first(), Some(&u64::from(supervisor)), "{holder}");
    assert_eq!(chain.get(1), Some(&u64::from(std::process::id())), "{holder}");
}
