//! Port reports and the listing: who holds a port, how it is bound, what kind of port it is.

use crate::util::{self, *};
use std::process::Command;

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

/// A port decided by its listener alone was never bound by portcheck:
/// `bind_checked` says so.
#[test]
fn a_port_held_by_a_listener_is_not_bind_checked() {
    let h = Holder::start(&[]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    assert_eq!(port_obj(&run.json(), h.port)["bind_checked"], false, "{}", run.stdout);
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
fn a_connected_udp_socket_holds_its_port() {
    // connect() on UDP sends nothing: the socket is simply no longer
    // `unconn`, and its port is still taken.
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.connect("127.0.0.1:9").unwrap();
    let port = sock.local_addr().unwrap().port();
    let run = portcheck(&["--json", &format!("{port}/udp")]);
    run.code(1);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], true, "{p}");
    let s = &p["sockets"][0];
    assert_eq!(s["protocol"], "udp", "{p}");
    assert_ne!(s["state"], "unconn", "{p}");
    assert!(pids_of(&p["sockets"]).contains(&std::process::id()), "{p}");
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
    let got = crate::suggest::suggested(&["--suggest", "-t", &port.to_string()]);
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

/// The ephemeral range is read from the host, not assumed: in a private
/// network namespace whose `ip_local_port_range` is set to 20000-20999,
/// its edges are ephemeral, the ports beside them and 40000 (inside the
/// usual default) are not; the host's own range is untouched.
#[test]
#[ignore = "needs root: private network namespace"]
fn the_ephemeral_flag_follows_the_namespaces_range() {
    const RANGE: &str = "/proc/sys/net/ipv4/ip_local_port_range";
    let host_range = std::fs::read_to_string(RANGE).unwrap();
    let v = in_private_netns(|| {
        std::fs::write(RANGE, "20000 20999").expect("write ip_local_port_range (needs root)");
        let run = portcheck(&["--json", "-t", "19999", "20000", "20999", "21000", "40000"]);
        run.code(0);
        run.json()
    });
    for (port, ephemeral) in
        [(19999, false), (20000, true), (20999, true), (21000, false), (40000, false)]
    {
        assert_eq!(port_obj(&v, port)["ephemeral"], ephemeral, "{port}: {v}");
    }
    assert_eq!(std::fs::read_to_string(RANGE).unwrap(), host_range, "the host's range changed");
}

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
    // Other tests of this suite and processes elsewhere on the machine open
    // and close sockets meanwhile: only the ports whose listeners ss shows
    // the same before and after portcheck's read are compared (the
    // holder's port always is), and a disagreement counts only if it
    // stays for three tries.
    let mut last = None;
    for _ in 0..3 {
        let (before, ours, after) = (ss_listing(), portcheck_listing(), ss_listing());
        assert!(ours.iter().any(|e| e.1 == h.port && e.2 == sorted(h.pids.clone())), "{ours:?}");
        let (ours, theirs) = stable(&h, ours, before, after);
        assert!(theirs.iter().any(|e| e.1 == h.port), "the holder's port is compared: {theirs:?}");
        if ours == theirs {
            return;
        }
        last = Some((ours, theirs));
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let (ours, theirs) = last.unwrap();
    assert_eq!(ours, theirs, "portcheck --json vs ss -tulnp");
}

type Entry = (String, u16, Vec<u32>);

/// `ours` and ss's listing (read `before` and `after` it), sorted, on the
/// ports that are neither another test's nor changed between the two ss
/// reads (a socket opened or closed there meanwhile). A port only
/// portcheck shows stays in: a socket that came and went during its read,
/// or one it invented (another try decides).
fn stable(
    h: &Holder,
    mut ours: Vec<Entry>,
    mut before: Vec<Entry>,
    mut after: Vec<Entry>,
) -> (Vec<Entry>, Vec<Entry>) {
    // Other tests start and stop holders meanwhile, some in this very
    // process: a port any read credits to them is theirs (ss misses a
    // holder whose main thread has exited; portcheck reads its threads'
    // fds).
    let me = std::process::id();
    let others = |e: &Entry| {
        e.1 != h.port
            && !e.2.is_empty()
            && e.2.iter().all(|&p| p == me || util::descends_from_me(p))
    };
    let skip: Vec<u16> =
        [&ours, &before, &after].into_iter().flatten().filter(|e| others(e)).map(|e| e.1).collect();
    for list in [&mut ours, &mut before, &mut after] {
        list.retain(|e| !skip.contains(&e.1));
        list.sort();
    }
    let on = |list: &[Entry], e: &Entry| -> Vec<Entry> {
        list.iter().filter(|x| x.0 == e.0 && x.1 == e.1).cloned().collect()
    };
    let moved = |e: &Entry| on(&before, e) != on(&after, e);
    ours.retain(|e| !moved(e));
    let theirs = before.iter().filter(|e| !moved(e)).cloned().collect();
    (ours, theirs)
}

/// (protocol, port, pids) of every listener in `portcheck --json`.
fn portcheck_listing() -> Vec<Entry> {
    let run = portcheck(&["--json"]);
    run.code(0);
    run.json()["sockets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let pids = pids_of(&serde_json::Value::Array(vec![s.clone()]));
            (s["protocol"].as_str().unwrap().to_string(), s["port"].as_u64().unwrap() as u16, pids)
        })
        .collect()
}

/// The same from `ss -tulnp`.
fn ss_listing() -> Vec<Entry> {
    let ss = Command::new("ss").args(["-H", "-tulnp"]).output().expect("ss (iproute2) is needed");
    String::from_utf8_lossy(&ss.stdout)
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
        .collect()
}

#[test]
#[ignore = "needs root to run portcheck as another user; .ci/run runs it"]
fn other_users_holder_is_hidden_but_counted() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let h = Holder::start(&[]); // owned by root
    let (_dir, exe) = world_runnable_copy();
    let cmd = as_user(65534, &exe);
    let run = util::run_with(cmd, &["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["in_use"], true);
    let s = &p["sockets"][0];
    assert_eq!(s["uid"], 0);
    assert_eq!(s["processes"].as_array().unwrap().len(), 0);
    assert!(s["hidden"].as_str().unwrap().contains("sudo"), "{s}");
    let cmd = as_user(65534, &exe);
    util::run_with(cmd, &[&h.port.to_string()])
        .code(1)
        .stdout_has("run with sudo")
        .stdout_has("root");
}

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

/// UDP-Lite is out of scope (docs/json.md): a UDP-Lite socket is not
/// listed, and it does not take the UDP port of the same number, which
/// portcheck proves free by binding it.
#[test]
fn a_udp_lite_socket_is_out_of_scope_and_leaves_udp_free() {
    let script = "import socket, sys\n\
                  s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 136)\n\
                  s.bind(('0.0.0.0', 0)); print(s.getsockname()[1], flush=True); sys.stdin.read()\n";
    let py = Python::code(script);
    let port = py.port().to_string();
    let run = portcheck(&["--json", "-4", &format!("{port}/udp")]);
    run.code(0);
    let listing = portcheck(&["--json", "-u"]);
    let ports: Vec<u64> = listing.json()["sockets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["port"].as_u64().unwrap())
        .collect();
    assert!(!ports.contains(&port.parse().unwrap()), "{}", listing.stdout);
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
fn a_process_on_both_families_is_named_once() {
    // One process holding the IPv4 and the IPv6 socket of a port.
    let h = Holder::start(&["--addr", "127.0.0.1", "--both"]);
    let (port, pid) = (h.port.to_string(), h.pid().to_string());
    let json = portcheck(&["--json", &port]);
    assert_eq!(port_obj(&json.json(), h.port)["sockets"].as_array().unwrap().len(), 2);
    let run = portcheck(&["--wait-free", "200ms", &port]);
    run.code(1);
    // In any language: the wait names it once, the report gives it one
    // "pid N (holder): ..." line.
    let named = format!("pid {pid} (holder)");
    assert_eq!(run.stdout.matches(&named).count(), 1, "{}", run.stdout);
    run.stdout_has("still held");
    let report = portcheck(&[&port]);
    let line = format!("{named}: ");
    let lines = report.stdout.lines().filter(|l| l.trim_start().starts_with(&line)).count();
    assert_eq!(lines, 1, "{}", report.stdout);
    report.stdout_has(&format!("{line}started by"));
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
#[ignore = "needs root to hold a privileged port and run portcheck unprivileged; .ci/run runs it"]
fn a_privileged_port_held_by_a_bound_socket_is_not_free_to_a_non_root_user() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    // Port 81 in a private namespace, bound but not listening, by root.
    in_private_netns(|| {
        let h = Holder::start(&["--addr", "0.0.0.0", "--port", "81", "--no-listen"]);
        let (_dir, exe) = world_runnable_copy();
        let as_nobody = || as_user(65534, &exe);
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
