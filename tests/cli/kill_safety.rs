//! `--kill` against what must never be hit: clients, container
//! forwarders, namespace inits, portcheck's callers, processes in another
//! pid namespace; and a kill that is interrupted or short of fds.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn a_client_whose_only_tie_is_a_connection_is_never_signalled() {
    let h = Holder::start(&["--client"]);
    let run = portcheck(&["--kill", "--force", "--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), String::new(), "refused".into())]);
    let reason = v["actions"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("is a connection (established)"), "{reason}");
    assert!(alive(h.pid()), "the client was signalled");
    assert_eq!(port_obj(&v, h.port)["in_use"], true);
}

/// The holder helper under another name: its `comm` is the name of the
/// link it is run by (a link, not a copy: a copy being written while
/// another test forks would fail to exec with ETXTBSY).
fn holder_named(dir: &util::tempdir::Dir, name: &str) -> Command {
    let path = dir.path.join(name);
    std::os::unix::fs::symlink(util::holder_bin(), &path).unwrap();
    Command::new(path)
}

#[test]
fn container_forwarders_are_matched_by_exact_name_whatever_the_flags() {
    let dir = util::tempdir::Dir::new();
    let pasta = Holder::start_cmd(holder_named(&dir, "pasta"), &[]);
    for flags in [&["--kill"][..], &["--kill", "--force"], &["--kill", "--signal", "INT", "-y"]] {
        let run = portcheck(&[flags, &["--json", &pasta.port.to_string()]].concat());
        run.code(1);
        let v = run.json();
        assert_eq!(actions(&v), vec![(pasta.pid(), String::new(), "refused".into())]);
        assert!(v["actions"][0]["stop"].as_str().unwrap().starts_with("podman ps"), "{v}");
        assert!(alive(pasta.pid()));
    }
    let other = Holder::start_cmd(holder_named(&dir, "pastaserver"), &[]);
    let run = portcheck(&["--kill", "--json", &other.port.to_string()]);
    run.code(0);
    assert_eq!(actions(&run.json()), vec![(other.pid(), "SIGTERM".into(), "exited".into())]);
}

#[test]
fn vs_code_port_forwarding_is_named_and_never_killed() {
    // VS Code's remote server runs `~/.vscode-server/bin/<commit>/node`:
    // the holder helper under that path is, to portcheck, that node.
    let dir = util::tempdir::Dir::new();
    let bin = dir.path.join(".vscode-server/bin/abc123");
    std::fs::create_dir_all(&bin).unwrap();
    let node = bin.join("node");
    std::os::unix::fs::symlink(util::holder_bin(), &node).unwrap();
    let h = Holder::start_cmd(Command::new(&node), &[]);
    let port = h.port.to_string();
    portcheck(&[&port]).code(1).stdout_has("VS Code port forwarding (the Ports panel)");
    for flags in [&["--kill"][..], &["--kill", "--force"]] {
        let run = portcheck(&[flags, &["--json", &port]].concat());
        run.code(1);
        let v = run.json();
        assert_eq!(actions(&v), vec![(h.pid(), String::new(), "refused".into())]);
        let stop = v["actions"][0]["stop"].as_str().unwrap();
        assert_eq!(
            stop,
            format!("close it in VS Code's Ports panel (or stop forwarding port {port})")
        );
        // A sentence, not a command: no words to run.
        assert!(v["actions"][0].get("stop_argv").is_none(), "{v}");
        assert!(alive(h.pid()), "VS Code's forwarder was signalled");
    }
    // The same program elsewhere is a user's own node: signalled.
    let mine = Holder::start_cmd(holder_named(&dir, "node"), &[]);
    let run = portcheck(&["--kill", "--json", &mine.port.to_string()]);
    run.code(0);
    assert_eq!(actions(&run.json()), vec![(mine.pid(), "SIGTERM".into(), "exited".into())]);
}

/// A holder run by `unshare` as PID 1 of its own pid namespace; killed
/// (by its pid outside) and reaped on drop.
pub(crate) struct NamespaceInit {
    unshare: std::process::Child,
    /// The holder's pid outside its namespace (inside it is 1).
    pub(crate) pid: u32,
    pub(crate) port: u16,
}

impl NamespaceInit {
    pub(crate) fn start() -> NamespaceInit {
        NamespaceInit::start_with(&[])
    }

    /// The holder, with `args`, as its namespace's PID 1.
    pub(crate) fn start_with(args: &[&str]) -> NamespaceInit {
        use std::io::BufRead;
        let mut unshare = Command::new("unshare")
            .args(["--pid", "--fork", "--mount-proc", "--"])
            .arg(util::holder_bin())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            // unshare's own "sigprocmask unblock failed" under the harness.
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("unshare (util-linux)");
        let mut line = String::new();
        let stdout = unshare.stdout.take().unwrap();
        std::io::BufReader::new(stdout).read_line(&mut line).unwrap();
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), Some("READY"), "{line:?}");
        let port = words.next().unwrap().parse().unwrap();
        let inner = words.next().unwrap_or("");
        assert!(inner == "1" || inner.starts_with("1,"), "the holder is not its namespace's init");
        let children =
            std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", unshare.id())).unwrap();
        let pid = children.split_whitespace().next().unwrap().parse().unwrap();
        NamespaceInit { unshare, pid, port }
    }
}

impl Drop for NamespaceInit {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.pid as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = self.unshare.wait();
    }
}

#[test]
#[ignore = "needs root to make a pid namespace; .ci/run runs it"]
fn a_namespace_init_is_refused_and_named_with_the_stop_command() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let init = NamespaceInit::start();
    let port = init.port.to_string();
    let run = portcheck(&["--kill", "--force", "--json", &port]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(init.pid, String::new(), "refused".into())]);
    let reason = v["actions"][0]["reason"].as_str().unwrap();
    assert!(reason.starts_with("PID 1 of a pid namespace"), "{reason}");
    let a = &v["actions"][0];
    assert_eq!(a["stop"], format!("kill -KILL {}", init.pid), "{a}");
    assert_eq!(a["stop_argv"], serde_json::json!(["kill", "-KILL", init.pid.to_string()]));
    assert_eq!(a["stop_note"], "stop the sandbox where it was started, or end the whole namespace");
    assert!(alive(init.pid), "the namespace's init was signalled");
    let table = portcheck(&["--kill", &port]);
    table.code(1).stdout_has(&format!("Not signalling pid {} (holder): PID 1 of", init.pid));
    table.stdout_has("(unshare)");
    // The advised line ends the namespace.
    let ran = Command::new("sh").args(["-c", a["stop"].as_str().unwrap()]).status();
    assert!(ran.unwrap().success());
    portcheck(&["--wait-free", "10s", &port]).code(0);
}

#[test]
#[ignore = "needs root to make a pid namespace; .ci/run runs it"]
fn the_workers_of_a_refused_namespace_init_are_spared_too() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    // A container's init with two workers on its port: signalling the
    // workers alone would half-stop the container and leave the port held.
    let init = NamespaceInit::start_with(&["--workers", "2"]);
    let port = init.port.to_string();
    let children = std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", init.pid))
        .unwrap_or_default();
    let workers: Vec<u32> = children.split_whitespace().map(|p| p.parse().unwrap()).collect();
    assert_eq!(workers.len(), 2, "{children:?}");
    let run = portcheck(&["--kill", "--force", "--json", &port]);
    run.code(1);
    let acts = actions(&run.json());
    assert_eq!(acts.len(), 3, "{}", run.stdout);
    assert!(acts.iter().all(|a| a.2 == "refused"), "{}", run.stdout);
    assert!(alive(init.pid) && workers.iter().all(|&w| alive(w)), "{}", run.stdout);
    assert!(util::has(&run.stdout, "inside the pid namespace of pid"), "{}", run.stdout);
}

#[test]
#[ignore = "needs root to make a pid namespace; .ci/run runs it"]
fn kill_refuses_when_proc_is_another_pid_namespaces() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    // portcheck in a new pid namespace that still sees the host's /proc:
    // the holder's pid from /proc would name another process (or none)
    // for pidfd_open there.
    let h = Holder::start(&["--workers", "2"]);
    let unshare = |extra: &[&str]| {
        let mut cmd = Command::new("unshare");
        cmd.args(["--pid", "--fork"]).args(extra).arg("--").arg(util::bin());
        cmd
    };
    let port = h.port.to_string();
    for args in [&["--kill"][..], &["--kill", "--force", "--json"], &["--kill", "--dry-run"]] {
        let run = util::run_with(unshare(&[]), &[args, &[&port]].concat());
        run.code(3).stderr_has("/proc belongs to another pid namespace");
        run.stderr_has("portcheck is pid 1 here");
        assert!(h.pids.iter().all(|&p| alive(p)), "a holder was signalled");
    }
    // A plain report there does not advise the --kill that would refuse.
    let run = util::run_with(unshare(&[]), &[&port]);
    run.code(1).stdout_has("portcheck --kill cannot work here");
    assert!(!run.stdout.contains(&format!("portcheck --kill {port}")), "{}", run.stdout);
    // With a /proc of its own, the holder is out of its sight, not hit.
    let run = util::run_with(unshare(&["--mount-proc"]), &["--kill", "--json", &port]);
    assert!(h.pids.iter().all(|&p| alive(p)), "a holder was signalled: {}", run.stdout);
}

/// Whether `pid` has SIGTERM pending (it blocks it: `--ignore-term`).
fn sigterm_pending(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .filter_map(|l| l.strip_prefix("ShdPnd:").or_else(|| l.strip_prefix("SigPnd:")))
        .any(|mask| u64::from_str_radix(mask.trim(), 16).is_ok_and(|m| m & (1 << 14) != 0))
}

#[test]
fn a_signal_to_portcheck_during_the_grace_period_stops_the_wait_and_reports() {
    use nix::sys::signal::Signal::{SIGHUP, SIGINT, SIGTERM};
    for (sig, code) in [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] {
        let h = Holder::start(&["--ignore-term"]);
        let started = std::time::Instant::now();
        let mut child = util::command()
            .args(["--kill", "--grace", "300s", "--json", &h.port.to_string()])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        while !sigterm_pending(h.pid()) {
            if started.elapsed() > std::time::Duration::from_secs(30) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{sig}: no SIGTERM reached the holder");
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), sig).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(60), "waited out the grace");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(code), "{sig}: {stdout}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "interrupted".into())]);
        assert_eq!(v["interrupted"], sig.as_str());
        assert_eq!(port_obj(&v, h.port)["in_use"], true, "{v}");
        assert!(alive(h.pid()), "escalated after the interruption");
    }
}

#[test]
fn a_prefork_group_larger_than_the_fd_limit_is_killed_whole() {
    // 101 processes, and portcheck may open 64 fds (soft and hard): it
    // cannot hold a pidfd for each.
    let h = Holder::start(&["--workers", "100"]);
    assert_eq!(h.pids.len(), 101);
    let mut cmd = Command::new("prlimit");
    cmd.args(["--nofile=64:64", "--"]).arg(util::bin());
    let run = util::run_with(cmd, &["--kill", "--json", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    let a = actions(&v);
    assert_eq!(a.iter().map(|x| x.0).collect::<Vec<_>>(), sorted(h.pids.clone()));
    assert!(a.iter().all(|x| x.1 == "SIGTERM" && x.2 == "exited"), "{a:?}");
    assert!(h.pids.iter().all(|&p| !alive(p)));
    assert_eq!(port_obj(&v, h.port)["in_use"], false);
}

#[test]
fn a_holder_that_runs_portcheck_through_a_wrapper_is_never_signalled() {
    let dir = util::tempdir::Dir::new();
    let out = dir.path.join("out.json");
    let bin = util::bin().to_string_lossy().into_owned();
    let kill = format!("{bin} --kill --force --json {{port}}");
    let wrappers: [(Vec<String>, &str); 3] = [
        (vec![bin.clone(), "--kill".into(), "--json".into(), "{port}".into()], "parent"),
        (
            ["timeout", "60", &bin, "--kill", "--force", "--json", "{port}"]
                .map(String::from)
                .into(),
            "ancestor",
        ),
        (vec!["bash".into(), "-c".into(), format!("{kill}; exit $?")], "ancestor"),
    ];
    for (cmd, why) in wrappers {
        let mut args = vec!["--out", out.to_str().unwrap(), "--run"];
        args.extend(cmd.iter().map(String::as_str));
        let h = Holder::start(&args);
        let text = std::fs::read_to_string(&out).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(actions(&v), vec![(h.pid(), String::new(), "refused".into())], "{cmd:?}");
        let reason = v["actions"][0]["reason"].as_str().unwrap();
        assert!(
            reason.contains(&format!("portcheck's {why}"))
                || reason.contains(&format!("an {why} of portcheck")),
            "{reason}"
        );
        assert!(alive(h.pid()), "{cmd:?}: the caller was signalled");
        // The holder is alive to say READY: portcheck exited 1 (still held).
        drop(h);
    }
}

#[test]
fn a_socket_passed_to_a_running_process_is_not_called_a_respawn() {
    // Start times count in clock ticks (10 ms): the receiver must have
    // started a tick before portcheck to be told from a respawn.
    let settled = || std::thread::sleep(std::time::Duration::from_millis(50));
    let h = Holder::start(&["--pass-on-term"]);
    settled();
    let (holder, receiver) = (h.pids[0], h.pids[1]);
    let port = h.port.to_string();
    let run = portcheck(&["--kill", "--json", &port]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(holder, "SIGTERM".into(), "exited".into())]);
    assert_eq!(v["respawns"], serde_json::json!([]), "{v}");
    assert_eq!(v["received"][0]["pid"], receiver, "{v}");
    assert_eq!(pids_of(&port_obj(&v, h.port)["sockets"]), vec![receiver]);
    let h = Holder::start(&["--pass-on-term"]);
    settled();
    let table = portcheck(&["--kill", &h.port.to_string()]);
    table.code(1).stdout_has(&format!(
        "Port {} is now held by pid {} (holder), which was running before portcheck started",
        h.port, h.pids[1]
    ));
    assert!(!table.stdout.contains("Respawned"), "{}", table.stdout);
}

#[test]
fn a_client_left_on_the_port_after_the_kill_is_not_said_to_have_received_the_socket() {
    // An outgoing connection from port P with SO_REUSEADDR, and a server
    // (SO_REUSEADDR too) listening on P: the kill stops the server, the
    // client keeps its connection. It was running before portcheck, but
    // nothing was passed to it: it is no `received` holder, and `kill PID`
    // is not the advice for a client.
    let client = Holder::start(&["--client", "--reuseaddr"]);
    let port = client.port.to_string();
    let server = Holder::start(&["--port", &port]);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let run = portcheck(&["--kill", "--json", &port]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(server.pid(), "SIGTERM".into(), "exited".into())]);
    assert!(v["received"].as_array().is_none_or(Vec::is_empty), "{v}");
    assert_eq!(v["respawns"], serde_json::json!([]), "{v}");
    assert!(alive(client.pid()), "the client was signalled");
    let server = Holder::start(&["--port", &port]);
    let table = portcheck(&["--kill", &port]);
    table.code(1);
    assert!(!table.stdout.contains("the socket was passed to it"), "{}", table.stdout);
    assert!(!table.stdout.contains("Respawned"), "{}", table.stdout);
    assert!(!alive(server.pid()) && alive(client.pid()));
}
