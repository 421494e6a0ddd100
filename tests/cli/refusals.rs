//! `--kill --json`: each refusal (and each note beside a signal) comes
//! with its `kind`, the word a reader matches on, beside the English
//! `reason`; here for every kind that can be made for real on Linux.

use crate::util::{self, *};
use std::process::Command;

/// The action of `pid`, after checking that every action with a `reason`
/// has a `kind` and none has one without.
fn action_of(v: &serde_json::Value, pid: u32) -> serde_json::Value {
    let all = v["actions"].as_array().expect("actions");
    for a in all {
        assert_eq!(a.get("reason").is_some(), a.get("kind").is_some(), "{a}");
    }
    let a = all.iter().find(|a| a["pid"] == pid);
    a.cloned().unwrap_or_else(|| panic!("no action for pid {pid}: {v}"))
}

fn kind_of(v: &serde_json::Value, pid: u32) -> String {
    action_of(v, pid)["kind"].as_str().unwrap_or("").to_string()
}

#[test]
fn a_client_is_kind_client_and_the_text_says_why() {
    let h = Holder::start(&["--client"]);
    let port = h.port.to_string();
    let run = portcheck(&["--kill", "--force", "--json", &port]);
    run.code(1);
    let v = run.json();
    assert_eq!(kind_of(&v, h.pid()), "client", "{v}");
    assert_eq!(action_of(&v, h.pid())["result"], "refused");
    // The text renders the same refusal as its sentence.
    portcheck(&["--kill", &port]).code(1).stdout_has(&format!(
        "Not signalling pid {} (holder): its only tie to port {port} is a connection (established)",
        h.pid()
    ));
    assert!(alive(h.pid()));
}

#[test]
fn portchecks_parent_and_ancestors_are_told_apart() {
    let dir = util::tempdir::Dir::new();
    let out = dir.path.join("out.json");
    let bin = util::bin().to_string_lossy().into_owned();
    let runs: [(Vec<String>, &str); 2] = [
        (vec![bin.clone(), "--kill".into(), "--json".into(), "{port}".into()], "portcheck_parent"),
        (
            ["timeout", "60", &bin, "--kill", "--json", "{port}"].map(String::from).into(),
            "portcheck_ancestor",
        ),
    ];
    for (cmd, kind) in runs {
        let mut args = vec!["--out", out.to_str().unwrap(), "--run"];
        args.extend(cmd.iter().map(String::as_str));
        let h = Holder::start(&args);
        let text = std::fs::read_to_string(&out).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(kind_of(&v, h.pid()), kind, "{text}");
        assert!(alive(h.pid()), "{cmd:?}: the caller was signalled");
    }
}

/// A process named docker-proxy is a container forwarder; its worker,
/// on the same listening socket, is spared.
#[test]
fn a_container_forwarder_and_the_co_holder_it_spares() {
    let dir = util::tempdir::Dir::new();
    let proxy = dir.path.join("docker-proxy");
    std::os::unix::fs::symlink(util::holder_bin(), &proxy).unwrap();
    let h = Holder::start_cmd(Command::new(&proxy), &["--workers", "1"]);
    let (master, worker) = (h.pids[0], h.pids[1]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(kind_of(&v, master), "container_forwarder", "{v}");
    assert_eq!(kind_of(&v, worker), "spared", "{v}");
    assert!(alive(master) && alive(worker));
}

#[test]
fn vs_codes_forwarder_is_kind_vscode() {
    let dir = util::tempdir::Dir::new();
    let bin = dir.path.join(".vscode-server/bin/abc123");
    std::fs::create_dir_all(&bin).unwrap();
    let node = bin.join("node");
    std::os::unix::fs::symlink(util::holder_bin(), &node).unwrap();
    let h = Holder::start_cmd(Command::new(&node), &[]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(1);
    assert_eq!(kind_of(&run.json(), h.pid()), "vscode", "{}", run.stdout);
    assert!(alive(h.pid()));
}

/// Beside a signal: a target that let go of the port and is still
/// shutting down, and a stopped one that was continued. A plain exit has
/// neither `reason` nor `kind`.
#[test]
fn notes_beside_a_signal_have_their_kind() {
    let h = Holder::start(&["--drain-on-term"]);
    let run = portcheck(&["--kill", "--grace", "2s", "--json", &h.port.to_string()]);
    run.code(0);
    assert_eq!(kind_of(&run.json(), h.pid()), "shutting_down", "{}", run.stdout);

    let h = Holder::start(&["--exit-on-term"]);
    let pid = nix::unistd::Pid::from_raw(h.pid() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGSTOP).unwrap();
    while state(h.pid()) != Some('T') {
        std::thread::yield_now();
    }
    let run = portcheck(&["--kill", "--json", "--grace", "30s", &h.port.to_string()]);
    run.code(0);
    assert_eq!(kind_of(&run.json(), h.pid()), "continued", "{}", run.stdout);

    let h = Holder::start(&[]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(0);
    let a = action_of(&run.json(), h.pid());
    assert!(a.get("kind").is_none() && a.get("reason").is_none(), "{a}");
}

fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.split_whitespace().next()?.chars().next()
}

#[test]
#[ignore = "needs root to make a pid namespace; .ci/run runs it"]
fn a_namespace_init_and_its_workers() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let init = crate::kill_safety::NamespaceInit::start_with(&["--workers", "1"]);
    let children = std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", init.pid))
        .unwrap_or_default();
    let worker: u32 = children.split_whitespace().next().expect("a worker").parse().unwrap();
    let run = portcheck(&["--kill", "--force", "--json", &init.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(kind_of(&v, init.pid), "namespace_init", "{v}");
    assert_eq!(kind_of(&v, worker), "spared_in_namespace", "{v}");
    assert!(alive(init.pid) && alive(worker));
}

/// nobody's holder listens on ports A and B; root's UDP socket sits on A,
/// which nobody cannot see. Either order of the ports makes the visible
/// holder `spared_unseen` (A first: its first verdict; B first: spared
/// when A is found kept).
#[test]
#[ignore = "needs root: runs portcheck as uid 65534 beside a root co-holder"]
fn a_co_holder_of_an_unseen_holder_is_spared_unseen() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let (dir, exe) = world_runnable_copy();
    let holder = dir.path.join("holder");
    util::install(&util::holder_bin(), &holder);
    let base = (0..100)
        .map(|_| free_port())
        .find(|&p| p < 65535 && bindable(p + 1))
        .expect("two free ports in a row");
    let (a, b) = (base.to_string(), (base + 1).to_string());
    let visible = Holder::start_cmd(as_user(65534, &holder), &["--listeners", "2", "--base", &a]);
    let _hidden = Holder::start(&["--udp", "--port", &a]);
    for ports in [[&a, &b], [&b, &a]] {
        let run = util::run_with(as_user(65534, &exe), &["--kill", "--json", ports[0], ports[1]]);
        assert_ne!(run.code, Some(0), "{}", run.stdout);
        let kind = kind_of(&run.json(), visible.pid());
        assert_eq!(kind, "spared_unseen", "{ports:?}: {}", run.stdout);
        assert!(alive(visible.pid()));
    }
}

#[test]
#[ignore = "needs root and a writable cgroup2 mount to move a holder into a cgroup; .ci/run runs it"]
fn a_holder_in_a_systemd_service_is_kind_systemd_unit() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let h = Holder::start(&[]);
    let _cg = crate::paste::Cgroup::enter(h.pid(), "system.slice/runner.service");
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(1);
    let a = action_of(&run.json(), h.pid());
    assert_eq!(a["kind"], "systemd_unit", "{a}");
    assert_eq!(a["reason"], "part of systemd unit runner.service: systemd would restart it");
    assert!(alive(h.pid()));
}
