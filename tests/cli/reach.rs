//! What a socket is said to reach, and whose it is (issue 19, item 7):
//! only the families that connect are listed, a socket that does not
//! listen is reachable by no one, and a holder of portcheck's own user
//! is not called another user's.

use crate::util::{self, *};
use std::process::Command;

/// An IPv4-mapped wildcard (`[::ffff:0.0.0.0]:P`) takes IPv4 connections
/// only: `reachable_at` lists this machine's IPv4 addresses, no IPv6 one
/// (in a private network namespace with one of each, on `lo`, as
/// .ci/windows gives its namespace a LAN address).
#[test]
#[ignore = "needs root: a private network namespace with an IPv4 and an IPv6 address"]
fn a_mapped_wildcard_is_reachable_over_ipv4_only() {
    let v = in_private_netns(|| {
        for args in [
            &["addr", "add", "192.0.2.10/32", "dev", "lo"][..],
            &["addr", "add", "2001:db8::10/128", "dev", "lo"],
        ] {
            assert!(Command::new("ip").args(args).status().unwrap().success(), "ip {args:?}");
        }
        let h = Holder::start(&["--addr", "::ffff:0.0.0.0"]);
        let run = portcheck(&["--json", &h.port.to_string()]);
        run.code(1);
        port_obj(&run.json(), h.port)["sockets"][0].clone()
    });
    let at = v["reachable_at"].as_array().unwrap();
    assert!(at.iter().any(|a| a.as_str().unwrap().starts_with("192.0.2.10:")), "{v}");
    assert!(!at.iter().any(|a| a.as_str().unwrap().starts_with('[')), "{v}");
}

/// A TCP socket bound to 0.0.0.0 that never listens is in use, but no
/// other machine can connect to it: it is not called reachable.
#[test]
fn a_bound_socket_that_does_not_listen_is_not_called_reachable() {
    let h = Holder::start(&["--addr", "0.0.0.0", "--no-listen"]);
    let run = portcheck(&[&h.port.to_string()]);
    run.code(1).stdout_has("bound without listening: nothing can connect to it");
    assert!(!run.stdout.contains("reachable from other machines"), "{}", run.stdout);
}

/// A server that started as root and dropped to nobody (so its /proc
/// entries stay root's), asked about by nobody: a holder of nobody's own
/// user, not "other users'".
#[test]
#[ignore = "needs root: a server that drops to uid 65534, asked about by uid 65534"]
fn a_holder_of_my_own_user_is_not_called_another_users() {
    let script = "import os, socket, sys\n\
                  s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n\
                  os.setgid(65534); os.setuid(65534)\n\
                  print(s.getsockname()[1], flush=True); sys.stdin.read()\n";
    let py = Python::code(script);
    let (_dir, exe) = world_runnable_copy();
    let run = util::run_with(as_user(65534, &exe), &[&py.port().to_string()]);
    drop(py);
    run.code(1).stdout_has("or one of your own that changed user");
    assert!(!run.stdout.contains("belong to other users"), "{}", run.stdout);
}

/// The development-server warning without Python: the holder helper run
/// as `holder -m http.server` is, to portcheck, Python's static file
/// server. On the wildcard address it is warned about (JSON and text);
/// on loopback it is not, and neither is a holder without that argv.
#[test]
fn a_development_server_on_the_network_is_warned_about() {
    const WARNING: &str = "a development server is reachable from the network; bind it to 127.0.0.1 unless you mean to share it";
    let dev = Holder::start(&["--addr", "0.0.0.0", "-m", "http.server"]);
    let port = dev.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let s = port_obj(&run.json(), dev.port)["sockets"][0].clone();
    assert_eq!(s["processes"][0]["hint"], "Python static file server (python -m http.server)");
    assert_eq!(s["warning"], WARNING, "{s}");
    portcheck(&[&port]).code(1).stdout_has(&format!("warning: {WARNING}"));
    let local = Holder::start(&["--addr", "127.0.0.1", "-m", "http.server"]);
    let plain = Holder::start(&["--addr", "0.0.0.0"]);
    for h in [&local, &plain] {
        let run = portcheck(&["--json", &h.port.to_string()]);
        run.code(1);
        let s = port_obj(&run.json(), h.port)["sockets"][0].clone();
        assert_eq!(pids_of(&serde_json::json!([s.clone()])), vec![h.pid()], "{s}");
        assert!(s.get("warning").is_none(), "{s}");
    }
}
