//! Ground truth (issue 11): the cases where portcheck disagreed with what
//! the kernel knows — a probe that could not run, co-holders, hidden
//! holders, exposure — each against real processes.

use crate::util::{self, *};
use std::process::Command;

/// portcheck run under the holder's seccomp launcher: `socket()` of the
/// families in `spec` fails with the errno given (as under systemd's
/// `RestrictAddressFamilies=`, a container policy, or out of fds).
fn under_seccomp(spec: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new(holder_bin());
    cmd.args(["--seccomp", spec, "--"]).arg(bin());
    run_with(cmd, args)
}

const POLICIES: [&str; 5] = [
    "inet=EPERM,inet6=EPERM",
    "inet=EAFNOSUPPORT,inet6=EAFNOSUPPORT",
    "inet6=EPERM",
    "inet=EMFILE",
    "inet=ENOBUFS",
];

#[test]
fn a_probe_that_cannot_create_a_socket_never_says_free() {
    let port = free_port().to_string();
    for spec in POLICIES {
        let run = under_seccomp(spec, &["--json", &port]);
        run.code(3).stderr_has("cannot tell whether port");
        let p = port_obj(&run.json(), port.parse().unwrap());
        assert_eq!(p["in_use"], false, "{spec}: {p}");
        assert_eq!(p["bind_checked"], false, "{spec}: {p}");
        assert!(p["unknown"].as_str().is_some_and(|u| u.contains("cannot create")), "{spec}: {p}");
        under_seccomp(spec, &[&port]).code(3).stdout_has("unknown");
        let kill = under_seccomp(spec, &["--kill", "-y", &port]);
        kill.code(3).stdout_has("Unknown:");
        assert!(!kill.stdout.contains("free now"), "{spec}: {}", kill.stdout);
    }
}

#[test]
fn without_a_probe_the_socket_table_still_says_in_use() {
    let bound = Holder::start(&["--no-listen"]);
    let client = Holder::start(&["--client"]);
    for spec in POLICIES {
        for h in [&bound, &client] {
            let run = under_seccomp(spec, &["--json", "-t", &h.port.to_string()]);
            run.code(1);
            let p = port_obj(&run.json(), h.port);
            assert_eq!(p["in_use"], true, "{spec}: {p}");
            assert_eq!(pids_of(&p["sockets"]), vec![h.pid()], "{spec}: {p}");
        }
    }
}

#[test]
fn suggest_and_wait_free_never_answer_free_without_a_probe() {
    let port = free_port().to_string();
    for spec in POLICIES {
        under_seccomp(spec, &["--suggest", &port]).code(3).stderr_has("cannot suggest");
        let started = std::time::Instant::now();
        under_seccomp(spec, &["--wait-free", "120s", &port])
            .code(3)
            .stderr_has("cannot tell whether port");
        // It gives up at once rather than waiting out the 120 s (a wide
        // margin: a busy machine may take seconds to run it).
        assert!(started.elapsed() < std::time::Duration::from_secs(60), "{spec}");
    }
}

/// A probe the OS refuses (EPERM from the policy) is an error of kind
/// `permission` in `--suggest --json` and `--wait-free --json`; one that
/// fails otherwise (EAFNOSUPPORT, EMFILE, ENOBUFS) is a `failure`. Both
/// exit 3.
#[test]
fn a_probe_the_os_refuses_is_a_permission_error() {
    let port = free_port().to_string();
    for spec in POLICIES {
        let kind = if spec.contains("EPERM") { "permission" } else { "failure" };
        for args in [&["--suggest"][..], &["--wait-free", "120s"]] {
            let run = under_seccomp(spec, &[args, &["--json", &port]].concat());
            run.code(3);
            let v = run.json();
            assert_eq!(v["error"]["kind"], kind, "{spec} {args:?}: {v}");
            assert!(v["error"]["message"].as_str().unwrap().contains("cannot"), "{v}");
        }
    }
}

/// In Korean, JSON's error message is English whole: the probe's reason
/// inside it too (it was once said in the reader's language there).
#[test]
fn a_probe_failure_is_english_in_json_whatever_the_language() {
    let port = free_port().to_string();
    for args in [&["--suggest"][..], &["--wait-free", "120s"]] {
        let mut cmd = Command::new(holder_bin());
        cmd.args(["--seccomp", "inet=EPERM,inet6=EPERM", "--"]).arg(bin());
        cmd.env("PORTCHECK_LANG", "ko");
        let run = run_with(cmd, &[args, &["--json", &port]].concat());
        run.code(3);
        let v = run.json();
        let message = v["error"]["message"].as_str().unwrap();
        assert!(message.contains("cannot create a socket: "), "{args:?}: {message}");
        assert!(message.is_ascii(), "{args:?}: {message}");
    }
}

/// A free privileged TCP port (below 1024) and a socket bound to its
/// IPv4 wildcard without listening; `None` when this user may not bind one
/// (no root, no CAP_NET_BIND_SERVICE).
fn privileged_port_bound_without_listening() -> Option<(u16, std::os::fd::OwnedFd)> {
    use nix::sys::socket::{AddressFamily, SockFlag, SockType, SockaddrIn, bind, socket};
    use std::os::fd::AsRawFd;
    for port in (700..1024).rev() {
        let fd = socket(AddressFamily::Inet, SockType::Stream, SockFlag::SOCK_CLOEXEC, None)
            .expect("socket");
        match bind(fd.as_raw_fd(), &SockaddrIn::new(0, 0, 0, 0, port)) {
            Ok(()) => return Some((port, fd)),
            Err(nix::errno::Errno::EADDRINUSE) => {}
            Err(_) => return None,
        }
    }
    panic!("no free port in 700..1024");
}

/// `port`'s sockets are held by this test process: its pid is among the
/// holders, and any other is a child of a test here, which shares the
/// socket for the instant between fork and exec (close-on-exec).
#[track_caller]
fn held_by_this_process(port: &serde_json::Value) {
    let (me, pids) = (std::process::id(), pids_of(&port["sockets"]));
    assert!(pids.contains(&me), "{port}");
    assert!(pids.iter().all(|&pid| pid == me || util::descends_from_me(pid)), "{port}");
}

/// A bind the OS denies (EACCES on a privileged port: the seccomp filter
/// stands in for a user without root) says nothing about what is bound
/// there, so the port still takes the second look: a socket bound to it
/// without listening, which the first look (listeners only) cannot see,
/// is found and makes it in use.
#[test]
fn a_denied_bind_still_takes_the_second_look() {
    // The filter denies the bind even as root: a free port is free, said
    // not to be bind-checked.
    let free = (700..1024).rev().find(|&p| portcheck(&["-t", &p.to_string()]).code == Some(0));
    let free = free.expect("a free privileged port");
    let run = under_seccomp("bind=EACCES", &["--json", "-t", &free.to_string()]);
    run.code(0);
    let p = port_obj(&run.json(), free);
    assert_eq!((&p["in_use"], &p["bind_checked"]), (&false.into(), &false.into()), "{p}");
    under_seccomp("bind=EACCES", &["-t", &free.to_string()]).code(0).stdout_has("needs root");
    // Without the right to bind it (no root), this test cannot bind a
    // socket there: the above is all it can check.
    let Some((port, _bound)) = privileged_port_bound_without_listening() else { return };
    let run = under_seccomp("bind=EACCES", &["--json", "-t", &port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], true, "{p}");
    // Denied, not refused as in use (which the socket alone would cause):
    // the second look found it.
    assert_eq!(p["bind_checked"], false, "{p}");
    held_by_this_process(&p);
    under_seccomp("bind=EACCES", &["-t", &port.to_string()]).code(1).stdout_has("bound_inactive");
}

/// `setpriv` as uid/gid 65534 running `exe`.
fn as_nobody(exe: &std::path::Path) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(exe);
    cmd
}

#[test]
#[ignore = "needs root to run as another user; .ci/run runs it"]
fn a_walker_thread_that_cannot_be_spawned_is_no_panic() {
    let (dir, exe) = world_runnable_copy();
    let holder = dir.path.join("holder");
    install(&holder_bin(), &holder);
    // The /proc walk uses threads from 256 processes on: make sure there are.
    let procs = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().bytes().all(|b| b.is_ascii_digit()))
        .count();
    let _crowd = (procs < 300).then(|| Holder::start(&["--workers", &(300 - procs).to_string()]));
    let h = Holder::start_cmd(as_nobody(&holder), &[]);
    // RLIMIT_NPROC 2: nobody's holder and portcheck itself, no thread more
    // (clone3 fails with EAGAIN, as under a cgroup's pids.max).
    let limited = || {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .args(["prlimit", "--nproc=2", "--"])
            .arg(&exe);
        cmd
    };
    let run = run_with(limited(), &["--json", &h.port.to_string()]);
    run.code(1);
    assert_eq!(pids_of(&port_obj(&run.json(), h.port)["sockets"]), vec![h.pid()]);
    let listing = run_with(limited(), &["--json"]);
    listing.code(0);
    assert!(pids_of(&listing.json()["sockets"]).contains(&h.pid()), "{}", listing.stdout);
}

#[test]
fn a_socket_bound_without_listening_beside_a_listener_is_a_holder() {
    // SO_REUSEPORT lets a listener share the port with a bound socket.
    let bound = Holder::start(&["--no-listen", "--reuseport"]);
    let port = bound.port.to_string();
    let listener = Holder::start(&["--reuseport", "--port", &port]);
    let udp = Holder::start(&["--udp", "--port", &port]);
    for (args, expected) in [
        (&["-t"][..], vec![bound.pid(), listener.pid()]),
        (&["-u"][..], vec![udp.pid()]),
        (&[][..], sorted(vec![bound.pid(), listener.pid(), udp.pid()])),
    ] {
        let run = portcheck(&[args, &["--json", &port]].concat());
        run.code(1);
        let p = port_obj(&run.json(), bound.port);
        assert_eq!(pids_of(&p["sockets"]), sorted(expected.clone()), "{args:?}: {p}");
        let dry = portcheck(&[args, &["--kill", "--dry-run", "--json", &port]].concat());
        let targets: Vec<u32> = actions(&dry.json()).into_iter().map(|a| a.0).collect();
        assert_eq!(sorted(targets), sorted(expected), "{args:?}: {}", dry.stdout);
    }
    // A TCP socket bound without listening beside a UDP socket alone.
    let alone = Holder::start(&["--no-listen"]);
    let port = alone.port.to_string();
    let udp = Holder::start(&["--udp", "--port", &port]);
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let p = port_obj(&run.json(), alone.port);
    assert_eq!(pids_of(&p["sockets"]), sorted(vec![alone.pid(), udp.pid()]), "{p}");
    portcheck(&[&port]).code(1).stdout_has("bound_inactive");
}

#[test]
fn time_wait_is_counted_beside_a_listener() {
    let listener = time_wait_beside_a_listener();
    let port = listener.local_addr().unwrap().port();
    let run = portcheck(&["--json", "-t", &port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), port);
    assert!(p["time_wait"].as_u64().unwrap() >= 1, "{p}");
    held_by_this_process(&p);
    assert!(p["sockets"].as_array().unwrap().iter().all(|s| s["state"] == "listen"), "{p}");
}

#[test]
fn a_query_and_wait_free_agree_on_an_outgoing_connection_with_reuseaddr() {
    let h = Holder::start(&["--client", "--reuseaddr"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", "-t", "-4", &port]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(pids_of(&p["sockets"]), vec![h.pid()], "{p}");
    assert!(p["notes"].to_string().contains("SO_REUSEADDR"), "{p}");
    portcheck(&["--wait-free", "300ms", "-t", "-4", &port]).code(1);
}

#[test]
#[ignore = "needs root for a private mount namespace and another uid; .ci/run runs it"]
fn a_user_name_with_escape_sequences_is_escaped() {
    // Clear the screen, set the clipboard (OSC 52), hidden tag text, a
    // line separator: a name /etc/passwd (or LDAP) may well hold.
    let name = "evil\x1b[2J\x1b]52;c;QUxMIENMRUFS\x07\u{E0041}\u{E004C}\u{2028}\u{3164}x";
    let (dir, exe) = world_runnable_copy();
    let holder = dir.path.join("holder");
    install(&holder_bin(), &holder);
    let passwd = dir.path.join("passwd");
    let mut text = std::fs::read_to_string("/etc/passwd").unwrap();
    text.push_str(&format!("{name}:x:4242:4242::/nonexistent:/bin/false\n"));
    std::fs::write(&passwd, text).unwrap();
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=4242", "--regid=4242", "--clear-groups", "--"]).arg(&holder);
    let h = Holder::start_cmd(cmd, &[]);
    let port = h.port.to_string();
    let with_passwd = |as_nobody: bool, args: &[&str]| {
        let script = format!(
            "set -e; mount --bind '{}' /etc/passwd; exec {}\"$0\" \"$@\"",
            passwd.display(),
            if as_nobody { "setpriv --reuid=65534 --regid=65534 --clear-groups -- " } else { "" }
        );
        let mut cmd = Command::new("unshare");
        cmd.args(["-m", "--propagation", "private", "sh", "-c", &script]).arg(&exe);
        run_with(cmd, args)
    };
    for (as_nobody, args) in [
        (false, &[port.as_str()][..]),
        (true, &[port.as_str()][..]),
        (false, &["--kill", "--dry-run", port.as_str()][..]),
        (false, &[][..]),
    ] {
        let run = with_passwd(as_nobody, args);
        let shown = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !shown.chars().any(|c| c == '\x1b'
                || c == '\x07'
                || c == '\u{2028}'
                || c == '\u{3164}'
                || ('\u{E0000}'..='\u{E007F}').contains(&c)),
            "raw control or invisible character in {args:?} (nobody: {as_nobody}):\n{shown:?}"
        );
        run.code(if args.is_empty() { 0 } else { 1 });
        assert!(run.stdout.contains("evil\\e[2J\\e]52;c;"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("\\u{e0041}\\u{e004c}\\u{2028}\\u{3164}x"), "{}", run.stdout);
    }
    // JSON carries the name whole.
    let run = with_passwd(false, &["--json", &port]);
    assert_eq!(port_obj(&run.json(), h.port)["sockets"][0]["user"], name);
}

#[test]
fn a_process_whose_main_thread_exited_is_still_the_holder() {
    let h = Holder::start(&["--zombie-leader"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(pids_of(&p["sockets"]), vec![h.pid()], "{p}");
    let holder = &p["sockets"][0]["processes"][0];
    assert_eq!(holder["command"][1], "--zombie-leader", "{p}");
    portcheck(&[&h.port.to_string()]).code(1).stdout_has("--zombie-leader");
    // The re-check before the signal finds the socket the same way.
    let run = portcheck(&["--kill", "-y", "--json", &h.port.to_string()]);
    run.code(0);
    let acts = actions(&run.json());
    assert_eq!(acts.len(), 1, "{}", run.stdout);
    assert_eq!((acts[0].0, acts[0].2.as_str()), (h.pid(), "exited"), "{}", run.stdout);
}

/// The reasons a socket with no visible holder gives: never a guess at
/// one process.
#[track_caller]
fn no_visible_holder(hidden: &str, first: &str) {
    assert!(hidden.contains("no process portcheck can see has it open"), "{hidden}");
    assert!(!hidden.contains("probably"), "{hidden}");
    let order: Vec<usize> = ["kernel socket", "in flight", "cannot see"]
        .iter()
        .map(|r| hidden.find(r).unwrap_or_else(|| panic!("{r:?} missing: {hidden}")))
        .collect();
    assert!(hidden[order[0].min(order[1]).min(order[2])..].starts_with(first), "{hidden}");
}

#[test]
fn a_socket_in_flight_is_not_blamed_on_a_process() {
    let h = Holder::start(&["--in-flight"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    let s = &p["sockets"][0];
    assert_eq!(s["processes"].as_array().unwrap().len(), 0, "{p}");
    // A process portcheck may not read (a sandbox's pid 1) applies here,
    // so it comes first; else a uid-0 socket is most likely the kernel's.
    let hidden = s["hidden"].as_str().unwrap();
    let applies = hidden.contains("which applies here");
    no_visible_holder(hidden, if applies { "cannot see" } else { "kernel socket" });
    assert!(hidden.contains("SCM_RIGHTS"), "{s}");
}

#[test]
#[ignore = "needs root to make a pid namespace; .ci/run runs it"]
fn a_holder_outside_portcheck_s_pid_namespace_is_named_as_a_reason_that_applies() {
    // portcheck in a child pid namespace with a /proc of its own (a
    // container, `unshare --mount-proc`): the holder outside is not in its
    // /proc, and that is a reason that applies here.
    let h = Holder::start(&[]);
    let mut cmd = Command::new("unshare");
    cmd.args(["--pid", "--fork", "--mount-proc", "--"]).arg(util::bin());
    let run = util::run_with(cmd, &["--json", &h.port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    let hidden = p["sockets"][0]["hidden"].as_str().unwrap().to_string();
    // The reason that applies here comes first, before the kernel socket
    // a uid-0 owner would otherwise suggest.
    no_visible_holder(&hidden, "cannot see, which applies here");
    assert!(hidden.contains("portcheck runs in a child PID namespace"), "{hidden}");
    assert!(!hidden.contains("none applies"), "{hidden}");
    // Outside, the same kind of socket (in flight) has no such reason.
    let f = Holder::start(&["--in-flight"]);
    let run = portcheck(&["--json", &f.port.to_string()]);
    let p = port_obj(&run.json(), f.port);
    let hidden = p["sockets"][0]["hidden"].as_str().unwrap().to_string();
    assert!(!hidden.contains("child PID namespace, whose"), "{hidden}");
}

#[test]
#[ignore = "needs root for a private network namespace with a VXLAN device; .ci/run runs it"]
fn a_kernel_socket_is_named_as_one() {
    let run = util::in_private_netns(|| {
        let add = Command::new("ip")
            .args(["link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789"])
            .args(["local", "127.0.0.1", "dev", "lo"])
            .status()
            .unwrap();
        assert!(add.success(), "ip link add vxlan");
        assert!(Command::new("ip").args(["link", "set", "vx0", "up"]).status().unwrap().success());
        portcheck(&["--json", "4789/udp"])
    });
    run.code(1);
    let p = port_obj(&run.json(), 4789);
    let s = &p["sockets"][0];
    assert_eq!(s["processes"].as_array().unwrap().len(), 0, "{p}");
    // A process portcheck may not read (a sandbox's pid 1) applies here
    // and comes first; else the kernel socket does.
    let hidden = s["hidden"].as_str().unwrap();
    let applies = hidden.contains("which applies here");
    no_visible_holder(hidden, if applies { "cannot see" } else { "kernel socket" });
}

#[test]
fn empty_arguments_stay_in_the_command() {
    let h = Holder::start(&["--label", "", "--label", "a b"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    let p = port_obj(&run.json(), h.port);
    let command = &p["sockets"][0]["processes"][0]["command"];
    assert_eq!(
        command.as_array().unwrap()[1..],
        serde_json::json!(["--label", "", "--label", "a b"]).as_array().unwrap()[..],
        "{command}"
    );
    portcheck(&[&h.port.to_string()]).code(1).stdout_has("--label '' --label 'a b'");
}

#[test]
#[ignore = "SO_BINDTODEVICE needs CAP_NET_RAW; .ci/run runs it as root"]
fn a_socket_bound_to_the_loopback_device_is_local_only() {
    let h = Holder::start(&["--addr", "0.0.0.0", "--device", "lo"]);
    let port = h.port.to_string();
    let run = portcheck(&["--json", &port]);
    run.code(1);
    let s = &port_obj(&run.json(), h.port)["sockets"][0];
    assert_eq!(s["device"], "lo", "{s}");
    assert_eq!(s["exposure"], "loopback", "{s}");
    assert_eq!(s["reachable_at"], serde_json::json!([]), "{s}");
    portcheck(&[&port])
        .code(1)
        .stdout_has(&format!("0.0.0.0%lo:{port}"))
        .stdout_has("(local): loopback");
    let exposed = portcheck(&["--exposed", "--json"]);
    assert!(!pids_of(&exposed.json()["sockets"]).contains(&h.pid()), "{}", exposed.stdout);
}

/// Whether IPv6 servers bind dual-stack here by default (Linux's
/// `net.ipv6.bindv6only` = 0).
fn dual_stack_default() -> bool {
    std::fs::read_to_string("/proc/sys/net/ipv6/bindv6only").is_ok_and(|s| s.trim() == "0")
}

#[test]
fn an_ipv4_mapped_ipv6_socket_is_an_ipv4_holder() {
    let h = Holder::start(&["--addr", "::ffff:127.0.0.1"]);
    let port = h.port.to_string();
    // An IPv6 server with IPV6_V6ONLY never meets it; a default one binds
    // dual-stack here and does: -6 answers for that one.
    let run = portcheck(&["--json", "-6", "-t", &port]);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(p["bind_checked"], false, "{p}");
    if dual_stack_default() {
        run.code(1);
        assert_eq!(p["in_use"], true, "{p}");
        assert!(p["notes"].to_string().contains("IPV6_V6ONLY could still bind"), "{p}");
        let v6only = Holder::try_start(&["--addr", "::", "--v6only", "--port", &port]);
        assert!(v6only.is_some(), "a server with IPV6_V6ONLY binds beside it");
    } else {
        run.code(0);
    }
    let run = portcheck(&["--json", "-4", "-t", &port]);
    run.code(1);
    let p = port_obj(&run.json(), h.port);
    assert_eq!(pids_of(&p["sockets"]), vec![h.pid()], "{p}");
    assert_eq!(p["sockets"][0]["exposure"], "loopback", "{p}");
}

/// Where IPv6 servers bind IPv6 alone (`net.ipv6.bindv6only=1`, set here
/// in a private user and network namespace, which needs no root), `-6`
/// asks about IPv6 alone: an IPv4 listener leaves the port free for it,
/// and the probe's own IPv6 bind (IPV6_V6ONLY) must not meet that
/// listener.
#[test]
fn with_bindv6only_an_ipv4_listener_leaves_the_port_free_for_minus_6() {
    let dir = util::tempdir::Dir::new();
    let out = dir.path.join("report.json");
    let setup = r#"echo 1 >/proc/sys/net/ipv6/bindv6only && ip link set lo up && exec "$@""#;
    let done = Command::new("unshare")
        .args(["--user", "--map-root-user", "--net", "sh", "-c", setup, "sh"])
        .arg(holder_bin())
        .args(["--addr", "0.0.0.0", "--out"])
        .arg(&out)
        .arg("--run")
        .arg(bin())
        .args(["--json", "-6", "-t", "{port}"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("unshare (util-linux)");
    let said = String::from_utf8_lossy(&done.stdout);
    let stderr = String::from_utf8_lossy(&done.stderr);
    let mut ready = said.split_whitespace().skip(1);
    let port: u16 = ready.next().and_then(|p| p.parse().ok()).unwrap_or_else(|| {
        panic!("no READY line (user namespaces unavailable?): {said}\n{stderr}")
    });
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap())
        .unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert_eq!(ready.nth(1), Some("0"), "portcheck -6 beside an IPv4 listener: {v}\n{stderr}");
    let p = port_obj(&v, port);
    assert_eq!(p["in_use"], false, "{p}");
    assert_eq!(p["bind_checked"], true, "{p}");
}

/// `-6` answers for a default IPv6 server (`flask run --host ::`: a
/// dual-stack `[::]` socket): beside an IPv4 holder it cannot bind, and
/// the query, `--wait-free -6` and `--suggest -6` all say so, and the
/// advised `portcheck -6 --kill PORT` frees it; once the port is free for
/// -6, such a server binds it.
#[test]
fn minus_6_answers_for_a_default_dual_stack_server() {
    if !dual_stack_default() {
        return;
    }
    let v4 = (0..200u16)
        .map(|i| 20000 + (std::process::id() as u16 % 500) * 19 + i)
        .find_map(|p| Holder::try_start(&["--addr", "127.0.0.1", "--port", &p.to_string()]))
        .expect("a free port in 20000-29999");
    let port = v4.port.to_string();
    assert!(Holder::try_start(&["--addr", "::", "--dual", "--port", &port]).is_none());
    // The advised `--kill` keeps the -6 the query was asked with.
    portcheck(&["-6", &port])
        .code(1)
        .stdout_has("IPV6_V6ONLY could still bind")
        .stdout_has(&format!("      portcheck -6 --kill {port}\n"));
    portcheck(&["--wait-free", "300ms", "-6", &port]).code(1);
    let suggested = portcheck(&["--suggest", "-6", &port]);
    suggested.code(0);
    assert_ne!(
        suggested.stdout.trim(),
        port,
        "--suggest -6 offers the port the query calls in use"
    );
    // The advised line, run: it stops the IPv4 holder a -6 server meets.
    portcheck(&["-6", "--kill", &port]).code(0);
    assert!(!alive(v4.pid()), "portcheck -6 --kill left the IPv4 holder running");
    portcheck(&["-6", &port]).code(0);
    let server = Holder::try_start(&["--addr", "::", "--dual", "--port", &port]);
    assert!(server.is_some(), "portcheck -6 said free, and a default IPv6 server could not bind");
}

#[test]
fn a_freebind_address_on_no_interface_is_not_reachable() {
    let h = Holder::start(&["--addr", "192.0.2.77", "--freebind"]);
    let run = portcheck(&["--json", &h.port.to_string()]);
    run.code(1);
    let s = &port_obj(&run.json(), h.port)["sockets"][0];
    assert_eq!(s["exposure"], "unassigned", "{s}");
    assert_eq!(s["reachable_at"], serde_json::json!([]), "{s}");
    portcheck(&[&h.port.to_string()]).code(1).stdout_has("not reachable");
    let exposed = portcheck(&["--exposed", "--json"]);
    assert!(!pids_of(&exposed.json()["sockets"]).contains(&h.pid()), "{}", exposed.stdout);
}

#[test]
fn wait_listen_does_not_take_a_connected_udp_socket_for_a_listener() {
    let h = Holder::start(&["--udp-connected"]);
    let port = format!("{}/udp", h.port);
    // It holds the port (a query says in use) but listens for nobody.
    portcheck(&["-4", &port]).code(1);
    portcheck(&["--wait-listen", "300ms", "-4", &port]).code(1).stdout_has("Nothing listens");
    let udp = Holder::start(&["--udp"]);
    portcheck(&["--wait-listen", "5s", "-4", &format!("{}/udp", udp.port)]).code(0);
}

#[test]
fn json_errors_are_json_on_stdout_too() {
    let run = portcheck(&["--json", "99999"]);
    run.code(2).stderr_has("invalid port");
    assert_eq!(run.json()["error"]["kind"], "usage", "{}", run.stdout);
    assert!(run.json()["error"]["message"].as_str().unwrap().contains("99999"));
    let run = portcheck(&["--bogus", "--json"]);
    run.code(2);
    assert_eq!(run.json()["error"]["kind"], "usage");
    // Without --json, stdout stays empty.
    let run = portcheck(&["99999"]);
    run.code(2);
    assert_eq!(run.stdout, "");
    // Exit 3 from an error: a wait whose probe cannot run (out of fds;
    // a policy's EPERM is `permission`, below).
    let port = free_port().to_string();
    let run = under_seccomp("inet=EMFILE", &["--json", "--wait-free", "5s", &port]);
    run.code(3).stderr_has("cannot tell");
    assert_eq!(run.json()["error"]["kind"], "failure", "{}", run.stdout);
}

/// portcheck with stdout on a fresh pseudo-terminal (which reports 0
/// columns) and `env`; what it showed, read to its end (one read may
/// return part of it).
fn on_a_zero_width_terminal(columns: Option<&str>, args: &[&str]) -> String {
    let mut cmd = util::command();
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let (code, shown) = on_pty(&mut cmd, args);
    assert_eq!(code, Some(1), "{shown}");
    shown
}

#[test]
fn zero_columns_get_the_default_width() {
    let h = Holder::start(&["--label", "a-label-long-enough-to-wrap-in-a-narrow-table"]);
    let port = h.port.to_string();
    for columns in [Some("0"), None] {
        let shown = on_a_zero_width_terminal(columns, &[&port]);
        assert!(util::has(&shown, " PROTO  ADDRESS"), "COLUMNS={columns:?}:\n{shown}");
        assert!(shown.contains(&format!("127.0.0.1:{port}")), "COLUMNS={columns:?}:\n{shown}");
    }
}

#[test]
fn a_broken_pipe_keeps_the_answer() {
    let h = Holder::start(&[]);
    let free = free_port().to_string();
    for (args, code) in [
        (vec![h.port.to_string()], 1),
        (vec!["--json".into(), h.port.to_string()], 1),
        (vec![free.clone()], 0),
        (vec!["--json".into(), "99999".into()], 2),
    ] {
        let (reader, writer) = nix::unistd::pipe().unwrap();
        drop(reader);
        let out = util::command()
            .args(&args)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::from(writer))
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        if code < 2 {
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        }
    }
}

#[test]
#[ignore = "needs root for a private mount namespace; .ci/run runs it"]
fn hidepid_is_remembered_on_the_second_look() {
    // A port that only the second look explains: a TIME_WAIT connection
    // (the server side closed first) and no listener.
    let port = time_wait_port();
    let (_dir, exe) = world_runnable_copy();
    let script = "set -e; mount -t proc -o hidepid=2 proc /proc; \
                  exec setpriv --reuid=65534 --regid=65534 --clear-groups -- \"$0\" \"$@\"";
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-c", script]).arg(&exe);
    let run = run_with(cmd, &["--json", "-t", &port.to_string()]);
    let v = run.json();
    assert!(port_obj(&v, port)["time_wait"].as_u64().unwrap() >= 1, "{v}");
    assert!(v["notes"].to_string().contains("hidepid"), "{v}");
}

#[test]
#[ignore = "needs root for a private mount namespace; .ci/run runs it"]
fn only_a_host_without_ipv6_skips_the_ipv6_probe() {
    // A host without IPv6, as far as portcheck can tell: no
    // /proc/sys/net/ipv6/conf, no /proc/net/if_inet6 (a tmpfs over this
    // process's /proc/PID/net: sh execs, so the pid is portcheck's), and
    // socket(AF_INET6) failing with EAFNOSUPPORT.
    let port = free_port().to_string();
    let without_ipv6 = |spec: &str| {
        let script = "set -e; mount -t tmpfs none /proc/sys/net/ipv6; \
                      mount -t tmpfs none /proc/$$/net; exec \"$0\" \"$@\"";
        let mut cmd = Command::new("unshare");
        cmd.args(["-m", "--propagation", "private", "sh", "-c", script])
            .arg(holder_bin())
            .args(["--seccomp", spec, "--"])
            .arg(bin());
        run_with(cmd, &["--json", &port])
    };
    let run = without_ipv6("inet6=EAFNOSUPPORT");
    run.code(0);
    let p = port_obj(&run.json(), port.parse().unwrap());
    assert_eq!(p["bind_checked"], true, "{p}");
    assert!(p["notes"].to_string().contains("IPv6 is not available"), "{p}");
    // IPv4 is never "not available": both families at once is unknown.
    let run = without_ipv6("inet=EAFNOSUPPORT,inet6=EAFNOSUPPORT");
    run.code(3);
    assert_eq!(port_obj(&run.json(), port.parse().unwrap())["bind_checked"], false);
}
