//! Renderer tests on report structs, snapshot style: each renderer gets a
//! report built by hand and must print exactly the text below.

use std::time::Duration;

use super::*;
use crate::net::{Selection, State};
use crate::port::{Class, HostPorts};
use crate::report::{
    Action, Ancestor, KillPlan, KillReport, NextSteps, PortsReport, ProcessReport, Signal, Until,
    WaitReport,
};
use crate::shell::Command;

pub(super) const PLAIN: Style = Style { color: false, width: None, wide: false };

pub(super) fn host() -> HostPorts {
    HostPorts { unprivileged_start: 1024, ephemeral: (32768, 60999), reserved: vec![] }
}

pub(super) fn flask(pid: u32, hint: &str) -> ProcessReport {
    ProcessReport {
        pid,
        ppid: Some(pid - 1),
        name: "python3".into(),
        user: Some("alice".into()),
        command: vec!["python3".into(), "-m".into(), "flask".into(), "run".into()],
        started: Some("2026-11-25T10:42:07Z".into()),
        hint: Some(hint.into()),
        parent_name: Some("bash".into()),
        parents: vec![Ancestor { pid: pid - 1, name: "bash".into() }],
        unit: None,
        role: crate::hint::Role::Server,
        origin: crate::started::Started::unknown(),
        created: None,
        sandbox: None,
        pid_ns: None,
        life: Default::default(),
    }
}

pub(crate) fn socket(address: &str, processes: Vec<ProcessReport>) -> SocketReport {
    let ip: std::net::IpAddr = address.parse().unwrap();
    SocketReport {
        protocol: Protocol::Tcp,
        family: Family::of(&ip),
        address: address.into(),
        port: 5000,
        state: State::Listen,
        exposure: Exposure::of(&ip),
        device: None,
        inode: 1,
        uid: Some(1000),
        user: Some("alice".into()),
        v6only: None,
        reachable_at: vec!["192.0.2.7:5000".into()],
        processes,
        hidden: None,
        warning: Some("a development server is reachable from the network".into()),
    }
}

pub(crate) fn port(sockets: Vec<SocketReport>) -> PortReport {
    PortReport {
        port: 5000,
        class: Class::Registered,
        ephemeral: false,
        privileged: false,
        services: vec!["commplex-main".into()],
        in_use: !sockets.is_empty(),
        protocols: vec![Protocol::Tcp],
        sockets,
        time_wait: 0,
        bind_checked: true,
        unknown: None,
        fix: vec![],
        refused: None,
        notes: vec![],
        unbound: vec![],
        beside: None,
    }
}

#[test]
fn a_port_in_use_with_next_steps() {
    let r = PortsReport {
        ports: vec![port(vec![socket("0.0.0.0", vec![flask(41235, "Flask development server")])])],
        notes: vec![],
    };
    let cmd: Vec<String> = vec!["python3".into(), "-m".into(), "flask".into(), "run".into()];
    let (pre, rest) = crate::remedy::tool(&cmd, "flask").unwrap();
    let remedy = Some(crate::remedy::flask_run(&pre, &rest, 5001));
    let next = [NextSteps {
        port: 5000,
        first: vec![],
        kill: vec![41235],
        kill_ipv6: false,
        free: Some(5001),
        remedy,
        stop: vec![],
    }];
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let text = ports(&PLAIN, &host(), all, &r, &next);
    let expected = "\
Port 5000 in use  registered port (1024-49151) · commplex-main
 PROTO  ADDRESS       STATE   PID    USER   COMMAND
 tcp    0.0.0.0:5000  listen  41235  alice  [Flask development server] python3 -m flask run
  0.0.0.0 (network): all interfaces: reachable from other machines on the network, at 192.0.2.7:5000
  warning: a development server is reachable from the network
  pid 41235 (python3): started by 41234 (bash), at 2026-11-25T10:42:07Z
  next steps:
    stop pid 41235:
      portcheck --kill 5000
    or use port 5001 (flask run reads --port or FLASK_RUN_PORT, not PORT):
      python3 -m flask run --port 5001
      FLASK_RUN_PORT=5001 python3 -m flask run

";
    assert_eq!(text, expected);
}

/// Flask's pid 41235, stopped (Ctrl+Z), its reloader exited 725 s after
/// it started at `local_start` (local time).
pub(super) fn stopped_leftover(local_start: &str) -> ProcessReport {
    let life = crate::report::Life {
        state: Some(crate::report::RunState::Stopped),
        parent_exited: true,
        local_start: Some(local_start.into()),
        age: Some(725),
    };
    ProcessReport { life, ..flask(41235, "Flask development server") }
}

/// A stopped holder, and a reloader's child whose parent exited: its age
/// and its start in local time (from the model; the zone is read at
/// enrichment, the CLI tests pin TZ).
#[test]
fn a_stopped_leftover_says_so() {
    let mut p = stopped_leftover("2026-11-25 13:42:07 XST");
    p.parents = vec![Ancestor { pid: 1, name: "systemd".into() }];
    let r = PortsReport { ports: vec![port(vec![socket("127.0.0.1", vec![p])])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let text = ports(&PLAIN, &host(), all, &r, &[]);
    assert!(
        text.contains(
            "  pid 41235 (python3): its parent (the reloader) has exited; started 12 minutes ago, \
             at 2026-11-25 13:42:07 XST; now under 1 (systemd)\n  pid 41235 (python3) is stopped \
             (Ctrl+Z): it holds the port but answers nothing; in its terminal: `fg`, then Ctrl+C, \
             or `kill %1`\n"
        ),
        "{text}"
    );
}

/// Without a kill line (not root) or a stop line, the first next step
/// is "use port", never "or use port".
#[test]
fn next_steps_never_start_with_or() {
    let r = PortsReport {
        ports: vec![port(vec![socket("0.0.0.0", vec![flask(41235, "Flask development server")])])],
        notes: vec![],
    };
    let next = [NextSteps {
        port: 5000,
        first: vec![],
        kill: vec![],
        free: Some(5001),
        remedy: None,
        stop: vec![],
        kill_ipv6: false,
    }];
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let text = ports(&PLAIN, &host(), all, &r, &next);
    assert!(text.ends_with("  next steps:\n    use port 5001\n\n"), "{text}");
}

/// A dry run of port 5000 with these targets, SIGTERM and 5 s of grace.
pub(super) fn dry_plan(
    targets: Vec<(u32, String)>,
    method: Option<crate::report::Method>,
) -> KillPlan {
    KillPlan {
        targets,
        ports: vec![5000],
        refused: vec![],
        unseen: vec![],
        notes: vec![],
        cannot_bind: vec![],
        dry_run: true,
        signal: Signal::TERM,
        grace: Duration::from_secs(5),
        method,
    }
}

/// Every line wraps at the width: the dry-run line, notes, the `Free:`
/// line and a pasted PORT's line, each continued with an indent.
#[test]
fn every_line_wraps_at_the_width() {
    let narrow = Style { width: Some(40), ..PLAIN };
    let plan = dry_plan(vec![(7, "python3".into()), (8, "python3".into())], None);
    let free = PortsReport { ports: vec![port(vec![])], notes: vec!["a note ".repeat(12).into()] };
    let v4 = Selection { tcp: true, udp: false, v4: true, v6: false };
    let pasted = ["http://127.0.0.1:5000/some/path → port 5000".to_string()];
    for text in [
        kill_plan(&narrow, &plan),
        ports(&narrow, &host(), v4, &free, &[]),
        super::pasted(&narrow, &pasted[0], None),
    ] {
        assert!(text.lines().count() > 1, "{text}");
        for line in text.lines() {
            assert!(line.chars().count() <= 40, "{line:?} in\n{text}");
        }
    }
}

#[test]
fn free_ports_say_how_they_were_checked() {
    let mut unchecked = port(vec![]);
    unchecked.port = 80;
    unchecked.class = Class::WellKnown;
    unchecked.privileged = true;
    unchecked.bind_checked = false;
    let r = PortsReport { ports: vec![port(vec![]), unchecked], notes: vec!["a note".into()] };
    let v4 = Selection { tcp: true, udp: false, v4: true, v6: false };
    let text = ports(&PLAIN, &host(), v4, &r, &[]);
    assert_eq!(
        text,
        format!(
            "Free: 5000/tcp (registered)  (bound and released on the wildcard address: IPv4)\n\
             Free: 80/tcp (well-known{})  (no socket bound; portcheck may not bind it, so it \
             was not bind-checked)\n\
             note: a note\n",
            needs_root()
        )
    );
}

/// ", binding needs root" where this platform's rule makes port 80
/// privileged (Linux, macOS on 127.0.0.1); nothing on Windows.
fn needs_root() -> String {
    match host().needs_root().as_str() {
        "" => String::new(),
        w => format!(", {w}"),
    }
}

/// Every free port gets its IANA class; "needs root" only for a
/// privileged one; ports of one class are listed together.
#[test]
fn free_ports_carry_their_class() {
    let at = |n: u16, privileged| PortReport {
        port: n,
        class: Class::of(n),
        privileged,
        protocols: vec![],
        ..port(vec![])
    };
    let r = PortsReport {
        ports: vec![at(80, true), at(8000, false), at(8001, false), at(50000, false)],
        notes: vec![],
    };
    let v4 = Selection { tcp: true, udp: true, v4: true, v6: false };
    let text = ports(&PLAIN, &host(), v4, &r, &[]);
    assert_eq!(
        text,
        format!(
            "Free: 80 (well-known{}), 8000, 8001 (registered), 50000 (dynamic)  (bound and \
             released on the wildcard address: IPv4)\n",
            needs_root()
        )
    );
    let many = PortsReport { ports: (3000..3020).map(|n| at(n, false)).collect(), notes: vec![] };
    let text = ports(&PLAIN, &host(), v4, &many, &[]);
    assert!(text.starts_with("Free: 3000, 3001, 3002, 3003, 3004, …, 3019 (20 ports, registered)"));
}

/// From 13 ports on, a list of free ports is shortened — the first five,
/// `…`, the last and the count — in the `Free:` line and in the
/// ephemeral warning alike; 12 are listed whole.
#[test]
fn long_free_port_lists_are_shortened_from_13_ports_on() {
    let at = |n: u16| PortReport { port: n, ephemeral: true, ..port(vec![]) };
    let v4 = Selection { tcp: true, udp: false, v4: true, v6: false };
    let thirteen = PortsReport { ports: (40000..40013).map(at).collect(), notes: vec![] };
    assert_eq!(
        ports(&PLAIN, &host(), v4, &thirteen, &[]),
        "Free: 40000/tcp, 40001/tcp, 40002/tcp, 40003/tcp, 40004/tcp, …, 40012/tcp (13 ports, \
         registered)  (bound and released on the wildcard address: IPv4)\n  \
         warning: 40000/tcp, 40001/tcp, 40002/tcp, 40003/tcp, 40004/tcp, …, 40012/tcp (13 \
         ports) inside the ephemeral range 32768-60999: outgoing connections may take them \
         (portcheck --suggest finds a port outside it)\n"
    );
    let twelve = PortsReport { ports: (40000..40012).map(at).collect(), notes: vec![] };
    let list: Vec<String> = (40000..40012).map(|n| format!("{n}/tcp")).collect();
    let list = list.join(", ");
    assert_eq!(
        ports(&PLAIN, &host(), v4, &twelve, &[]),
        format!(
            "Free: {list} (registered)  (bound and released on the wildcard address: IPv4)\n  \
             warning: {list} inside the ephemeral range 32768-60999: outgoing connections may \
             take them (portcheck --suggest finds a port outside it)\n"
        )
    );
}

/// A wildcard socket lists the first three addresses that reach it and
/// counts the rest; three are listed whole.
#[test]
fn a_wildcard_lists_three_addresses_and_counts_the_rest() {
    let mut s = socket("0.0.0.0", vec![flask(41235, "Flask development server")]);
    s.reachable_at = (1..=5).map(|n| format!("192.0.2.{n}:5000")).collect();
    let r = PortsReport { ports: vec![port(vec![s.clone()])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let expected = "\
Port 5000 in use  registered port (1024-49151) · commplex-main
 PROTO  ADDRESS       STATE   PID    USER   COMMAND
 tcp    0.0.0.0:5000  listen  41235  alice  [Flask development server] python3 -m flask run
  0.0.0.0 (network): all interfaces: reachable from other machines on the network, at 192.0.2.1:5000, 192.0.2.2:5000, 192.0.2.3:5000 and 2 more
  warning: a development server is reachable from the network
  pid 41235 (python3): started by 41234 (bash), at 2026-11-25T10:42:07Z

";
    assert_eq!(ports(&PLAIN, &host(), all, &r, &[]), expected);
    s.reachable_at.truncate(3);
    let r = PortsReport { ports: vec![port(vec![s])], notes: vec![] };
    let three = expected.replace(" and 2 more", "");
    assert_eq!(ports(&PLAIN, &host(), all, &r, &[]), three);
}

#[test]
fn a_family_the_host_lacks_is_never_said_bound() {
    let mut no6 = port(vec![]);
    no6.unbound = vec![Family::Ipv6];
    no6.notes = vec!["IPv6 is not available on this host; it was not checked".into()];
    let r = PortsReport { ports: vec![no6], notes: vec![] };
    let both = Selection { tcp: true, udp: false, v4: true, v6: true };
    let text = ports(&PLAIN, &host(), both, &r, &[]);
    assert!(text.starts_with(
        "Free: 5000/tcp (registered)  (bound and released on the wildcard address: IPv4)\n"
    ));
    let only6 = Selection { v4: false, ..both };
    let text = ports(&PLAIN, &host(), only6, &r, &[]);
    assert!(!text.contains("bound and released"), "{text}");
    assert!(text.contains("IPv6 is not available on this host: nothing was bound"), "{text}");
}

#[test]
fn a_device_name_is_escaped_in_the_table_and_the_notes() {
    let mut s = socket("fe80::1", vec![flask(41235, "Flask development server")]);
    s.family = Family::Ipv6;
    s.device = Some("\x1b]0;X\x07\x1b[2J".into());
    let r = PortsReport { ports: vec![port(vec![s])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let text = ports(&PLAIN, &host(), all, &r, &[]);
    assert!(!text.contains(['\x1b', '\x07']), "{text}");
    assert!(text.contains("[fe80::1%\\e]0;X\\x07\\e[2J]:5000"), "{text}");
    assert!(text.contains("  fe80::1%\\e]0;X\\x07\\e[2J ("), "{text}");
}

#[test]
fn colour_only_when_the_style_says_so() {
    let r = PortsReport { ports: vec![port(vec![socket("127.0.0.1", vec![])])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    assert!(!ports(&PLAIN, &host(), all, &r, &[]).contains('\x1b'));
    let colour = Style { color: true, width: None, wide: false };
    assert!(ports(&colour, &host(), all, &r, &[]).contains("\x1b["));
}

#[test]
fn a_wait_reports_each_port() {
    let w = WaitReport {
        ok: false,
        waited_ms: 1500,
        until: Until::Free,
        ready: vec![5000],
        polls: 9,
        ports: vec![port(vec![]), {
            let mut p = port(vec![socket("0.0.0.0", vec![flask(9, "x")])]);
            p.port = 6000;
            p
        }],
    };
    assert_eq!(
        wait(&PLAIN, &w),
        "OK Port 5000 is free.\nTimed out: Port 6000 is still held by pid 9 (python3).\nWaited 1.50s.\n"
    );
    let l = WaitReport {
        until: Until::Listening,
        ok: true,
        ready: vec![5000],
        ports: vec![port(vec![])],
        ..w
    };
    assert_eq!(wait(&PLAIN, &l), "OK Port 5000 is listening.\nWaited 1.50s.\n");
}

#[test]
fn a_free_port_in_the_ephemeral_range_is_free_with_a_warning() {
    let mut p = port(vec![]);
    p.port = 40000;
    p.ephemeral = true;
    let r = PortsReport { ports: vec![p], notes: vec![] };
    let v4 = Selection { tcp: true, udp: false, v4: true, v6: false };
    assert_eq!(
        ports(&PLAIN, &host(), v4, &r, &[]),
        "Free: 40000/tcp (registered)  (bound and released on the wildcard address: IPv4)\n  \
         warning: 40000/tcp inside the ephemeral range 32768-60999: outgoing connections may \
         take it (portcheck --suggest finds a port outside it)\n"
    );
}

/// What a kill did to `actions`, and `ports` afterwards; SIGTERM asked.
pub(super) fn kill_report(ports: Vec<PortReport>, actions: Vec<Action>) -> KillReport {
    KillReport {
        ports,
        actions,
        respawns: vec![],
        received: vec![],
        interrupted: None,
        declined: false,
        notes: vec![],
        signal: Signal::TERM,
        grace: Duration::from_secs(5),
        dry_run: false,
        was_free: vec![],
        settle_cut: false,
    }
}

/// Windows refused the bind (WSAEACCES) with nothing on the port: never
/// free — the query, the kill (no process to stop, the fix instead) and
/// the wait all say it cannot be bound.
#[test]
fn a_port_the_os_refuses_cannot_be_bound() {
    let mut p = port(vec![]);
    p.in_use = true;
    p.refused = Some(crate::port::Refused::ExcludedRange);
    p.notes = vec!["port 5000 is in the tcp excluded port range 4990-5089".into()];
    p.fix = crate::port::Refused::ExcludedRange.fix(5000, Protocol::Tcp);
    let r = PortsReport { ports: vec![p.clone()], notes: vec![] };
    let fix = "    see the excluded port ranges:\n      \
               netsh int ipv4 show excludedportrange protocol=tcp\n    \
               or use a port outside them:\n      portcheck --suggest 5000\n    \
               or, from an Administrator terminal, stop winnat (it draws its ranges again when it \
               starts) and keep port 5000 for yourself before it does: these three lines in \
               turn:\n      net stop winnat\n    \
               netsh int ipv4 add excludedportrange protocol=tcp startport=5000 numberofports=1\n    \
               net start winnat\n";
    assert_eq!(
        ports(&PLAIN, &host(), Selection { tcp: true, udp: false, v4: true, v6: true }, &r, &[]),
        format!(
            "Port 5000 cannot be bound: it is inside an excluded port range  registered port \
             (1024-49151) · commplex-main\n  note: port 5000 is in the tcp excluded port range \
             4990-5089\n  what to do:\n{fix}\n"
        )
    );
    let plan = KillPlan {
        targets: vec![],
        ports: vec![],
        refused: vec![],
        unseen: vec![],
        notes: vec![],
        cannot_bind: vec![(5000, crate::port::Refused::ExcludedRange, p.fix.clone())],
        dry_run: false,
        signal: Signal::TERM,
        grace: Duration::from_secs(5),
        method: None,
    };
    let said = kill_plan(&PLAIN, &plan);
    let two = fix.lines().map(|l| format!("{}\n", &l[2..])).collect::<String>();
    assert_eq!(
        said,
        format!(
            "Port 5000 cannot be bound (it is inside an excluded port range): there is no process \
             to stop. Instead:\n{two}"
        )
    );
    let k = kill_report(vec![p.clone()], vec![]);
    assert_eq!(
        kill_result(&PLAIN, &k),
        "Held: Port 5000 cannot be bound: it is inside an excluded port range.\n"
    );
    let w = WaitReport {
        ok: false,
        waited_ms: 1000,
        until: Until::Free,
        ready: vec![],
        polls: 5,
        ports: vec![p],
    };
    assert_eq!(
        wait(&PLAIN, &w),
        "Timed out: Port 5000 cannot be bound: it is inside an excluded port range; waiting does not change that.\nWaited 1.00s.\n"
    );
}

/// A `::` socket whose IPV6_V6ONLY the table does not say (macOS,
/// Windows) may also take IPv4, and the report says so.
#[test]
fn an_ipv6_wildcard_of_unknown_v6only_may_take_ipv4() {
    let mut v6 = socket("::", vec![]);
    v6.warning = None;
    let r = PortsReport { ports: vec![port(vec![v6.clone()])], notes: vec![] };
    let v4 = Selection { tcp: true, udp: false, v4: true, v6: false };
    let text = ports(&PLAIN, &host(), v4, &r, &[]);
    assert!(
        text.contains(":: (network): all interfaces: reachable from other machines on the network, at 192.0.2.7:5000; may also take IPv4 (whether it set IPV6_V6ONLY is not known here)"),
        "{text}"
    );
    v6.v6only = Some(true);
    let r = PortsReport { ports: vec![port(vec![v6])], notes: vec![] };
    assert!(!ports(&PLAIN, &host(), v4, &r, &[]).contains("may also take IPv4"));
}

/// A report with a long command line, a hint and two sockets, at `width`.
fn at_width(width: u16) -> String {
    let mut p = flask(41235, "Flask development server (reloader parent)");
    p.command = [
        "/home/alice/projects/hello/.venv/bin/python3",
        "/home/alice/projects/hello/.venv/bin/flask",
        "--app",
        "app",
        "run",
        "--debug",
        "--host",
        "0.0.0.0",
        "--port",
        "5000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut v6 = socket("::", vec![p.clone()]);
    v6.warning = None;
    v6.v6only = Some(false);
    let r = PortsReport { ports: vec![port(vec![socket("0.0.0.0", vec![p]), v6])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let style = Style { color: false, width: Some(width), wide: false };
    ports(&style, &host(), all, &r, &[])
}

#[test]
fn at_120_columns_the_table_holds_the_hint_then_the_shortened_command() {
    assert_eq!(
        at_width(120),
        "\
Port 5000 in use  registered port (1024-49151) · commplex-main
 PROTO  ADDRESS       STATE   PID    USER   COMMAND
 tcp    0.0.0.0:5000  listen  41235  alice  [Flask development server (reloader parent)]
                                            …/python3 …/flask --app app run --debug --host 0.0.0.0 --port 5000
 tcp6   [::]:5000     listen  41235  alice  [Flask development server (reloader parent)]
                                            …/python3 …/flask --app app run --debug --host 0.0.0.0 --port 5000
  0.0.0.0 (network): all interfaces: reachable from other machines on the network, at 192.0.2.7:5000
  warning: a development server is reachable from the network
  :: (network): all interfaces: reachable from other machines on the network, at 192.0.2.7:5000
  pid 41235 (python3): started by 41234 (bash), at 2026-11-25T10:42:07Z

"
    );
}

#[test]
fn at_80_columns_the_hint_wraps_at_words_and_the_command_is_cut() {
    assert_eq!(
        at_width(80),
        "\
Port 5000 in use  registered port (1024-49151) · commplex-main
 PROTO  ADDRESS       STATE   PID    USER   COMMAND
 tcp    0.0.0.0:5000  listen  41235  alice  [Flask development server (reloader
                                            parent)]
                                            …/python3 …/flask --app app run --d…
 tcp6   [::]:5000     listen  41235  alice  [Flask development server (reloader
                                            parent)]
                                            …/python3 …/flask --app app run --d…
  0.0.0.0 (network): all interfaces: reachable from other machines on the
    network, at 192.0.2.7:5000
  warning: a development server is reachable from the network
  :: (network): all interfaces: reachable from other machines on the network, at
    192.0.2.7:5000
  pid 41235 (python3): started by 41234 (bash), at 2026-11-25T10:42:07Z

"
    );
}

#[test]
fn at_60_columns_one_block_per_socket() {
    assert_eq!(
        at_width(60),
        "\
Port 5000 in use  registered port (1024-49151) ·
  commplex-main
tcp 0.0.0.0:5000 listen
  pid 41235 alice · [Flask development server (reloader
  parent)]
  …/python3 …/flask --app app run --debug --host 0.0.0.0 --…
tcp6 [::]:5000 listen
  pid 41235 alice · [Flask development server (reloader
  parent)]
  …/python3 …/flask --app app run --debug --host 0.0.0.0 --…
  0.0.0.0 (network): all interfaces: reachable from other
    machines on the network, at 192.0.2.7:5000
  warning: a development server is reachable from the
    network
  :: (network): all interfaces: reachable from other
    machines on the network, at 192.0.2.7:5000
  pid 41235 (python3): started by 41234 (bash), at
    2026-11-25T10:42:07Z

"
    );
}

#[test]
fn wide_and_pipes_keep_the_command_whole() {
    let mut p = flask(7, "x");
    p.command = vec!["/a/very/long/path/to/python3".into(), "serve.py".into()];
    let r = PortsReport { ports: vec![port(vec![socket("127.0.0.1", vec![p])])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let wide = Style { color: false, width: Some(60), wide: true };
    assert!(ports(&wide, &host(), all, &r, &[]).contains("/a/very/long/path/to/python3 serve.py"));
    assert!(
        ports(&PLAIN, &host(), all, &r, &[]).contains("[x] /a/very/long/path/to/python3 serve.py")
    );
}

#[test]
fn commands_to_paste_break_with_a_backslash_outside_quotes() {
    let narrow = Style { color: false, width: Some(40), wide: false };
    assert_eq!(
        table::paste_line(
            &narrow,
            4,
            &Command::new(["gunicorn", "-b", "127.0.0.1:5001", "--workers", "4", "my app:app"])
        ),
        "    gunicorn -b 127.0.0.1:5001 \\\n      --workers 4 'my app:app'\n"
    );
    assert_eq!(table::paste_line(&PLAIN, 4, &Command::new(["short", "one"])), "    short one\n");
}

/// In cmd.exe and PowerShell a long line goes on with ` ^` and `` ` ``,
/// and a variable the line sets is said to stay set in the window.
#[test]
fn windows_lines_continue_in_their_shell_and_say_what_stays_set() {
    use crate::shell::Shell;
    let narrow = Style { color: false, width: Some(40), wide: false };
    let long = Command::new(["gunicorn", "-b", "127.0.0.1:5001", "--workers", "4", "my app:app"]);
    assert_eq!(
        table::paste_line_in(&narrow, 4, &long, Shell::Cmd),
        "    gunicorn -b 127.0.0.1:5001 ^\n      --workers 4 \"my app:app\"\n"
    );
    assert_eq!(
        table::paste_line_in(&narrow, 4, &long, Shell::PowerShell7),
        "    gunicorn -b '127.0.0.1:5001' `\n      --workers 4 'my app:app'\n"
    );
    let env = Command::new(["flask", "run"]).env("FLASK_RUN_PORT", "5001").unwrap();
    assert_eq!(
        table::paste_line_in(&PLAIN, 4, &env, Shell::Cmd),
        "    set \"FLASK_RUN_PORT=5001\" && flask run\n    (FLASK_RUN_PORT stays set in this window)\n"
    );
    assert_eq!(
        table::paste_line_in(&PLAIN, 4, &env, Shell::PowerShell5),
        "    $env:FLASK_RUN_PORT='5001'; flask run\n    (FLASK_RUN_PORT stays set in this window)\n"
    );
    assert_eq!(
        table::paste_line_in(&PLAIN, 4, &env, Shell::Posix),
        "    FLASK_RUN_PORT=5001 flask run\n"
    );
}

#[test]
fn network_exposure_is_coloured_alike_everywhere_and_not_bright_yellow() {
    let colour = Style { color: true, width: None, wide: false };
    let s = socket("0.0.0.0", vec![flask(9, "x")]);
    let (_, network) = exposure_word(Exposure::AllInterfaces);
    let painted = format!("{network}network");
    let listed =
        listing(&colour, &crate::report::Listing { sockets: vec![s.clone()], notes: vec![] });
    let r = PortsReport { ports: vec![port(vec![s])], notes: vec![] };
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    let reported = ports(&colour, &host(), all, &r, &[]);
    for text in [&listed, &reported] {
        assert!(text.contains(&painted), "{text:?}");
        assert!(!text.contains("\x1b[93m") && !text.contains("33mnetwork"), "{text:?}");
    }
    assert!(format!("{network}").contains("35"), "magenta");
    assert!(!reported.contains("\x1b[33m"), "no yellow on a light background: {reported:?}");
}

/// Every end of a wait, in English (byte for byte what portcheck printed
/// before the catalog) and in Korean.
#[test]
fn every_wait_end_reads_the_same_in_english_and_whole_in_korean() {
    use crate::i18n::{Lang, scoped};
    let mut tw = port(vec![]);
    tw.time_wait = 1;
    let mut tw2 = port(vec![]);
    tw2.port = 5001;
    tw2.time_wait = 3;
    let unseen = port(vec![]);
    let free = WaitReport {
        ok: false,
        waited_ms: 250,
        until: Until::Free,
        ready: vec![],
        polls: 3,
        ports: vec![tw, tw2, unseen],
    };
    let held = port(vec![socket("0.0.0.0", vec![flask(9, "x")])]);
    let listen = WaitReport {
        until: Until::Listening,
        ready: vec![5000],
        ports: vec![held.clone()],
        ..free.clone()
    };
    let none = WaitReport { ready: vec![], ports: vec![port(vec![])], ..listen.clone() };
    assert_eq!(
        wait(&PLAIN, &free),
        "Timed out: Port 5000 still has 1 connection in TIME_WAIT.\n\
         Timed out: Port 5001 still has 3 connections in TIME_WAIT.\n\
         Timed out: Port 5000 is still held by a socket portcheck cannot see.\nWaited 0.25s.\n"
    );
    assert_eq!(
        wait(&PLAIN, &listen),
        "OK Port 5000 is listening: pid 9 (python3).\nWaited 0.25s.\n"
    );
    assert_eq!(wait(&PLAIN, &none), "Timed out: Nothing listens on port 5000.\nWaited 0.25s.\n");
    scoped(Lang::Ko, || {
        assert_eq!(
            wait(&PLAIN, &free),
            "시간 초과: 포트 5000번에 아직 TIME_WAIT 상태인 연결이 1개 있습니다.\n\
             시간 초과: 포트 5001번에 아직 TIME_WAIT 상태인 연결이 3개 있습니다.\n\
             시간 초과: 포트 5000번을 portcheck가 볼 수 없는 소켓이 아직 사용 중입니다.\n\
             0.25초 기다렸습니다.\n"
        );
        assert_eq!(
            wait(&PLAIN, &listen),
            "완료: 포트 5000번에서 수신 대기(LISTEN) 중입니다: pid 9 (python3).\n0.25초 기다렸습니다.\n"
        );
        assert_eq!(
            wait(&PLAIN, &none),
            "시간 초과: 포트 5000번에서 수신 대기(LISTEN) 중인 프로세스가 없습니다.\n0.25초 기다렸습니다.\n"
        );
    });
}
