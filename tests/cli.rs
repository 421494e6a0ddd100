//! Integration tests: the built binary against real sockets and processes.

mod util;

use std::process::Command;

use util::{Holder, free_port, pids_of, port_obj, portcheck, sorted};

// ---------------------------------------------------------------- query

#[test]
fn single_holder_in_json_and_table() {
    let h = Holder::start(&["--addr", "0.0.0.0"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["in_use"], true);
    let class = if h.port >= 49152 { "dynamic" } else { "registered" };
    assert_eq!(p["class"], class);
    let s = &p["sockets"][0];
    assert_eq!(s["protocol"], "tcp");
    assert_eq!(s["family"], "ipv4");
    assert_eq!(s["address"], "0.0.0.0");
    assert_eq!(s["state"], "listen");
    assert_eq!(s["exposure"], "all_interfaces");
    assert!(s["inode"].as_u64().unwrap() > 0);
    let proc = &s["processes"][0];
    assert_eq!(proc["pid"], h.pid());
    assert_eq!(proc["name"], "holder");
    assert_eq!(proc["ppid"], std::process::id());
    assert!(proc["command"][0].as_str().unwrap().ends_with("holder"));
    assert!(proc["started"].as_str().unwrap().ends_with('Z'));

    let table = portcheck(&[&port]);
    table
        .code(1)
        .stdout_has(&format!("Port {port} in use"))
        .stdout_has(&format!("0.0.0.0:{port}"))
        .stdout_has(&h.pid().to_string())
        .stdout_has("listen")
        .stdout_has(&format!("{class} port"))
        .stdout_has("reachable from other machines on the network");
}

#[test]
fn loopback_holder_is_local_only() {
    let h = Holder::start(&["--addr", "127.0.0.1"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    assert_eq!(port_obj(&run.json(), h.port)["sockets"][0]["exposure"], "loopback");
    portcheck(&[&h.port.to_string()]).code(1).stdout_has("reachable from this machine only");
}

#[test]
fn free_port_is_free_and_bind_checked() {
    let port = free_port();
    let run = portcheck(&["--json", &port.to_string()]);
    run.code(0);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], false);
    assert_eq!(p["sockets"].as_array().unwrap().len(), 0);
    portcheck(&[&port.to_string()]).code(0).stdout_has("Free:").stdout_has(&port.to_string());
}

#[test]
fn quiet_prints_nothing_and_exit_status_answers() {
    let h = Holder::start(&[]);
    let free = free_port();
    let held = portcheck(&["-q", &h.port.to_string(), &free.to_string()]);
    held.code(1);
    assert_eq!(held.stdout, "");
    let ok = portcheck(&["-q", &free.to_string()]);
    ok.code(0);
    assert_eq!(ok.stdout, "");
}

#[test]
fn prefork_master_and_three_workers_are_all_listed() {
    let h = Holder::start(&["--workers", "3"]);
    assert_eq!(h.pids.len(), 4);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["sockets"].as_array().unwrap().len(), 1, "one shared socket: {p}");
    assert_eq!(pids_of(&p["sockets"]), sorted(h.pids.clone()));
}

#[test]
fn reuseport_group_shows_both_sockets_and_pids() {
    let a = Holder::start(&["--reuseport"]);
    let b = Holder::start(&["--reuseport", "--port", &a.port.to_string()]);
    let run = portcheck(&["--json", &a.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), a.port);
    assert_eq!(p["sockets"].as_array().unwrap().len(), 2, "{p}");
    assert_eq!(pids_of(&p["sockets"]), sorted(vec![a.pid(), b.pid()]));
}

#[test]
fn ipv6_dual_stack_listener() {
    let h = Holder::start(&["--addr", "::", "--dual"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let s = port_obj(&run.json(), h.port)["sockets"][0].clone();
    assert_eq!(s["family"], "ipv6");
    assert_eq!(s["address"], "::");
    assert_eq!(s["v6only"], false);
    assert_eq!(s["exposure"], "all_interfaces");
    // Without IPV6_V6ONLY it takes the IPv4 port too.
    let v4 = portcheck(&["--json", "-4", &port]);
    v4.code(1);
    assert_eq!(pids_of(&port_obj(&v4.json(), h.port)["sockets"]), vec![h.pid()]);
    portcheck(&[&port]).code(1).stdout_has(&format!("[::]:{port}"));
}

#[test]
fn ipv6_only_listener_leaves_ipv4_free() {
    let h = Holder::start(&["--addr", "::", "--v6only"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    assert_eq!(port_obj(&run.json(), h.port)["sockets"][0]["v6only"], true);
    portcheck(&["-4", "-t", &port]).code(0);
    portcheck(&["-6", "-t", &port]).code(1);
}

#[test]
fn udp_socket_is_in_use_but_tcp_of_that_port_is_free() {
    let h = Holder::start(&["--udp", "--addr", "0.0.0.0"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let s = port_obj(&run.json(), h.port)["sockets"][0].clone();
    assert_eq!(s["protocol"], "udp");
    assert_eq!(s["state"], "unconn");
    assert_eq!(s["processes"][0]["pid"], h.pid());
    portcheck(&[&format!("{port}/tcp")]).code(0);
    portcheck(&["-t", &port]).code(0);
    portcheck(&[&format!("{port}/udp")]).code(1);
    portcheck(&["-u", &port]).code(1);
}

#[test]
fn bound_but_not_listening_socket_is_in_use() {
    let h = Holder::start(&["--no-listen"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["in_use"], true);
    assert_eq!(p["sockets"][0]["state"], "bound_inactive", "{p}");
    assert_eq!(p["sockets"][0]["processes"][0]["pid"], h.pid());
}

#[test]
fn a_port_taken_by_an_outgoing_connection_is_not_free() {
    // No listener: the socket table's first look finds nothing, the bind
    // fails, and the second look names the connection and its process.
    let h = Holder::start(&["--client"]);
    let run = portcheck(&["--json", "-t", "-4", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["in_use"], true);
    assert!(p["sockets"].as_array().unwrap().iter().any(|s| s["state"] == "established"), "{p}");
    assert_eq!(pids_of(&p["sockets"]), vec![h.pid()]);
    assert!(p["notes"].to_string().contains("connection"), "{p}");
}

/// Leaves a TIME_WAIT connection on a fresh loopback port: the server side
/// closes first. Returns the port.
fn time_wait_port() -> u16 {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut client = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let (server, _) = listener.accept().unwrap();
    drop(server);
    let _ = client.read(&mut [0u8; 1]); // sees the FIN
    drop(client);
    drop(listener);
    port
}

#[test]
fn time_wait_is_noted_but_does_not_make_a_port_in_use() {
    let port = time_wait_port();
    let run = portcheck(&["--json", "-t", &port.to_string()]);
    run.code(0);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], false);
    assert!(p["time_wait"].as_u64().unwrap() >= 1, "{p}");
    assert!(p["notes"].to_string().contains("TIME_WAIT"), "{p}");
    // --wait-free wants the port entirely free: TIME_WAIT is not yet.
    portcheck(&["--wait-free", "200ms", "-t", &port.to_string()]).code(1).stdout_has("TIME_WAIT");
    // And --suggest does not hand it out.
    let got = suggested(&["--suggest", "-t", &port.to_string()]);
    assert_ne!(got[0], port);
}

#[test]
fn several_connection_bound_ports_are_explained_in_one_second_look() {
    // Both need the second look (no listener, the bind fails); it is done
    // for the two together and must attribute each port to its own holder.
    let a = Holder::start(&["--client"]);
    let b = Holder::start(&["--client"]);
    let free = free_port();
    let run = portcheck(&[
        "--json",
        "-t",
        "-4",
        &a.port.to_string(),
        &b.port.to_string(),
        &free.to_string(),
    ]);
    run.code(1);
    let v = run.json();
    assert_eq!(pids_of(&port_obj(&v, a.port)["sockets"]), vec![a.pid()]);
    assert_eq!(pids_of(&port_obj(&v, b.port)["sockets"]), vec![b.pid()]);
    assert_eq!(port_obj(&v, free)["in_use"], false);
}

#[test]
fn several_ports_and_a_range_in_one_run() {
    let a = Holder::start(&[]);
    let free = free_port();
    let run = portcheck(&["--json", &a.port.to_string(), &free.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(port_obj(&v, a.port)["in_use"], true);
    assert_eq!(port_obj(&v, free)["in_use"], false);
    let lo = a.port.saturating_sub(2).max(1);
    let range = format!("{lo}-{}", a.port);
    let r = portcheck(&["--json", &range]);
    let v = r.json();
    assert_eq!(v["ports"].as_array().unwrap().len(), usize::from(a.port - lo) + 1);
    assert_eq!(port_obj(&v, a.port)["in_use"], true);
}

#[test]
fn service_names_resolve() {
    let run = portcheck(&["--json", "-t", "redis"]);
    let v = run.json();
    assert_eq!(v["ports"][0]["port"], 6379);
    assert!(v["ports"][0]["services"].as_array().unwrap().contains(&"redis".into()));
}

#[test]
fn classification_of_well_known_and_dynamic_ports() {
    let run = portcheck(&["--json", "-t", "80", "50000"]);
    let v = run.json();
    let p80 = port_obj(&v, 80);
    assert_eq!(p80["class"], "well_known");
    assert_eq!(p80["privileged"], true);
    let p50000 = port_obj(&v, 50000);
    assert_eq!(p50000["class"], "dynamic");
    assert_eq!(p50000["privileged"], false);
    let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
    let (lo, hi): (u16, u16) = {
        let mut it = range.split_whitespace().map(|x| x.parse::<u16>().unwrap());
        (it.next().unwrap(), it.next().unwrap())
    };
    assert_eq!(p50000["ephemeral"], (lo..=hi).contains(&50000));
}

// -------------------------------------------------------------- listing

#[test]
fn listing_contains_every_kind_of_holder() {
    let plain = Holder::start(&["--addr", "0.0.0.0"]);
    let prefork = Holder::start(&["--workers", "3"]);
    let rp1 = Holder::start(&["--reuseport"]);
    let rp2 = Holder::start(&["--reuseport", "--port", &rp1.port.to_string()]);
    let v6 = Holder::start(&["--addr", "::", "--dual"]);
    let udp = Holder::start(&["--udp"]);
    let run = portcheck(&["--json"]);
    run.code(0);
    let v = run.json();
    let socks = v["sockets"].as_array().unwrap();
    let pids_on = |port: u16, proto: &str| {
        let matching: Vec<_> =
            socks.iter().filter(|s| s["port"] == port && s["protocol"] == proto).cloned().collect();
        pids_of(&serde_json::Value::Array(matching))
    };
    assert_eq!(pids_on(plain.port, "tcp"), vec![plain.pid()]);
    assert_eq!(pids_on(prefork.port, "tcp"), sorted(prefork.pids.clone()));
    assert_eq!(pids_on(rp1.port, "tcp"), sorted(vec![rp1.pid(), rp2.pid()]));
    assert_eq!(pids_on(v6.port, "tcp"), vec![v6.pid()]);
    assert_eq!(pids_on(udp.port, "udp"), vec![udp.pid()]);

    let table = portcheck(&[]);
    table.code(0).stdout_has("PROTO").stdout_has(&format!("0.0.0.0:{}", plain.port));
    table.stdout_has(&format!("[::]:{}", v6.port)).stdout_has(&format!("127.0.0.1:{}", udp.port));
}

#[test]
fn listing_agrees_with_ss() {
    let h = Holder::start(&["--workers", "1"]);
    let ss = Command::new("ss").args(["-H", "-tulnp"]).output().expect("ss (iproute2) is needed");
    let run = portcheck(&["--json"]);
    run.code(0);
    // (protocol, port, pids) from both tools.
    let mut ours: Vec<(String, u16, Vec<u32>)> = run.json()["sockets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let pids = pids_of(&serde_json::Value::Array(vec![s.clone()]));
            (s["protocol"].as_str().unwrap().to_string(), s["port"].as_u64().unwrap() as u16, pids)
        })
        .collect();
    let mut theirs: Vec<(String, u16, Vec<u32>)> = String::from_utf8_lossy(&ss.stdout)
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let port = f[4].rsplit(':').next().unwrap().parse().unwrap();
            let mut pids: Vec<u32> = line
                .split("pid=")
                .skip(1)
                .map(|p| p.split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap())
                .collect();
            pids.sort_unstable();
            pids.dedup();
            (f[0].to_string(), port, pids)
        })
        .collect();
    // Other tests start and stop holders meanwhile: compare everything but
    // the sockets of this test process's other children.
    let others = |e: &(String, u16, Vec<u32>)| {
        e.1 != h.port && !e.2.is_empty() && e.2.iter().all(|&p| util::descends_from_me(p))
    };
    ours.retain(|e| !others(e));
    theirs.retain(|e| !others(e));
    ours.sort();
    theirs.sort();
    assert!(ours.iter().any(|e| e.1 == h.port && e.2 == sorted(h.pids.clone())), "{ours:?}");
    assert_eq!(ours, theirs, "portcheck --json vs ss -tulnp");
}

// ------------------------------------------------------------ bad input

#[test]
fn bad_ports_are_usage_errors_naming_the_value() {
    for bad in
        ["abc", "0", "70000", "65536", "-1", "5000-4000", "5000/sctp", "", "no-such-service-xyz"]
    {
        let run = portcheck(&[bad]);
        run.code(2);
        assert_eq!(run.stdout, "", "{bad:?}");
        assert_eq!(run.stderr.lines().count(), 1, "one line for {bad:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("portcheck: "), "{}", run.stderr);
        assert!(run.stderr.contains(&format!("'{bad}'")), "names {bad:?}: {}", run.stderr);
    }
}

#[test]
fn bad_flags_are_one_line_usage_errors() {
    for args in [&["--bogus"][..], &["--color", "sometimes", "80"][..]] {
        let run = portcheck(args);
        run.code(2);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(args[args.len().min(2) - 1]), "{}", run.stderr);
    }
}

#[test]
fn help_and_version() {
    portcheck(&["--help"]).code(0).stdout_has("Exit status:").stdout_has("--json");
    portcheck(&["--version"]).code(0).stdout_has("portcheck ");
}

#[test]
fn broken_pipe_is_quiet() {
    // stdout is a pipe whose reader is already gone: the first write fails
    // with EPIPE, which is not an error worth a word.
    let _h = Holder::start(&[]);
    for args in [&[][..], &["--json"][..]] {
        let (reader, writer) = nix::unistd::pipe().unwrap();
        drop(reader);
        let out = Command::new(util::bin())
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::from(writer))
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

// ------------------------------------------------------- other users (root)

/// A copy of the binary that any user can run (the build tree may not be
/// readable by others).
fn world_runnable_copy() -> (tempdir::Dir, std::path::PathBuf) {
    let dir = tempdir::Dir::new();
    let dst = dir.path.join("portcheck");
    std::fs::copy(util::bin(), &dst).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir.path, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&dst, std::fs::Permissions::from_mode(0o755)).unwrap();
    (dir, dst)
}

mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new() -> Dir {
            let path = std::env::temp_dir().join(format!(
                "portcheck-test-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[test]
#[ignore = "needs root to run portcheck as another user; .ci/run runs it"]
fn other_users_holder_is_hidden_but_counted() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let h = Holder::start(&[]); // owned by root
    let (_dir, exe) = world_runnable_copy();
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&exe);
    let run = util::run_with(cmd, &["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["in_use"], true);
    let s = &p["sockets"][0];
    assert_eq!(s["uid"], 0);
    assert_eq!(s["processes"].as_array().unwrap().len(), 0);
    assert!(s["hidden"].as_str().unwrap().contains("sudo"), "{s}");
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&exe);
    util::run_with(cmd, &[&h.port.to_string()])
        .code(1)
        .stdout_has("run with sudo")
        .stdout_has("root");
}

// ----------------------------------------------------------------- kill

fn alive(pid: u32) -> bool {
    // A zombie (killed, not yet reaped by the guard) counts as gone.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.rsplit_once(')').and_then(|x| x.1.split_whitespace().next()) != Some("Z"))
        .unwrap_or(false)
}

fn actions(v: &serde_json::Value) -> Vec<(u32, String, String)> {
    let mut a: Vec<(u32, String, String)> = v["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["pid"].as_u64().unwrap() as u32,
                a["signal"].as_str().unwrap_or("").to_string(),
                a["result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    a.sort();
    a
}

/// The port can be bound again by a server (on the wildcard address).
fn bindable(port: u16) -> bool {
    std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
}

#[test]
fn kill_a_holder_that_exits_on_sigterm() {
    let h = Holder::start(&[]);
    let started = std::time::Instant::now();
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    let took = started.elapsed();
    run.code(0);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "exited".into())]);
    assert_eq!(port_obj(&v, h.port)["in_use"], false);
    assert!(!alive(h.pid()));
    // Not escalated: well inside the 5 s grace period.
    assert!(took < std::time::Duration::from_secs(4), "took {took:?}");
}

#[test]
fn kill_escalates_to_sigkill_for_a_holder_that_ignores_sigterm() {
    let h = Holder::start(&["--ignore-term", "--addr", "0.0.0.0"]);
    let run = portcheck(&["-k", "--grace", "300ms", "--json", &h.port.to_string()]);
    run.code(0);
    assert_eq!(actions(&run.json()), vec![(h.pid(), "SIGKILL".into(), "killed".into())]);
    assert!(!alive(h.pid()));
    assert!(bindable(h.port));
}

#[test]
fn kill_does_not_sigkill_a_holder_that_let_go_of_the_port() {
    let h = Holder::start(&["--drain-on-term"]);
    let run = portcheck(&["--kill", "--grace", "2s", "--json", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "exited".into())]);
    assert!(v["actions"][0]["reason"].as_str().unwrap().contains("still shutting down"));
    assert!(alive(h.pid()), "draining, not killed");
    assert_eq!(port_obj(&v, h.port)["in_use"], false);
}

#[test]
fn kill_the_reloader_parent_and_its_child_together() {
    // The Werkzeug reloader: the parent binds and passes the socket to a
    // child that serves; both hold it, and both ignore SIGTERM here, so the
    // escalation must reach both or the orphan keeps the port.
    let h = Holder::start(&["--workers", "1", "--ignore-term"]);
    let run = portcheck(&["-k", "-y", "--grace", "300ms", "--json", &h.port.to_string()]);
    run.code(0);
    let a = actions(&run.json());
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(a.iter().all(|x| x.2 == "killed"), "{a:?}");
    assert!(h.pids.iter().all(|&p| !alive(p)));
    assert!(bindable(h.port));
}

#[test]
fn kill_a_prefork_group() {
    let h = Holder::start(&["--workers", "3"]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(0);
    let a = actions(&run.json());
    assert_eq!(a.iter().map(|x| x.0).collect::<Vec<_>>(), sorted(h.pids.clone()));
    assert!(a.iter().all(|x| x.2 == "exited"), "{a:?}");
    assert!(h.pids.iter().all(|&p| !alive(p)));
    portcheck(&[&h.port.to_string()]).code(0);
}

#[test]
fn kill_dry_run_signals_nothing() {
    let h = Holder::start(&["--workers", "1"]);
    let port = h.port.to_string();
    let run = portcheck(&["--kill", "--dry-run", "--json", &port]);
    run.code(1);
    let a = actions(&run.json());
    assert_eq!(a.len(), 2);
    assert!(a.iter().all(|x| x.1 == "SIGTERM" && x.2 == "dry_run"), "{a:?}");
    assert!(h.pids.iter().all(|&p| alive(p)));
    portcheck(&["--kill", "--dry-run", &port]).code(1).stdout_has("Dry run: would send SIGTERM");
    assert!(h.pids.iter().all(|&p| alive(p)));
}

#[test]
fn kill_of_a_free_port_succeeds_with_nothing_to_do() {
    let port = free_port();
    let run = portcheck(&["--kill", "--json", &port.to_string()]);
    run.code(0);
    assert_eq!(actions(&run.json()), vec![]);
}

#[test]
fn kill_reports_a_respawn_with_the_supervisor() {
    let h = Holder::start(&["--supervise"]);
    let (supervisor, server) = (h.pids[0], h.pids[1]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(server, "SIGTERM".into(), "exited".into())]);
    let r = &v["respawns"][0];
    assert_eq!(r["port"], h.port);
    assert_eq!(r["ppid"], supervisor);
    assert_ne!(r["pid"], server);
    assert!(alive(supervisor));
    assert_eq!(r["stop"], format!("kill {supervisor}   # the parent that restarts it"));
    let table = portcheck(&["--kill", &h.port.to_string()]);
    table.code(1).stdout_has("taken again").stdout_has(&format!("started by pid {supervisor}"));
    table.stdout_has(&format!("to stop it for good: kill {supervisor}"));
}

#[test]
fn kill_prompt_answered_no_spares_the_holder() {
    use std::io::{Read, Write};
    let h = Holder::start(&[]);
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    master.write_all(b"n\n").unwrap();
    let slave = std::fs::File::from(pty.slave);
    let out = Command::new(util::bin())
        .args(["--kill", &h.port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing was killed"));
    assert!(alive(h.pid()));
    let mut buf = vec![0u8; 4096];
    let n = master.read(&mut buf).unwrap();
    let screen = String::from_utf8_lossy(&buf[..n]);
    assert!(screen.contains(&format!("Kill 1 process holding {}? [y/N]", h.port)), "{screen}");
}

#[test]
fn kill_bad_signal_and_flag_combinations_are_usage_errors() {
    portcheck(&["--kill", "--signal", "NOPE", "5000"]).code(2).stderr_has("'NOPE'");
    portcheck(&["--kill", "--grace", "soon", "5000"]).code(2).stderr_has("'soon'");
    portcheck(&["--kill"]).code(2).stderr_has("--kill needs a PORT");
    portcheck(&["--yes", "5000"]).code(2);
    portcheck(&["--kill", "--force", "--signal", "HUP", "5000"]).code(2);
}

#[test]
#[ignore = "needs root to run the holder and portcheck as two other users; .ci/run runs it"]
fn kill_of_another_users_holder_is_denied_with_exit_3() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let (_dir, exe) = world_runnable_copy();
    let holder = _dir.path.join("holder");
    std::fs::copy(util::holder_bin(), &holder).unwrap();
    let mut as_nobody = Command::new("setpriv");
    as_nobody.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&holder);
    let h = Holder::start_cmd(as_nobody, &[]);
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65533", "--regid=65533", "--clear-groups", "--"]).arg(&exe);
    let run = util::run_with(cmd, &["--kill", &h.port.to_string()]);
    run.code(3).stderr_has("run with sudo");
    assert!(alive(h.pid()));
}

// -------------------------------------------------------------- suggest

use util::{hold_block, in_private_netns};

fn suggested(args: &[&str]) -> Vec<u16> {
    let run = portcheck(args);
    run.code(0);
    run.stdout
        .lines()
        .map(|l| l.trim().parse().unwrap_or_else(|_| panic!("bare number: {l:?}")))
        .collect()
}

fn bindable_v4_v6(port: u16) -> bool {
    std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
        && std::net::TcpListener::bind(("::", port)).is_ok()
}

#[test]
fn suggest_skips_a_held_block() {
    let (base, _held) = hold_block(4);
    let got = suggested(&["--suggest", &base.to_string()]);
    assert_eq!(got.len(), 1);
    assert!(got[0] >= base + 4, "{got:?} for held {base}..{}", base + 3);
    assert!(bindable_v4_v6(got[0]));
}

#[test]
fn suggest_count_gives_distinct_bindable_ports() {
    let (base, _held) = hold_block(1);
    let got = suggested(&["--suggest", "-n", "3", &base.to_string()]);
    assert_eq!(got.len(), 3);
    let mut d = got.clone();
    d.dedup();
    assert_eq!(d, got);
    assert!(got.windows(2).all(|w| w[0] < w[1]));
    assert!(!got.contains(&base));
    assert!(got.iter().all(|&p| bindable_v4_v6(p)), "{got:?}");
}

#[test]
fn suggest_respects_an_ipv6_only_listener_on_the_base() {
    // Find a free base by holding it over IPv6 only; IPv4 stays free.
    let (base, held) = hold_block(1);
    drop(held);
    let Some(_v6) = Holder::try_start(&["--addr", "::", "--v6only", "--port", &base.to_string()])
    else {
        panic!("could not hold {base} over IPv6");
    };
    let got = suggested(&["--suggest", &base.to_string()]);
    assert_ne!(got[0], base);
}

#[test]
fn suggest_json_and_piped_output() {
    let (base, _held) = hold_block(1);
    let run = portcheck(&["--suggest", "--json", &base.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(v["base"], base);
    assert_eq!(v["suggestions"].as_array().unwrap().len(), 1);
    // Piped (not a terminal): the number alone, ready for PORT=$(...).
    let piped = portcheck(&["--suggest", &base.to_string()]);
    assert!(piped.stdout.trim().parse::<u16>().is_ok(), "{}", piped.stdout);
    assert_eq!(piped.stdout.lines().count(), 1);
}

#[test]
fn suggest_usage_errors() {
    portcheck(&["--suggest", "3000-3005"]).code(2);
    portcheck(&["--suggest", "-n", "0"]).code(2);
    let mut cmd = Command::new(util::bin());
    cmd.env("PORT", "abc");
    util::run_with(cmd, &["--suggest"]).code(2).stderr_has("'abc'");
}

#[test]
#[ignore = "needs root for a private network namespace (fixed ports 5000, 5431, 8000); .ci/run runs it"]
fn suggest_fixed_ports_in_a_clean_port_space() {
    in_private_netns(|| {
        let _block: Vec<Holder> = (5000..=5003)
            .map(|p| Holder::start(&["--addr", "0.0.0.0", "--port", &p.to_string()]))
            .collect();
        assert_eq!(suggested(&["--suggest", "5000"]), vec![5004]);
        // 5432 is PostgreSQL's: skipped even though it is free.
        let _pg = Holder::start(&["--addr", "0.0.0.0", "--port", "5431"]);
        assert_eq!(suggested(&["--suggest", "5431"]), vec![5433]);
        // $PORT is the base when no PORT is given; 8000 when neither is.
        let mut cmd = Command::new(util::bin());
        cmd.env("PORT", "5000");
        let run = util::run_with(cmd, &["--suggest"]);
        run.code(0);
        assert_eq!(run.stdout.trim(), "5004");
        assert_eq!(suggested(&["--suggest"]), vec![8000]);
        // A dynamic base lands above the ephemeral range.
        let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
        let hi: u16 = range.split_whitespace().nth(1).unwrap().parse().unwrap();
        let got = suggested(&["--suggest", "50000"]);
        assert!(got[0] > hi && got[0] >= 49152, "{got:?}");
    });
}

// ----------------------------------------------------------------- wait

#[test]
fn wait_free_returns_once_the_holder_exits() {
    let h = Holder::start(&[]);
    let port = h.port.to_string();
    let mut child = Command::new(util::bin())
        .args(["--wait-free", "20s", &port])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "returned while the port was held");
    let started = std::time::Instant::now();
    drop(h);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "prompt return");
    assert!(String::from_utf8_lossy(&out.stdout).contains("is free"));
}

#[test]
fn wait_free_times_out_on_a_persistent_holder() {
    let h = Holder::start(&[]);
    let started = std::time::Instant::now();
    let run = portcheck(&["--wait-free", "400ms", &h.port.to_string()]);
    run.code(1).stdout_has(&format!("still held by pid {}", h.pid()));
    let took = started.elapsed();
    assert!(took >= std::time::Duration::from_millis(400), "{took:?}");
    assert!(took < std::time::Duration::from_secs(3), "kept to its deadline: {took:?}");
    portcheck(&["-q", "--wait-free", "100ms", &h.port.to_string()]).code(1);
}

#[test]
fn wait_listen_sees_a_late_server_on_ipv6_loopback() {
    let (port, held) = hold_block(1);
    drop(held);
    let mut child = Command::new(util::bin())
        .args(["--wait-listen", "20s", "--json", &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "returned before anything listened");
    let h = Holder::start(&["--addr", "::1", "--port", &port.to_string()]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert!(v["waited_ms"].as_u64().unwrap() >= 300, "{v}");
    assert_eq!(pids_of(&port_obj(&v, port)["sockets"]), vec![h.pid()]);
}

#[test]
fn wait_listen_times_out_when_nothing_listens() {
    let port = free_port();
    portcheck(&["--wait-listen", "300ms", &port.to_string()]).code(1).stdout_has("Nothing listens");
}

#[test]
fn wait_bad_durations_are_usage_errors() {
    for bad in ["soon", "-1s", "10parsecs"] {
        portcheck(&["--wait-free", bad, "5000"]).code(2).stderr_has(&format!("'{bad}'"));
    }
    portcheck(&["--wait-listen", "1s"]).code(2).stderr_has("need a PORT");
}

// ------------------------------------------------------------ CI recipe

/// The shell recipe of docs/ci.md, extracted verbatim.
fn ci_recipe() -> (tempdir::Dir, std::path::PathBuf) {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md")).unwrap();
    let after = doc.split("<!-- test: preflight.sh -->").nth(1).expect("marker in docs/ci.md");
    let body = after.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    let dir = tempdir::Dir::new();
    let script = dir.path.join("preflight.sh");
    std::fs::write(&script, body).unwrap();
    (dir, script)
}

fn run_recipe(script: &std::path::Path, ports: &[String]) -> std::process::Output {
    let bin_dir = util::bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    Command::new("sh").arg(script).args(ports).env("PATH", path).output().unwrap()
}

#[test]
fn ci_shell_recipe_fails_naming_the_holder() {
    let (_dir, script) = ci_recipe();
    let h = Holder::start(&[]);
    let out = run_recipe(&script, &[h.port.to_string(), free_port().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a port is taken")
            && err.contains(&h.pid().to_string())
            && err.contains("holder"),
        "{err}"
    );
}

#[test]
fn ci_shell_recipe_passes_on_free_ports() {
    let (_dir, script) = ci_recipe();
    let out = run_recipe(&script, &[free_port().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("are free"));
    let bad = run_recipe(&script, &["0".to_string()]);
    assert_eq!(bad.status.code(), Some(2));
}

/// Runs portcheck with stdout on a pseudo-terminal; returns what it showed.
fn on_terminal(args: &[&str]) -> (Option<i32>, String) {
    on_terminal_with(args, Some("1"))
}

/// Like [`on_terminal`], with NO_COLOR set to `no_color` or unset.
fn on_terminal_with(args: &[&str], no_color: Option<&str>) -> (Option<i32>, String) {
    use std::io::Read;
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    let slave = std::fs::File::from(pty.slave);
    let mut cmd = Command::new(util::bin());
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    let status = cmd
        .args(args)
        .env("COLUMNS", "200")
        .stdin(std::process::Stdio::null())
        .stdout(slave)
        .status()
        .unwrap();
    let mut buf = vec![0u8; 65536];
    let n = master.read(&mut buf).unwrap_or(0);
    (status.code(), String::from_utf8_lossy(&buf[..n]).replace("\r\n", "\n"))
}

#[test]
fn suggest_on_a_terminal_names_the_holder_and_gives_lines_to_paste() {
    let (base, held) = hold_block(1);
    let (code, screen) = on_terminal(&["--suggest", &base.to_string()]);
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains(&format!("Port {base} is taken by pid {}", held[0].pid())), "{screen}");
    let n: u16 = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("PORT="))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("PORT= line: {screen}"));
    assert!(n > base);
    assert!(screen.contains(&format!("--port {n}")), "{screen}");
}

#[test]
#[ignore = "needs root to run portcheck as an unprivileged user; .ci/run runs it"]
fn suggest_exits_3_when_the_class_has_no_port_the_user_can_bind() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let (_dir, exe) = world_runnable_copy();
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&exe);
    let unpriv = std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start").unwrap();
    assert_eq!(unpriv.trim(), "1024", "the test assumes the default privileged range");
    util::run_with(cmd, &["--suggest", "80"]).code(3).stderr_has("no free port to suggest");
}

#[test]
fn wait_free_does_not_count_a_bound_socket_as_free() {
    let h = Holder::start(&["--no-listen"]);
    portcheck(&["--wait-free", "300ms", &h.port.to_string()]).code(1).stdout_has("still held");
}

// ------------------------------------------------------ exposure, colour

#[test]
fn exposed_lists_only_sockets_other_machines_can_reach() {
    let wild = Holder::start(&["--addr", "0.0.0.0"]);
    let wild6 = Holder::start(&["--addr", "::", "--v6only"]);
    let lo = Holder::start(&["--addr", "127.0.0.1"]);
    let lo6 = Holder::start(&["--addr", "::1"]);
    let run = portcheck(&["--exposed", "--json"]);
    run.code(0);
    let v = run.json();
    let socks = v["sockets"].as_array().unwrap();
    assert!(socks.iter().all(|s| s["exposure"] != "loopback"), "{v}");
    let ports: Vec<u64> = socks.iter().map(|s| s["port"].as_u64().unwrap()).collect();
    assert!(ports.contains(&u64::from(wild.port)) && ports.contains(&u64::from(wild6.port)));
    assert!(!ports.contains(&u64::from(lo.port)) && !ports.contains(&u64::from(lo6.port)));
    portcheck(&["--exposed", "80"]).code(2);
}

#[test]
#[ignore = "needs root for a private network namespace with an extra address; .ci/run runs it"]
fn exposed_includes_a_specific_address_and_excludes_loopback() {
    in_private_netns(|| {
        // A documentation address (TEST-NET-1) on the namespace's own
        // loopback device: bindable, and not a loopback address.
        let add = ["addr", "add", "192.0.2.10/32", "dev", "lo"];
        assert!(Command::new("ip").args(add).status().unwrap().success(), "ip {add:?}");
        let specific = Holder::start(&["--addr", "192.0.2.10"]);
        let wild = Holder::start(&["--addr", "0.0.0.0"]);
        let lo = Holder::start(&["--addr", "127.0.0.1"]);
        let run = portcheck(&["--exposed", "--json"]);
        run.code(0);
        let v = run.json();
        // Where each is reachable from: the namespace's one non-loopback
        // address for the wildcard, the address itself, nothing for loopback.
        let at = |port: u16| {
            let s = v["sockets"].as_array().unwrap().iter().find(|s| s["port"] == port).cloned();
            s.map(|s| s["reachable_at"].clone()).unwrap_or_default()
        };
        assert_eq!(at(wild.port), serde_json::json!([format!("192.0.2.10:{}", wild.port)]));
        assert_eq!(at(specific.port), serde_json::json!([format!("192.0.2.10:{}", specific.port)]));
        portcheck(&[&wild.port.to_string()]).stdout_has(&format!("at 192.0.2.10:{}", wild.port));
        let mut got: Vec<(u64, String)> = v["sockets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["port"].as_u64().unwrap(), s["exposure"].as_str().unwrap().to_string()))
            .collect();
        got.sort();
        let mut want = vec![
            (u64::from(specific.port), "specific".to_string()),
            (u64::from(wild.port), "all_interfaces".to_string()),
        ];
        want.sort();
        assert_eq!(got, want, "loopback {} must not be listed", lo.port);
    });
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let h = Holder::start(&[]);
    let port = h.port.to_string();
    // Piped: never, whatever the environment.
    let mut cmd = Command::new(util::bin());
    cmd.env_remove("NO_COLOR");
    let piped = util::run_with(cmd, &[&port]);
    assert!(!piped.stdout.contains('\x1b'), "{}", piped.stdout);
    // Asked for: always.
    let always = portcheck(&["--color", "always", &port]);
    assert!(always.stdout.contains("\x1b["), "{}", always.stdout);
    // On a terminal: yes, unless NO_COLOR is set (to anything but "").
    let (_, screen) = on_terminal_with(&[&port], None);
    assert!(screen.contains("\x1b["), "a terminal gets colour: {screen}");
    let (_, screen) = on_terminal_with(&["--color", "auto", &port], Some("1"));
    assert!(!screen.contains('\x1b'), "NO_COLOR=1: {screen}");
    let (_, screen) = on_terminal_with(&[&port], Some(""));
    assert!(screen.contains("\x1b["), "an empty NO_COLOR is no request: {screen}");
    portcheck(&["--color", "never", &port]).code(1);
}

#[test]
fn hostile_command_lines_are_escaped_in_the_table_and_whole_in_json() {
    let evil = "\x1b[2J\x1b]0;pwned\x07evil\u{202e}txt";
    let h = Holder::start(&["--label", evil]);
    let port = h.port.to_string();
    let table = portcheck(&[&port]);
    table.code(1);
    assert!(
        !table.stdout.contains('\x1b') && !table.stdout.contains('\u{202e}'),
        "{:?}",
        table.stdout
    );
    table.stdout_has("\\e[2J\\e]0;pwned\\x07evil\\u{202e}txt");
    let json = portcheck(&["--json", &port]);
    let cmd = port_obj(&json.json(), h.port)["sockets"][0]["processes"][0]["command"].clone();
    assert!(cmd.as_array().unwrap().iter().any(|a| a == evil), "{cmd}");
}

#[test]
fn kill_with_yes_on_a_terminal_does_not_ask() {
    let h = Holder::start(&[]);
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let slave = std::fs::File::from(pty.slave);
    let out = Command::new(util::bin())
        .args(["--kill", "-y", &h.port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .output()
        .unwrap();
    drop(pty.master);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is free now"));
    assert!(!alive(h.pid()));
}

#[test]
#[ignore = "needs root to give portcheck CAP_SYS_PTRACE without CAP_KILL as another user; .ci/run runs it"]
fn kill_that_the_os_refuses_is_denied_with_exit_3() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    // portcheck sees root's holder (CAP_DAC_READ_SEARCH opens its fd
    // directory, CAP_SYS_PTRACE reads the links) but may not signal it (no
    // CAP_KILL): EPERM at pidfd_send_signal.
    let h = Holder::start(&[]);
    let (_dir, exe) = world_runnable_copy();
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=+sys_ptrace,+dac_read_search",
        "--ambient-caps=+sys_ptrace,+dac_read_search",
        "--",
    ])
    .arg(&exe);
    let run = util::run_with(cmd, &["--kill", "--json", &h.port.to_string()]);
    run.code(3).stderr_has("permission denied").stderr_has("run with sudo");
    assert_eq!(actions(&run.json()), vec![(h.pid(), "SIGTERM".into(), "denied".into())]);
    assert!(alive(h.pid()));
}

// ------------------------------------------------ explanations (issue 6)

#[test]
fn in_use_report_ends_with_next_steps() {
    let h = Holder::start(&["--workers", "1"]);
    let port = h.port.to_string();
    let run = portcheck(&[&port]);
    run.code(1).stdout_has("next steps:");
    run.stdout_has(&format!("portcheck --kill {port}   # stops pid {}, {}", h.pids[0], h.pids[1]));
    run.stdout_has("or use port ").stdout_has(": PORT=");
    run.stdout_has(&format!("pid {} (holder): started by {} (holder)", h.pids[1], h.pids[0]));
}

#[test]
fn a_process_on_both_families_is_named_once() {
    // One process holding the IPv4 and the IPv6 socket of a port.
    let h = Holder::start(&["--addr", "127.0.0.1", "--both"]);
    let (port, pid) = (h.port.to_string(), h.pid().to_string());
    let json = portcheck(&["--json", &port]);
    assert_eq!(port_obj(&json.json(), h.port)["sockets"].as_array().unwrap().len(), 2);
    let run = portcheck(&["--wait-free", "200ms", &port]);
    run.code(1);
    let line = run.stdout.lines().find(|l| l.contains("still held")).unwrap().to_string();
    assert_eq!(line.matches(&pid).count(), 1, "{line}");
    let report = portcheck(&[&port]);
    assert_eq!(report.stdout.matches(&format!("pid {pid} (holder): started by")).count(), 1);
}

#[test]
fn wait_reports_each_port_on_its_own() {
    let h = Holder::start(&[]);
    let free = free_port();
    let run = portcheck(&["--wait-free", "300ms", &free.to_string(), &h.port.to_string()]);
    run.code(1);
    run.stdout_has(&format!("OK Port {free} is free."));
    run.stdout_has(&format!("Port {} is still held by pid {}", h.port, h.pid()));
}

#[test]
fn minus_4_honours_ipv6_sockets_that_take_ipv4() {
    // IPv6-only: not an IPv4 listener.
    let v6 = Holder::start(&["--addr", "::1"]);
    portcheck(&["--wait-listen", "300ms", "-4", &v6.port.to_string()]).code(1);
    portcheck(&["--wait-listen", "300ms", "-6", &v6.port.to_string()]).code(0);
    // Bound to an IPv4-mapped address: only IPv4 reaches it.
    let mapped = Holder::start(&["--addr", "::ffff:127.0.0.1"]);
    let run = portcheck(&["--json", "-4", &mapped.port.to_string()]);
    run.code(1);
    assert_eq!(pids_of(&port_obj(&run.json(), mapped.port)["sockets"]), vec![mapped.pid()]);
    // Dual-stack wildcard: in the -4 listing and the -4 audit.
    let dual = Holder::start(&["--addr", "::", "--dual"]);
    for args in [&["-4", "--json"][..], &["-4", "--exposed", "--json"][..]] {
        let v = portcheck(args).json();
        assert!(
            v["sockets"].as_array().unwrap().iter().any(|s| s["port"] == dual.port),
            "{args:?}"
        );
    }
}

#[test]
fn control_characters_in_arguments_are_escaped_on_stderr() {
    let run = portcheck(&["\x1b]0;pwned\x07"]);
    run.code(2);
    assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    run.stderr_has("\\e]0;pwned\\x07");
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(util::bin()).arg(std::ffi::OsStr::from_bytes(b"\xff")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
#[ignore = "needs root to hold a privileged port and run portcheck unprivileged; .ci/run runs it"]
fn a_privileged_port_held_by_a_bound_socket_is_not_free_to_a_non_root_user() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    // Port 81 in a private namespace, bound but not listening, by root.
    in_private_netns(|| {
        let h = Holder::start(&["--addr", "0.0.0.0", "--port", "81", "--no-listen"]);
        let (_dir, exe) = world_runnable_copy();
        let as_nobody = || {
            let mut cmd = Command::new("setpriv");
            cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&exe);
            cmd
        };
        let run = util::run_with(as_nobody(), &["--json", "-t", "81"]);
        run.code(1);
        let p = port_obj(&run.json(), 81);
        assert_eq!(p["in_use"], true, "{p}");
        assert_eq!(p["bind_checked"], false);
        util::run_with(as_nobody(), &["--wait-free", "200ms", "-t", "81"]).code(1);
        drop(h);
        // Nothing bound now: free, but said not to be bind-checked.
        let run = util::run_with(as_nobody(), &["-t", "81"]);
        run.code(0).stdout_has("not bind-checked");
        util::run_with(as_nobody(), &["--wait-free", "200ms", "-t", "81"]).code(0);
    });
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
    assert!(
        a["stop"].as_str().unwrap().contains(&format!("docker ps --filter publish={port}")),
        "{a}"
    );
    assert!(alive(h.pid()));
    portcheck(&[&port]).code(1).stdout_has(&format!("docker ps --filter publish={port}"));
}

#[test]
fn completions_for_every_shell_carry_the_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = portcheck(&["--completions", shell]);
        run.code(0);
        for flag in ["kill", "suggest", "wait-free", "exposed", "json"] {
            // fish spells a long option `-l kill`, the others `--kill`.
            let spelled = if shell == "fish" { format!("-l {flag}") } else { format!("--{flag}") };
            assert!(run.stdout.contains(&spelled), "{shell} lacks {spelled}");
        }
    }
    portcheck(&["--completions", "tcsh"]).code(2);
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

// ------------------------------------------- churn, scale, hostile input

#[test]
fn scans_stay_consistent_while_processes_churn() {
    let stable = Holder::start(&["--workers", "1"]);
    let _churn = Holder::start(&["--churn"]);
    let port = stable.port.to_string();
    for i in 0..40 {
        let run = if i % 2 == 0 { portcheck(&["--json"]) } else { portcheck(&["--json", &port]) };
        let expected = if i % 2 == 0 { 0 } else { 1 };
        run.code(expected);
        let v = run.json();
        let sockets: Vec<serde_json::Value> = if i % 2 == 0 {
            v["sockets"].as_array().unwrap().clone()
        } else {
            port_obj(&v, stable.port)["sockets"].as_array().unwrap().clone()
        };
        for s in &sockets {
            let procs = s["processes"].as_array().unwrap();
            assert!(!procs.is_empty() || s["hidden"].is_string(), "scan {i}: {s}");
        }
        let held: Vec<_> = sockets.iter().filter(|s| s["port"] == stable.port).cloned().collect();
        assert_eq!(
            pids_of(&serde_json::Value::Array(held)),
            sorted(stable.pids.clone()),
            "scan {i}"
        );
    }
}

#[test]
#[ignore = "needs root for a private network namespace (ports 30000-39999); .ci/run runs it"]
fn ten_thousand_listeners_and_a_ten_thousand_port_range() {
    in_private_netns(|| {
        let h = Holder::start(&["--listeners", "10000", "--base", "30000"]);
        let started = std::time::Instant::now();
        let run = portcheck(&["--json", "-t", "-4", "30000-39999"]);
        let took = started.elapsed();
        run.code(1);
        let v = run.json();
        let ports = v["ports"].as_array().unwrap();
        assert_eq!(ports.len(), 10_000);
        assert!(ports.iter().all(|p| p["in_use"] == true), "every port held");
        assert!(ports.iter().all(|p| p["sockets"][0]["processes"][0]["pid"] == h.pid()));
        // A guard against a /proc walk per port, not a benchmark.
        assert!(took < std::time::Duration::from_secs(3), "took {took:?}");
        let listing = portcheck(&["--json", "-t"]);
        listing.code(0);
        assert!(listing.json()["sockets"].as_array().unwrap().len() >= 10_000);
        let usage =
            nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).unwrap();
        let peak_kib = usage.max_rss();
        assert!(peak_kib < 200 * 1024, "peak RSS of a child: {peak_kib} KiB");
    });
}

#[test]
fn megabyte_command_lines_and_invalid_utf8_are_cut_in_the_table_and_whole_in_json() {
    use std::os::unix::ffi::OsStrExt;
    let chunk = "x".repeat(120_000);
    let mut cmd = Command::new(util::holder_bin());
    cmd.arg("--label").arg(std::ffi::OsStr::from_bytes(b"bad\xff\xfeutf8"));
    for _ in 0..9 {
        cmd.arg("--label").arg(&chunk);
    }
    let h = Holder::start_cmd(cmd, &[]);
    let port = h.port.to_string();
    let table = portcheck(&[&port]);
    table.code(1);
    let row = table.stdout.lines().find(|l| l.contains(&h.pid().to_string())).unwrap();
    assert!(row.chars().count() < 400, "the table cuts it: {} chars", row.chars().count());
    assert!(row.contains('…'));
    let json = portcheck(&["--json", &port]);
    let v = json.json();
    let command = port_obj(&v, h.port)["sockets"][0]["processes"][0]["command"].clone();
    let total: usize = command.as_array().unwrap().iter().map(|a| a.as_str().unwrap().len()).sum();
    assert!(total > 1_080_000, "JSON has it whole: {total} bytes");
    assert!(
        command.as_array().unwrap().iter().any(|a| a == "bad\u{fffd}\u{fffd}utf8"),
        "invalid UTF-8 replaced"
    );
}

#[test]
fn a_process_name_with_escape_sequences_is_escaped() {
    let dir = tempdir::Dir::new();
    let evil = dir.path.join("\x1b[1mevil");
    std::os::unix::fs::symlink(util::holder_bin(), &evil).unwrap();
    let h = Holder::start_cmd(Command::new(&evil), &[]);
    let run = portcheck(&[&h.port.to_string()]);
    run.code(1);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
    run.stdout_has(&format!("pid {} (\\e[1mevil)", h.pid()));
}

// ------------------------------------------------------- fuzzed arguments

#[test]
fn hundreds_of_random_argument_lists_never_crash() {
    use std::os::unix::process::ExitStatusExt;
    // Tokens a user might type, and garbage. --kill only ever comes with
    // --dry-run (added below): this test must not stop anything.
    const TOKENS: &[&str] = &[
        "5000",
        "0",
        "70000",
        "65535",
        "1",
        "abc",
        "-1",
        "",
        "3000-3002",
        "5000-4000",
        "http",
        "53/udp",
        "5000/sctp",
        "/tcp",
        "redis",
        "-t",
        "-u",
        "-4",
        "-6",
        "--json",
        "-q",
        "--exposed",
        "--suggest",
        "-n",
        "3",
        "--count",
        "0",
        "--wait-free",
        "--wait-listen",
        "10ms",
        "soon",
        "-1s",
        "--color",
        "always",
        "never",
        "sometimes",
        "--kill",
        "-k",
        "--signal",
        "HUP",
        "-9",
        "--grace",
        "--force",
        "--yes",
        "--settle",
        "0",
        "--completions",
        "zsh",
        "--",
        "-",
        "--help",
        "\u{202e}",
        "💥",
        "%n%s",
        "99999999999999999999",
        "1e3",
        "0x50",
        "--bogus",
        "-Z",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..300 {
        let n = (next() % 5) as usize;
        let mut args: Vec<&str> =
            (0..n).map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize]).collect();
        if args.iter().any(|a| *a == "--kill" || *a == "-k") {
            args.push("--dry-run");
        }
        let out = Command::new(util::bin())
            .args(&args)
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.signal(), None, "run {i} {args:?} died of a signal");
        let code = out.status.code().unwrap();
        assert!((0..=3).contains(&code), "run {i} {args:?}: exit {code}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "run {i} {args:?}: {stderr}");
        if code == 2 {
            assert_eq!(stderr.lines().count(), 1, "run {i} {args:?}: {stderr}");
        }
    }
}

// ---------------------------------------------------- broken environments

#[test]
fn without_sock_diag_the_proc_net_fallback_answers_with_a_note() {
    let h = Holder::start(&["--workers", "1"]);
    let mut cmd = Command::new(util::bin());
    cmd.env("PORTCHECK_NO_SOCK_DIAG", "1");
    let run = util::run_with(cmd, &["--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(pids_of(&port_obj(&v, h.port)["sockets"]), sorted(h.pids.clone()));
    assert!(v["notes"].to_string().contains("/proc/net"), "{v}");
    let mut cmd = Command::new(util::bin());
    cmd.env("PORTCHECK_NO_SOCK_DIAG", "1");
    util::run_with(cmd, &[])
        .code(0)
        .stdout_has(&format!("127.0.0.1:{}", h.port))
        .stdout_has("note: sock_diag");
}

/// Runs portcheck inside a private mount namespace after `setup` (shell
/// commands), optionally as uid 65534.
fn in_mount_namespace(setup: &str, as_nobody: bool, args: &[&str]) -> util::Run {
    let (dir, exe) = world_runnable_copy();
    let mut script = format!("set -e; {setup}; ");
    if as_nobody {
        script.push_str("exec setpriv --reuid=65534 --regid=65534 --clear-groups -- \"$0\" \"$@\"");
    } else {
        script.push_str("exec \"$0\" \"$@\"");
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-c", &script]).arg(&exe);
    let run = util::run_with(cmd, args);
    drop(dir);
    run
}

#[test]
#[ignore = "needs root for a private mount namespace; .ci/run runs it"]
fn hidepid_is_explained() {
    let h = Holder::start(&[]); // root's
    let run = in_mount_namespace(
        "mount -t proc -o hidepid=2 proc /proc",
        true,
        &["--json", &h.port.to_string()],
    );
    run.code(1);
    let v = run.json();
    let s = &port_obj(&v, h.port)["sockets"][0];
    assert!(s["hidden"].as_str().unwrap().contains("hidepid"), "{s}");
    assert!(v["notes"].to_string().contains("hidepid"), "{v}");
}

#[test]
#[ignore = "needs root for a private mount namespace; .ci/run runs it"]
fn unreadable_proc_still_reports_the_socket() {
    let h = Holder::start(&[]);
    let run =
        in_mount_namespace("mount -t tmpfs none /proc", false, &["--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    let s = &port_obj(&v, h.port)["sockets"][0];
    assert_eq!(s["processes"].as_array().unwrap().len(), 0);
    assert!(s["hidden"].as_str().unwrap().contains("/proc could not be read"), "{s}");
}

#[test]
#[ignore = "needs root for a private mount namespace; .ci/run runs it"]
fn no_etc_services_falls_back_to_the_built_in_table() {
    let run = in_mount_namespace(
        "mount --bind /dev/null /etc/services",
        false,
        &["--json", "-t", "redis", "postgresql"],
    );
    let v = run.json();
    assert_eq!(v["ports"][0]["port"], 6379);
    assert_eq!(v["ports"][1]["port"], 5432);
    assert_eq!(v["ports"][1]["services"], serde_json::json!(["postgresql"]));
}

// ------------------------------------------------------ kill under races

/// Starts `portcheck --kill PORT` on a pseudo-terminal, lets `meanwhile`
/// run once the question is on screen, then answers "y".
fn kill_after_prompt(port: u16, meanwhile: impl FnOnce()) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    let slave = std::fs::File::from(pty.slave);
    let child = Command::new(util::bin())
        .args(["--kill", &port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 1024];
    while !seen.contains("[y/N]") {
        let n = master.read(&mut buf).unwrap();
        assert!(n > 0, "no prompt: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    meanwhile();
    master.write_all(b"y\n").unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_holder_that_exits_before_the_signal_is_reported_not_hit() {
    let h = Holder::start(&[]);
    let pid = h.pid();
    let port = h.port;
    let mut h = Some(h);
    let (code, out) = kill_after_prompt(port, || drop(h.take()));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("pid {pid} (holder): exited before its signal")), "{out}");
}

#[test]
fn a_pid_that_now_runs_another_program_is_not_signalled() {
    let h = Holder::start(&["--exec-on-usr1"]);
    let pid = h.pid();
    let (code, out) = kill_after_prompt(h.port, || {
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid as i32),
            nix::sys::signal::Signal::SIGUSR1,
        )
        .unwrap();
        // Until the exec is done, the old program still holds the socket.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim()
            != "sleep"
        {
            assert!(std::time::Instant::now() < deadline, "no exec");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    });
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!("pid {pid} (holder): not signalled: it let go of the socket")),
        "{out}"
    );
    assert!(alive(pid), "the new program in that pid was not hit");
}

#[test]
fn two_kills_at_once_signal_only_the_holders() {
    let h = Holder::start(&["--workers", "3", "--ignore-term"]);
    let mut bystander = Command::new("sleep").arg("30").spawn().unwrap();
    let run = |port: u16| {
        Command::new(util::bin())
            .args(["--kill", "--grace", "300ms", "--json", &port.to_string()])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let port = h.port;
    let a = std::thread::spawn(move || run(port));
    let b = std::thread::spawn(move || run(port));
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    for out in [&a, &b] {
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for act in v["actions"].as_array().unwrap() {
            let pid = act["pid"].as_u64().unwrap() as u32;
            assert!(h.pids.contains(&pid), "only holders: {act}");
            assert!(
                ["exited", "killed", "refused"].contains(&act["result"].as_str().unwrap()),
                "{act}"
            );
        }
    }
    assert!(h.pids.iter().all(|&p| !alive(p)));
    assert!(alive(bystander.id()));
    bystander.kill().unwrap();
    bystander.wait().unwrap();
}
