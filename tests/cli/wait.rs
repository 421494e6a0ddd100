//! `--wait-free`, `--wait-listen` and the CI recipe of docs/ci.md.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn wait_free_returns_once_the_holder_exits() {
    let h = Holder::start(&[]);
    let port = h.port.to_string();
    let mut child = util::command()
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
    // Well before its 20 s deadline (a wide margin for a busy machine).
    assert!(started.elapsed() < std::time::Duration::from_secs(15), "prompt return");
    assert!(util::has(&String::from_utf8_lossy(&out.stdout), "is free"));
}

#[test]
fn wait_free_times_out_on_a_persistent_holder() {
    let h = Holder::start(&[]);
    let started = std::time::Instant::now();
    let run = portcheck(&["--wait-free", "400ms", &h.port.to_string()]);
    run.code(1).stdout_has(&format!("still held by pid {}", h.pid()));
    let took = started.elapsed();
    assert!(took >= std::time::Duration::from_millis(400), "{took:?}");
    // It gave up at its deadline instead of waiting on (a wide margin).
    assert!(took < std::time::Duration::from_secs(15), "kept to its deadline: {took:?}");
    portcheck(&["-q", "--wait-free", "100ms", &h.port.to_string()]).code(1);
}

#[test]
fn wait_listen_sees_a_late_server_on_ipv6_loopback() {
    let (port, held) = hold_block(1);
    drop(held);
    let mut child = util::command()
        .args(["--wait-listen", "20s", "--json", &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(child.try_wait().unwrap().is_none(), "returned before anything listened");
    let h = Holder::start(&["--addr", "::1", "--port", &port.to_string()]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    // It waited: the server came 1 s after the spawn (portcheck's own
    // clock starts a little later, more so on a busy machine: 900 ms of
    // margin over the 100 asked).
    assert!(v["waited_ms"].as_u64().unwrap() >= 100, "{v}");
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

/// The shell recipe of docs/ci.md, extracted verbatim.
fn ci_recipe() -> (tempdir::Dir, std::path::PathBuf) {
    ci_script("preflight.sh")
}

/// The script under `<!-- test: NAME -->` in docs/ci.md, written to a file.
fn ci_script(name: &str) -> (tempdir::Dir, std::path::PathBuf) {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md")).unwrap();
    let marker = format!("<!-- test: {name} -->");
    let after = doc.split(&marker).nth(1).expect("marker in docs/ci.md");
    let body = after.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    let dir = tempdir::Dir::new();
    let script = dir.path.join(name);
    std::fs::write(&script, body).unwrap();
    (dir, script)
}

#[test]
fn ci_wait_recipe_starts_a_server_and_waits() {
    let (_dir, script) = ci_script("wait.sh");
    let out = run_recipe(&script, &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    let port: u16 = text
        .trim()
        .strip_prefix("server up on port ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(port >= 8000);
}

fn run_recipe(script: &std::path::Path, ports: &[String]) -> std::process::Output {
    let bin_dir = util::bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut sh = Command::new("sh");
    util::lang_env(&mut sh).arg(script).args(ports).env("PATH", path).output().unwrap()
}

#[test]
fn ci_shell_recipe_fails_naming_the_holder() {
    let (_dir, script) = ci_recipe();
    let h = Holder::start(&[]);
    let out = run_recipe(&script, &[h.port.to_string(), free_port().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        util::has(&err, "a port is taken")
            && err.contains(&h.pid().to_string())
            && util::has(&err, "holder"),
        "{err}"
    );
}

#[test]
fn ci_shell_recipe_passes_on_free_ports() {
    let (_dir, script) = ci_recipe();
    let out = run_recipe(&script, &[free_port().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(util::has(&String::from_utf8_lossy(&out.stdout), "are free"));
    let bad = run_recipe(&script, &["0".to_string()]);
    assert_eq!(bad.status.code(), Some(2));
    // No PORT: a usage line, not "ports  are free".
    let none = run_recipe(&script, &[]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).starts_with("usage: preflight.sh PORT..."));
    assert!(none.stdout.is_empty(), "{}", String::from_utf8_lossy(&none.stdout));
}

#[test]
fn wait_free_does_not_count_a_bound_socket_as_free() {
    let h = Holder::start(&["--no-listen"]);
    portcheck(&["--wait-free", "300ms", &h.port.to_string()]).code(1).stdout_has("still held");
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

/// The number of sendmsg/sendto calls in an `strace -c` summary.
fn sends(summary: &str) -> u64 {
    summary
        .lines()
        .filter(|l| l.ends_with(" sendmsg") || l.ends_with(" sendto"))
        .filter_map(|l| l.split_whitespace().nth(3)?.parse::<u64>().ok())
        .sum()
}

#[test]
fn a_long_wait_backs_off_to_a_few_polls_a_second() {
    let (port, held) = hold_block(1);
    drop(held);
    let p = port.to_string();
    // 3 s with nothing listening: 25 ms rising to 250 ms is about 17 reads
    // of the socket table; a fixed 25 ms would be about 110.
    let run = portcheck(&["--json", "--wait-listen", "3s", &p]);
    run.code(1);
    let polls = run.json()["polls"].as_u64().expect("polls");
    assert!((8..=30).contains(&polls), "{polls} polls in 3 s");
    // What the kernel saw, where strace is installed: a few netlink
    // requests per poll, not hundreds.
    if std::process::Command::new("strace").arg("-V").output().is_ok() {
        let dir = tempdir::Dir::new();
        let out = dir.path.join("strace.txt");
        let status = std::process::Command::new("strace")
            .args(["-c", "-f", "-e", "trace=sendto,sendmsg", "-o"])
            .arg(&out)
            .arg(util::bin())
            .args(["-q", "--wait-listen", "3s", &p])
            .status()
            .expect("strace");
        assert_eq!(status.code(), Some(1));
        let n = sends(&std::fs::read_to_string(&out).unwrap());
        assert!((8..=200).contains(&n), "{n} netlink requests in 3 s");
    }
}
