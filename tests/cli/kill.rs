//! `--kill`: pinning, signalling, escalation, refusals, races with the prompt.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn kill_a_holder_that_exits_on_sigterm() {
    let h = Holder::start(&[]);
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    // Not escalated: SIGTERM was enough, and the action says so.
    assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "exited".into())]);
    assert_eq!(port_obj(&v, h.port)["in_use"], false);
    assert!(!alive(h.pid()));
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

/// A TCP socket bound without listening holds the port as a server's
/// does (a server between bind and listen, or one that never listens):
/// `--kill` signals its process, not refusing it as a client, and the
/// port can be bound again afterwards.
#[test]
fn kill_frees_a_port_bound_without_listening() {
    let h = Holder::start(&["--no-listen"]);
    assert!(!bindable_plain(h.port), "the bound socket does not hold the port");
    let run = portcheck(&["--kill", "--json", &h.port.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), "SIGTERM".into(), "exited".into())]);
    assert_eq!(port_obj(&v, h.port)["in_use"], false, "{v}");
    assert!(!alive(h.pid()));
    assert!(bindable_plain(h.port), "the port is still held after --kill");
}

/// `127.0.0.1:port` can be bound by a socket without SO_REUSEADDR (the
/// holder's socket, SO_REUSEADDR and not listening, would let one with
/// it share the port).
fn bindable_plain(port: u16) -> bool {
    use nix::sys::socket::{AddressFamily, SockFlag, SockType, SockaddrIn, bind, socket};
    let fd = socket(AddressFamily::Inet, SockType::Stream, SockFlag::SOCK_CLOEXEC, None).unwrap();
    let addr = SockaddrIn::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, port));
    bind(std::os::fd::AsRawFd::as_raw_fd(&fd), &addr).is_ok()
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
    // Said as it is: nothing was stopped, so nothing was "Freed".
    let run = portcheck(&["--kill", &port.to_string()]);
    run.code(0).stdout_has(&format!("Port {port} was already free: there was nothing to stop."));
    assert!(!run.stdout.contains("Freed"), "{}", run.stdout);
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
    // `stop` is the line to paste, `stop_argv` its words, the why apart.
    // The supervisor, then the server it restarted: ending the
    // supervisor alone leaves that one holding the port.
    let again = r["pid"].as_u64().unwrap();
    assert_eq!(r["stop"], format!("kill {supervisor} {again}"));
    assert_eq!(
        r["stop_argv"],
        serde_json::json!(["kill", supervisor.to_string(), again.to_string()])
    );
    let note = format!(
        "end the parent that restarts it, pid {supervisor}, then the server it started, pid {again}"
    );
    assert_eq!(r["stop_note"], note);
    let table = portcheck(&["--kill", &h.port.to_string()]);
    table.code(1).stdout_has("taken again").stdout_has(&format!("started by pid {supervisor}"));
    table.stdout_has(&format!("to stop it for good: end the parent that restarts it, pid {supervisor}, then the server it started, pid "));
    // That run's own --kill restarted it once more: the line of a fresh
    // run names the server that holds the port now.
    let r = portcheck(&["--kill", "--json", &h.port.to_string()]).json()["respawns"][0].clone();
    // The advised line, run by the shell it is written for, stops it.
    let ran = std::process::Command::new("sh").args(["-c", r["stop"].as_str().unwrap()]).status();
    assert!(ran.unwrap().success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while alive(supervisor) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!alive(supervisor), "the advised line did not stop the supervisor");
    while !bindable(h.port) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(bindable(h.port), "the advised line left the restarted server holding the port");
}

#[test]
fn kill_prompt_answered_no_spares_the_holder() {
    use std::io::{Read, Write};
    let h = Holder::start(&[]);
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    master.write_all(b"n\n").unwrap();
    let slave = std::fs::File::from(pty.slave);
    let out = util::command()
        .args(["--kill", &h.port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(util::has(&String::from_utf8_lossy(&out.stdout), "Nothing was killed"));
    assert!(alive(h.pid()));
    // Every slave fd is closed now (portcheck exited, the Command dropped
    // ours): read to the end (EIO), not one read, which may return the
    // echo alone.
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n @ 1..) = master.read(&mut buf) {
        raw.extend_from_slice(&buf[..n]);
    }
    let screen = String::from_utf8_lossy(&raw);
    let prompt = format!("Kill 1 process holding {}? [y/N]", h.port);
    assert!(util::has(&screen, &prompt), "{screen}");
    // stdout is piped: the question stands on its own line.
    // (The pty echoes the "n" typed ahead first.)
    assert!(util::has(&screen.replace("\r\n", "\n"), "n\n\nKill 1 process"), "{screen:?}");
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
    util::install(&util::holder_bin(), &holder);
    let as_nobody = as_user(65534, &holder);
    let h = Holder::start_cmd(as_nobody, &[]);
    let cmd = as_user(65533, &exe);
    let run = util::run_with(cmd, &["--kill", &h.port.to_string()]);
    run.code(3).stderr_has("run with sudo");
    assert!(alive(h.pid()));
}

#[test]
fn kill_with_yes_on_a_terminal_does_not_ask() {
    let h = Holder::start(&[]);
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let slave = std::fs::File::from(pty.slave);
    let out = util::command()
        .args(["--kill", "-y", &h.port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .output()
        .unwrap();
    drop(pty.master);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(util::has(&String::from_utf8_lossy(&out.stdout), "is free now"));
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

/// The same without root-only tools (as root or not): a seccomp filter
/// fails portcheck's `pidfd_send_signal` and `kill` with EPERM, as the OS
/// does for another user's process. It is a permission problem (exit 3,
/// "denied", the sudo advice), not a signal the OS refused for good.
#[test]
fn a_signal_the_os_forbids_is_denied_with_exit_3() {
    let h = Holder::start(&[]);
    let mut cmd = Command::new(holder_bin());
    cmd.args(["--seccomp", "signal=EPERM", "--"]).arg(bin());
    let run = util::run_with(cmd, &["--kill", "--json", &h.port.to_string()]);
    run.code(3).stderr_has("permission denied");
    // sudo is the advice only where it would change something.
    if nix::unistd::geteuid().is_root() {
        run.stderr_has("sudo would not help");
        assert!(!run.stderr.contains("run with sudo"), "{}", run.stderr);
    } else {
        run.stderr_has("run with sudo");
    }
    assert_eq!(actions(&run.json()), vec![(h.pid(), "SIGTERM".into(), "denied".into())]);
    assert!(alive(h.pid()));
}

/// Starts `portcheck --kill PORT` on a pseudo-terminal, lets `meanwhile`
/// run once the question is on screen, then answers "y".
fn kill_after_prompt(port: u16, meanwhile: impl FnOnce()) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    let slave = std::fs::File::from(pty.slave);
    let child = util::command()
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
    assert!(util::has(&out, &format!("pid {pid} (holder): exited before its signal")), "{out}");
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
        util::has(&out, &format!("pid {pid} (holder): not signalled: it let go of the socket")),
        "{out}"
    );
    assert!(alive(pid), "the new program in that pid was not hit");
}

#[test]
fn two_kills_at_once_signal_only_the_holders() {
    let h = Holder::start(&["--workers", "3", "--ignore-term"]);
    let mut bystander = Command::new("sleep").arg("30").spawn().unwrap();
    let run = |port: u16| {
        util::command()
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

#[test]
#[ignore = "needs root to hold one port as two users; .ci/run runs it"]
fn without_root_the_visible_co_holders_of_a_port_with_a_hidden_holder_are_spared() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let (dir, exe) = world_runnable_copy();
    let holder = dir.path.join("holder");
    util::install(&util::holder_bin(), &holder);
    // nobody's TCP listener, and root's UDP socket on the same port: to
    // nobody, the port has a holder it cannot see.
    let visible = Holder::start_cmd(as_user(65534, &holder), &[]);
    let port = visible.port.to_string();
    let _hidden = Holder::start(&["--udp", "--port", &port]);
    let run = util::run_with(as_user(65534, &exe), &["--kill", "--json", &port]);
    let v = run.json();
    assert!(alive(visible.pid()), "killed a co-holder of a port it cannot free: {}", run.stdout);
    let refused = v["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["pid"] == visible.pid())
        .unwrap_or_else(|| panic!("no action for the visible holder: {}", run.stdout));
    assert_eq!(refused["result"], "refused", "{refused}");
    assert!(refused["reason"].as_str().unwrap().contains("cannot be seen"), "{refused}");
    assert_ne!(run.code, Some(0), "the port is still held: {}", run.stdout);
}
