//! Sockets without a process in `/proc/*/fd`: orphaned closing
//! connections (no process at all) and holders that keep a socket outside
//! their fd table (a thread's own table, an mmap). Each case is a small
//! Python program in tests/cli/unseen/ run by the system's python3.

use crate::util::*;
use std::process::Command;

/// Runs `tests/cli/unseen/NAME` with the system's python3.
fn script(name: &str) -> Python {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/unseen");
    Python::run(&[dir.join(name)])
}

/// An orphaned FIN_WAIT2 connection (inode 0) on a port is named as such
/// and does not make the port in use: a server that sets SO_REUSEADDR
/// binds it at once, as beside TIME_WAIT.
#[test]
fn an_orphaned_closing_connection_does_not_make_a_port_in_use() {
    let s = script("orphan.py");
    let port = s.port().to_string();
    let run = portcheck(&["--json", "-4", "-t", &port]);
    run.code(0);
    let p = port_obj(&run.json(), s.port());
    assert_eq!(p["in_use"], false, "{p}");
    assert!(p["notes"].to_string().contains("1 orphaned closing TCP connection"), "{p}");
    assert!(std::net::TcpListener::bind(("127.0.0.1", s.port())).is_ok(), "a server binds it");
}

/// A listener held only in a thread's own fd table (unshare(CLONE_FILES))
/// or only through an mmap of the socket is found by the second pass
/// (`/proc/PID/task/TID/fd`, `/proc/PID/maps`), not explained away as a
/// kernel socket.
#[test]
fn a_holder_outside_its_fd_table_is_found() {
    for name in ["thread_table.py", "mmap_holder.py"] {
        let s = script(name);
        let run = portcheck(&["--json", &s.port().to_string()]);
        run.code(1);
        let p = port_obj(&run.json(), s.port());
        assert_eq!(pids_of(&p["sockets"]), vec![s.child.id()], "{name}: {p}");
    }
}

/// When the walk of `/proc` itself runs out of file descriptors (four
/// open files allowed: stdio and one more, which `/proc` takes), that is
/// the reason given for a holder it could not name, not "most likely a
/// kernel socket".
#[test]
fn the_walks_own_emfile_is_the_stated_reason() {
    let h = Holder::start(&[]);
    let mut cmd = Command::new("prlimit");
    cmd.args(["--nofile=4:4", "--"]).arg(bin());
    let run = run_with(cmd, &["--json", &h.port.to_string()]);
    run.code(1);
    let s = &port_obj(&run.json(), h.port)["sockets"][0];
    let hidden = s["hidden"].as_str().unwrap_or_default();
    assert!(hidden.contains("ran out of file descriptors (EMFILE)"), "{s}");
    assert!(!hidden.contains("kernel socket"), "{s}");
}
