//! Paste-safe advice against hostile names: a holder moved into a cgroup
//! whose name an attacker chose (any user can create cgroups below their
//! delegated `user@UID.service` subtree) gets no command built from that
//! name, and a grammar-valid system name below a user's manager is that
//! user's unit, never the system's.
//!
//! portcheck reads the unit from `/proc/PID/cgroup` (its `0::` line, the
//! cgroup2 hierarchy; `name=systemd` on a v1-only host). These tests make
//! that line real: a directory under the cgroup2 mount (found in
//! `/proc/self/mountinfo`, `/sys/fs/cgroup/unified` on a hybrid host)
//! and the holder's pid written to its `cgroup.procs`.

use crate::util::*;
use std::path::PathBuf;

/// The cgroup2 mount point, from `/proc/self/mountinfo`.
fn cgroup2_mount() -> PathBuf {
    let info = std::fs::read_to_string("/proc/self/mountinfo").expect("mountinfo");
    info.lines()
        .find_map(|l| {
            let (pre, post) = l.split_once(" - ")?;
            (post.split_whitespace().next() == Some("cgroup2"))
                .then(|| PathBuf::from(pre.split_whitespace().nth(4).unwrap()))
        })
        .expect("no cgroup2 mount: these tests need one")
}

/// A cgroup made for one test below the cgroup2 mount, with a holder moved
/// into `rel` below it; on drop the holder goes back to the root cgroup
/// and the directories are removed, deepest first.
pub(crate) struct Cgroup {
    mount: PathBuf,
    dirs: Vec<PathBuf>,
    pid: u32,
}

impl Cgroup {
    pub(crate) fn enter(pid: u32, rel: &str) -> Cgroup {
        let mount = cgroup2_mount();
        // A slice, as systemd names the cgroups above a unit.
        let top = format!("portcheck-test-{}-{pid}.slice", std::process::id());
        let mut dirs = Vec::new();
        let mut dir = mount.join(&top);
        std::fs::create_dir(&dir).expect("mkdir in the cgroup2 mount (root, writable?)");
        dirs.push(dir.clone());
        for part in rel.split('/') {
            dir = dir.join(part);
            std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("mkdir {part:?}: {e}"));
            dirs.push(dir.clone());
        }
        std::fs::write(dir.join("cgroup.procs"), pid.to_string()).expect("move the holder");
        let line = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap();
        assert!(line.contains(&format!("0::/{top}/{rel}\n")), "{line}");
        Cgroup { mount, dirs, pid }
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        let _ = std::fs::write(self.mount.join("cgroup.procs"), self.pid.to_string());
        for d in self.dirs.iter().rev() {
            let _ = std::fs::remove_dir(d);
        }
    }
}

#[test]
#[ignore = "needs root and a writable cgroup2 mount to move a holder into a cgroup; .ci/run runs it"]
fn a_hostile_unit_name_from_a_cgroup_becomes_no_command() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    for name in ["evil;touch${IFS}PWNED;.service", "a\u{1b}]0;X\u{7}$(id)b.service"] {
        let h = Holder::start(&[]);
        let _cg = Cgroup::enter(h.pid(), &format!("system.slice/{name}"));
        let port = h.port.to_string();
        let text = portcheck(&[&port]);
        text.code(1);
        let out = &text.stdout;
        // The name is said (escaped), with the listing to find the real
        // unit; no line stops it by that name.
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("is not a valid systemd unit name"), "{out}");
        assert!(out.contains("\n      systemctl list-units --type=service\n"), "{out}");
        let commands = out
            .lines()
            .map(str::trim)
            .filter(|l| ["sudo ", "systemctl ", "portcheck "].iter().any(|c| l.starts_with(c)));
        for line in commands {
            assert!(
                ["systemctl list-units --type=service"].contains(&line)
                    || line.starts_with("portcheck --kill "),
                "{line:?} in\n{out}"
            );
        }
        let kill = portcheck(&["--kill", "--json", &port]);
        kill.code(1);
        let v = kill.json();
        assert_eq!(actions(&v), vec![(h.pid(), String::new(), "refused".into())]);
        let a = &v["actions"][0];
        assert_eq!(a["stop"], "systemctl list-units --type=service", "{a}");
        assert_eq!(
            a["stop_argv"],
            serde_json::json!(["systemctl", "list-units", "--type=service"])
        );
        assert!(a["stop_note"].as_str().unwrap().contains(name), "{a}");
        assert!(alive(h.pid()));
    }
}

#[test]
#[ignore = "needs root and a writable cgroup2 mount to move a holder into a cgroup; .ci/run runs it"]
fn a_system_name_below_a_users_manager_is_that_users_unit() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let h = Holder::start(&[]);
    let rel = "user.slice/user-1000.slice/user@1000.service/app.slice/sshd.service";
    let _cg = Cgroup::enter(h.pid(), rel);
    let user = nix::unistd::User::from_uid(1000.into())
        .ok()
        .flatten()
        .map_or_else(|| "1000".to_string(), |u| u.name);
    let port = h.port.to_string();
    let text = portcheck(&[&port]);
    text.code(1);
    text.stdout_has(&format!("sshd.service of user {user} (uid 1000)"));
    text.stdout_has(&format!("\n    systemctl --user -M {user}@ stop sshd.service\n"));
    assert!(!text.stdout.contains("sudo systemctl"), "{}", text.stdout);
    let kill = portcheck(&["--kill", "--json", &port]);
    kill.code(1);
    let a = &kill.json()["actions"][0];
    assert_eq!(a["result"], "refused");
    let reason = a["reason"].as_str().unwrap();
    assert!(reason.contains(&format!("sshd.service of user {user}")), "{reason}");
    assert_eq!(
        a["stop_argv"],
        serde_json::json!([
            "systemctl",
            "--user",
            "-M",
            format!("{user}@"),
            "stop",
            "sshd.service"
        ])
    );
    assert!(alive(h.pid()));
}

/// Below a unit, names are the unit's own (`Delegate=`, a container's
/// cgroup namespace): a holder in `runner.service/sshd.service` is
/// runner.service's, and one below a container's scope is in no unit.
#[test]
#[ignore = "needs root and a writable cgroup2 mount to move a holder into a cgroup; .ci/run runs it"]
fn a_name_below_a_unit_is_that_units() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let h = Holder::start(&[]);
    let port = h.port.to_string();
    {
        let _cg = Cgroup::enter(h.pid(), "system.slice/runner.service/sshd.service");
        let text = portcheck(&[&port]);
        text.code(1);
        text.stdout_has("\n    sudo systemctl stop runner.service\n");
        assert!(!text.stdout.contains("sshd"), "{}", text.stdout);
        let kill = portcheck(&["--kill", "--json", &port]);
        kill.code(1);
        let a = &kill.json()["actions"][0];
        assert_eq!(
            a["stop_argv"],
            serde_json::json!(["sudo", "systemctl", "stop", "runner.service"])
        );
        assert!(a["reason"].as_str().unwrap().contains("runner.service"), "{a}");
    }
    let scope =
        format!("system.slice/docker-{}.scope/sshd.service", "3f4e8c0a9b1d".repeat(5) + "3f4e");
    let _cg = Cgroup::enter(h.pid(), &scope);
    let text = portcheck(&[&port]);
    text.code(1);
    assert!(!text.stdout.contains("sshd") && !text.stdout.contains("systemctl"), "{}", text.stdout);
    let dry = portcheck(&["--kill", "--dry-run", "--json", &port]);
    assert_eq!(dry.json()["actions"][0]["result"], "dry_run", "{}", dry.stdout);
    assert!(alive(h.pid()));
}

/// An nspawn machine's cgroup names it as systemd escapes it
/// (`systemd-nspawn@my\x2dbox.service`): the stop line names the machine
/// as machinectl knows it, `my-box`.
#[test]
#[ignore = "needs root for a pid namespace and a writable cgroup2 mount; .ci/run runs it"]
fn an_nspawn_machine_is_stopped_by_its_unescaped_name() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let init = crate::kill_safety::NamespaceInit::start();
    let rel = r"machine.slice/systemd-nspawn@my\x2dbox.service/payload";
    let _cg = Cgroup::enter(init.pid, rel);
    let run = portcheck(&["--kill", "--json", &init.port.to_string()]);
    run.code(1);
    let a = &run.json()["actions"][0];
    assert_eq!(a["result"], "refused", "{a}");
    assert_eq!(a["stop_argv"], serde_json::json!(["machinectl", "stop", "my-box"]), "{a}");
    assert!(a["reason"].as_str().unwrap().contains("systemd-nspawn container my-box"), "{a}");
    assert!(alive(init.pid));
}

/// The user database is outside text too (NSS, LDAP): a user whose name
/// cannot be a word owns a unit below `user@UID.service`; the stop line is
/// the one that user runs, `systemctl --user stop UNIT`, and the name is
/// only said, escaped. portcheck reads a copy of `/etc/passwd` with that
/// user, bind-mounted in a private mount namespace.
#[test]
#[ignore = "needs root: a writable cgroup2 mount and a bind mount over /etc/passwd in a private mount namespace; .ci/run runs it"]
fn a_user_name_that_cannot_be_a_word_is_in_no_command() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let dir = tempdir::Dir::new();
    let name = "a\u{1b}]0;X\u{7};id";
    let mut passwd = std::fs::read_to_string("/etc/passwd").unwrap();
    passwd.push_str(&format!("{name}:x:4242:4242::/nonexistent:/bin/false\n"));
    let copy = dir.path.join("passwd");
    std::fs::write(&copy, passwd).unwrap();
    let h = Holder::start(&[]);
    let rel = "user.slice/user-4242.slice/user@4242.service/app.slice/dev.service";
    let _cg = Cgroup::enter(h.pid(), rel);
    let script = format!(
        "mount --bind '{}' /etc/passwd || exit 99; exec '{}' \"$@\"",
        copy.display(),
        bin().display()
    );
    let run = |args: &[&str]| {
        let mut cmd = std::process::Command::new("unshare");
        cmd.args(["-m", "--propagation", "private", "sh", "-c", &script, "sh"]);
        run_with(cmd, args)
    };
    let port = h.port.to_string();
    let text = run(&[&port]);
    text.code(1);
    assert!(!text.stdout.contains('\u{1b}') && !text.stdout.contains('\u{7}'), "{:?}", text.stdout);
    text.stdout_has("\n      systemctl --user stop dev.service\n");
    text.stdout_has(r"whose user name (a\e]0;X\x07;id) is put in no command");
    assert!(!text.stdout.contains(" -M "), "{}", text.stdout);
    let kill = run(&["--kill", "--json", &port]);
    kill.code(1);
    let a = &kill.json()["actions"][0];
    assert_eq!(a["stop_argv"], serde_json::json!(["systemctl", "--user", "stop", "dev.service"]));
    assert!(a["stop_note"].as_str().unwrap().contains(name), "{a}");
    assert!(alive(h.pid()));
}
