//! Ground truth (issue 11): the cases where portcheck disagreed with what
//! the kernel knows — a probe that could not run, co-holders, hidden
//! holders, exposure — each against real processes.

use crate::util::*;
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
        under_seccomp(spec, &["--wait-free", "20s", &port])
            .code(3)
            .stderr_has("cannot tell whether port");
        // It gives up at once rather than waiting out the 20 s.
        assert!(started.elapsed() < std::time::Duration::from_secs(15), "{spec}");
    }
}
