//! `--kill`: one verdict whatever the order of the ports; a port left held
//! by a holder that is not signalled spares its other holders; portcheck's
//! own inherited socket is no holder.

use crate::util::{self, *};
use std::process::Command;

fn action_of(v: &serde_json::Value, pid: u32) -> serde_json::Value {
    let a = v["actions"].as_array().expect("actions").iter().find(|a| a["pid"] == pid);
    a.cloned().unwrap_or_else(|| panic!("no action for pid {pid}: {v}"))
}

/// nobody's process listens on ports A and B; root's UDP socket sits on A,
/// which nobody cannot see. Whatever the order of the ports on the
/// command line, the co-holder is spared: killing it frees neither.
#[test]
#[ignore = "needs root: runs portcheck as uid 65534 beside a root co-holder"]
fn without_root_a_co_holder_is_spared_whatever_the_order_of_the_ports() {
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
    for ports in [[&b, &a], [&a, &b]] {
        let run = util::run_with(as_user(65534, &exe), &["--kill", "--json", ports[0], ports[1]]);
        assert_ne!(run.code, Some(0), "{}", run.stdout);
        assert!(alive(visible.pid()), "ports {ports:?}: killed a co-holder: {}", run.stdout);
        let a = action_of(&run.json(), visible.pid());
        assert_eq!(a["result"], "refused", "{a}");
        assert!(a["reason"].as_str().unwrap().contains("cannot be seen"), "{a}");
    }
}

/// A refused holder that keeps the port held (a process named
/// docker-proxy, a container forwarder) spares its worker, which shares
/// the listening socket: killing the worker would not free the port.
/// `--force` changes nothing.
#[test]
fn a_refusal_that_leaves_the_port_held_spares_its_co_holders() {
    let dir = tempdir::Dir::new();
    let proxy = dir.path.join("docker-proxy");
    std::os::unix::fs::symlink(util::holder_bin(), &proxy).unwrap();
    let h = Holder::start_cmd(Command::new(&proxy), &["--workers", "1", "-container-ip", "x"]);
    let (master, worker) = (h.pids[0], h.pids[1]);
    for flags in [&["--kill"][..], &["--kill", "--force"]] {
        let port = h.port.to_string();
        let run = portcheck(&[flags, &["--json", &port]].concat());
        run.code(1);
        let v = run.json();
        assert_eq!(action_of(&v, master)["result"], "refused");
        let spared = action_of(&v, worker);
        assert_eq!(spared["result"], "refused", "{spared}");
        assert_eq!(spared["kind"], "spared", "{spared}");
        let why = spared["reason"].as_str().unwrap();
        assert!(why.contains(&format!("pid {master} (docker-proxy) is not signalled")), "{why}");
        assert!(alive(worker), "{flags:?}: the worker was signalled: {}", run.stdout);
    }
}

/// A listening socket portcheck inherits from the program that runs it
/// makes portcheck no holder: the caller is the holder (and, being
/// portcheck's parent, is refused), and a note says portcheck has it.
#[test]
fn portchecks_own_inherited_socket_is_no_holder() {
    let script = "import socket, subprocess, sys\n\
                  s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.set_inheritable(True)\n\
                  port = str(s.getsockname()[1])\n\
                  r = subprocess.run([sys.argv[1], '--kill', '--json', port], pass_fds=[s.fileno()], capture_output=True, text=True)\n\
                  print(r.stdout)\n";
    let out = Command::new("python3").args(["-c", script]).arg(bin()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let port = &v["ports"][0];
    let pids = util::pids_of(&port["sockets"]);
    assert_eq!(pids.len(), 1, "only the caller holds it: {text}");
    let actions = v["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{text}");
    assert!(actions[0]["reason"].as_str().unwrap().contains("portcheck's parent"), "{text}");
    let notes = v["notes"].to_string();
    assert!(notes.contains("portcheck itself has a socket on port"), "{text}");
}
