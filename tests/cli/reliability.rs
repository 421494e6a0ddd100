//! Churn, scale, fuzzed arguments, hostile text and broken environments.

use crate::util::{self, *};
use std::process::Command;

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
    table.stdout_has(r"$'\033[2J\033]0;pwned\007evil\342\200\256txt'");
    let json = portcheck(&["--json", &port]);
    let cmd = port_obj(&json.json(), h.port)["sockets"][0]["processes"][0]["command"].clone();
    assert!(cmd.as_array().unwrap().iter().any(|a| a == evil), "{cmd}");
}

/// The COMMAND column is a command line: with `--wide`, a POSIX shell
/// reads back from it exactly the holder's argv, whatever its words (`;`,
/// `$( )`, quotes, controls), and runs nothing else.
#[cfg(unix)]
#[test]
fn the_wide_command_column_pastes_back_as_the_holders_argv() {
    let dir = tempdir::Dir::new();
    let words = ["a;touch PWNED", "$(touch PWNED)", "x|y", "it's", "\x1b[2J\u{202e}", "#c", "A=b"];
    let mut args = Vec::new();
    for w in words {
        args.extend(["--label", w]);
    }
    let h = Holder::start(&args);
    let run = portcheck(&["--wide", &h.port.to_string()]);
    run.code(1);
    let bin = util::holder_bin();
    let bin = bin.to_str().unwrap();
    let line = run.stdout.lines().find_map(|l| l.split_once(bin)).map(|(_, rest)| rest);
    let line = line.unwrap_or_else(|| panic!("no command line in\n{}", run.stdout));
    assert!(!line.contains('\x1b') && !line.contains('\u{202e}'), "{line:?}");
    let script = format!("printf '%s\\0' {line}");
    let out = Command::new("bash").args(["-c", &script]).current_dir(&dir.path).output().unwrap();
    assert!(out.status.success(), "{script}");
    let mut want = Vec::new();
    for a in &args {
        want.extend_from_slice(a.as_bytes());
        want.push(0);
    }
    assert_eq!(String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&want), "{line}");
    assert!(!dir.path.join("PWNED").exists(), "{line}");
}

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

/// What one run read of /proc's fd directories, from strace.
struct DirReads {
    /// `N/fd` directories opened (relative to /proc, as the walk does).
    opened: usize,
    /// Of those, how many were opened more than once.
    repeated: usize,
    /// getdents64 calls, on any directory.
    listed: usize,
}

/// Runs portcheck under `strace -f -e trace=openat,getdents64` and counts
/// its directory reads. The processes are counted as the walk saw them
/// (the fd directories it opened), not at another moment: other suites
/// on the host start and end processes all the time.
fn counting_directory_reads(args: &[&str]) -> (util::Run, DirReads) {
    let dir = tempdir::Dir::new();
    let log = dir.path.join("strace");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-qq", "-e", "trace=openat,getdents64", "-o"]).arg(&log).arg("--");
    cmd.arg(util::bin());
    let run = util::run_with(cmd, args);
    let trace = std::fs::read_to_string(&log).expect("strace wrote its log");
    let mut dirs = std::collections::BTreeMap::<u32, usize>::new();
    let mut listed = 0;
    for line in trace.lines() {
        if line.contains("getdents64(") {
            listed += 1;
        } else if let Some((_, path)) = line.split_once("openat(") {
            let name = path.split('"').nth(1).unwrap_or("");
            if let Some(pid) = name.strip_suffix("/fd").and_then(|p| p.parse::<u32>().ok()) {
                *dirs.entry(pid).or_default() += 1;
            }
        }
    }
    let reads = DirReads {
        opened: dirs.values().sum(),
        repeated: dirs.values().filter(|&&n| n > 1).count(),
        listed,
    };
    (run, reads)
}

#[test]
#[ignore = "needs root for a private network namespace (ports 30000-39999); .ci/run runs it"]
fn ten_thousand_listeners_and_a_ten_thousand_port_range() {
    in_private_netns(|| {
        let h = Holder::start(&["--listeners", "10000", "--base", "30000"]);
        let (run, reads) = counting_directory_reads(&["--json", "-t", "-4", "30000-39999"]);
        run.code(1);
        let v = run.json();
        let ports = v["ports"].as_array().unwrap();
        assert_eq!(ports.len(), 10_000);
        assert!(ports.iter().all(|p| p["in_use"] == true), "every port held");
        assert!(ports.iter().all(|p| p["sockets"][0]["processes"][0]["pid"] == h.pid()));
        // One /proc walk opens each process's fd directory once and lists
        // it (getdents64 until it returns 0: about two calls each; the
        // holder's 10,000 fds take more); a walk per port would open them
        // 10,000 times. Counts, not a clock.
        assert!(reads.opened > 0, "the walk opened no fd directory");
        assert_eq!(reads.repeated, 0, "an fd directory was opened twice");
        assert!(
            reads.listed < 8 * (reads.opened + 50),
            "{} getdents64 for {} fd directories",
            reads.listed,
            reads.opened
        );
        let listing = portcheck(&["--json", "-t"]);
        listing.code(0);
        assert!(listing.json()["sockets"].as_array().unwrap().len() >= 10_000);
        // portcheck's own peak, from GNU time (getrusage of all children
        // would count the holder and every other test's processes too).
        let dir = tempdir::Dir::new();
        let out = dir.path.join("rss");
        let mut cmd = Command::new("/usr/bin/time");
        cmd.args(["-f", "%M", "-o"]).arg(&out).arg("--").arg(util::bin());
        util::run_with(cmd, &["--json", "-t", "-4", "30000-39999"]).code(1);
        // The last line: GNU time first notes the exit status 1.
        let text = std::fs::read_to_string(&out).unwrap();
        let peak_kib: u64 = text.lines().last().unwrap_or("").trim().parse().unwrap();
        assert!(peak_kib < 200 * 1024, "peak RSS of portcheck: {peak_kib} KiB");
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

/// Tokens a user might type, and garbage. `--kill` only ever comes with
/// `--dry-run` (added by the test): it must not stop anything.
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

#[test]
fn hundreds_of_random_argument_lists_never_crash() {
    use std::os::unix::process::ExitStatusExt;
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

/// The sock_diag requests of an `strace -y` log, as (family, protocol,
/// port, the state words it asks for).
fn sock_diag_requests(trace: &str) -> Vec<(String, String, String, Vec<String>)> {
    let field = |l: &str, name: &str| -> String {
        let rest = l.split(name).nth(1).unwrap_or("");
        rest.split([',', '}']).next().unwrap_or("").to_string()
    };
    trace
        .lines()
        .filter(|l| (l.contains("sendto(") || l.contains("sendmsg(")) && l.contains("SOCK_DIAG"))
        .map(|l| {
            let states = field(l, "idiag_states=").split('|').map(String::from).collect();
            (
                field(l, "sdiag_family="),
                field(l, "sdiag_protocol="),
                field(l, "idiag_sport="),
                states,
            )
        })
        .collect()
}

/// One read per fact, counted by strace (`-y` names the file each
/// `openat` opened), not timed: for `portcheck PORT` with a holder on
/// PORT, each of the holder's `/proc` files (`stat`, `status`, `cmdline`,
/// `environ`, `cgroup`, its fd table) is opened once, its threads'
/// directory never (its main thread runs), and no two sock_diag requests
/// ask for the same socket state of the same family, protocol and port
/// (the second look asks only what the first did not).
#[test]
fn each_holder_fact_is_read_once_and_no_socket_question_is_asked_twice() {
    let h = Holder::start(&[]);
    let pid = h.pid();
    let dir = tempdir::Dir::new();
    let log = dir.path.join("strace.txt");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-y", "-qq", "-e", "trace=openat,sendmsg,sendto", "-o"]).arg(&log);
    cmd.arg("--").arg(util::bin());
    util::run_with(cmd, &[&h.port.to_string()]).code(1).stdout_has(&pid.to_string());
    let trace = std::fs::read_to_string(&log).unwrap();
    let opened = |file: &str| {
        let shown = format!("</proc/{pid}/{file}>");
        trace.lines().filter(|l| l.contains("openat(") && l.contains(&shown)).count()
    };
    for file in ["stat", "status", "cmdline", "environ", "cgroup", "fd"] {
        assert_eq!(opened(file), 1, "/proc/{pid}/{file} opened {} times", opened(file));
    }
    assert_eq!(opened("task"), 0, "a live main thread's process needs no task read");
    let requests = sock_diag_requests(&trace);
    assert!(requests.len() >= 4, "first look: TCP and UDP over IPv4 and IPv6: {requests:?}");
    for (i, a) in requests.iter().enumerate() {
        for b in &requests[i + 1..] {
            let same_sockets = a.0 == b.0 && a.1 == b.1 && a.2 == b.2;
            let twice: Vec<&String> = a.3.iter().filter(|s| b.3.contains(s)).collect();
            assert!(!same_sockets || twice.is_empty(), "{twice:?} asked twice: {a:?} and {b:?}");
        }
    }
}
