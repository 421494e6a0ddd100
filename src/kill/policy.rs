//! The one decision "may portcheck signal this holder?", and the commands
//! that stop what it refuses.

use crate::process::Unit;
use crate::report::ProcessReport;

/// Who portcheck is, for the rules that protect it and its callers.
#[derive(Clone, Debug)]
pub(crate) struct Me {
    pub(crate) pid: u32,
    /// Parent first, up to PID 1: the shell, `timeout`, `sudo`, the
    /// editor's terminal… none of them is ever signalled.
    pub(crate) ancestors: Vec<u32>,
    /// The systemd service portcheck runs in: its holders are fair game
    /// (a CI job stopping its own server).
    pub(crate) unit: Option<Unit>,
}

impl Me {
    pub(crate) fn current() -> Me {
        let pid = std::process::id();
        Me { pid, ancestors: crate::process::ancestors(pid), unit: crate::process::unit(pid) }
    }
}

/// What the policy says of one holder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Signal it.
    Signal,
    /// Leave it alone: why, and the command that stops it for good.
    Refuse { reason: String, stop: Option<String> },
}

/// Processes that exist to forward a container's published port: killing
/// them breaks the container's networking (and the engine restarts them).
const CONTAINER_FORWARDERS: &[&str] =
    &["docker-proxy", "rootlessport", "rootlessport-child", "pasta", "slirp4netns"];

/// Decides for `p`, a holder of `port`. `--force` does not override a
/// refusal.
pub(crate) fn decide(p: &ProcessReport, port: u16, me: &Me) -> Verdict {
    let refuse = |reason: String, stop: Option<String>| Verdict::Refuse { reason, stop };
    if p.pid == 1 {
        let stop = match socket_unit(port) {
            Some(unit) => format!("sudo systemctl stop {unit}"),
            None => format!(
                "systemctl list-sockets | grep ':{port}'   # then: sudo systemctl stop <unit>.socket"
            ),
        };
        return refuse(
            "PID 1 (the init system) holds it: systemd socket activation".into(),
            Some(stop),
        );
    }
    if p.pid == me.pid {
        return refuse("this is portcheck itself".into(), None);
    }
    if me.ancestors.first() == Some(&p.pid) {
        return refuse(
            "this is portcheck's parent (the shell or program that ran portcheck)".into(),
            None,
        );
    }
    if me.ancestors.contains(&p.pid) {
        return refuse(
            "this is an ancestor of portcheck (a program that runs the shell that ran portcheck)"
                .into(),
            None,
        );
    }
    if CONTAINER_FORWARDERS.iter().any(|f| p.name.starts_with(f)) {
        let engine = if p.name == "docker-proxy" { "docker" } else { "podman" };
        return refuse(
            format!("{} forwards the port of a container", p.name),
            Some(format!(
                "{engine} ps --filter publish={port}   # then: {engine} stop <container>"
            )),
        );
    }
    if let Some(unit) = &p.unit
        && me.unit.as_ref() != Some(unit)
    {
        return refuse(
            format!("part of systemd unit {}: systemd would restart it", unit.name),
            Some(unit_stop(unit)),
        );
    }
    // What only this platform has (kill/holders/).
    if let Some(verdict) = super::holders::decide(p, port) {
        return verdict;
    }
    Verdict::Signal
}

/// The command that stops a systemd service for good.
pub(crate) fn unit_stop(unit: &Unit) -> String {
    if unit.user {
        format!("systemctl --user stop {}", unit.name)
    } else {
        format!("sudo systemctl stop {}", unit.name)
    }
}

/// The systemd socket unit listening on `port`, from `systemctl
/// list-sockets` (asked only when PID 1 holds a port).
fn socket_unit(port: u16) -> Option<String> {
    let out = std::process::Command::new("systemctl")
        .args(["list-sockets", "--all", "--no-legend", "--no-pager", "--plain"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    socket_unit_in(&String::from_utf8_lossy(&out.stdout), port)
}

/// Finds the unit of `port` in `systemctl list-sockets` output:
/// `[::]:631  cups.socket  cups.service`.
fn socket_unit_in(listing: &str, port: u16) -> Option<String> {
    let suffix = format!(":{port}");
    listing.lines().find_map(|line| {
        let mut f = line.split_whitespace();
        let listen = f.next()?;
        let unit = f.next()?;
        (listen.ends_with(&suffix) && unit.ends_with(".socket")).then(|| unit.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::unit_of;

    pub(crate) fn proc(pid: u32, name: &str) -> ProcessReport {
        ProcessReport {
            pid,
            ppid: Some(1),
            name: name.into(),
            user: None,
            command: vec![name.into()],
            started: None,
            hint: None,
            parent_name: None,
            parents: vec![],
            unit: None,
        }
    }

    fn me() -> Me {
        Me { pid: 4242, ancestors: vec![4241, 4000, 1], unit: None }
    }

    fn refused(v: Verdict) -> (String, Option<String>) {
        match v {
            Verdict::Refuse { reason, stop } => (reason, stop),
            Verdict::Signal => panic!("not refused"),
        }
    }

    #[test]
    fn refuses_pid_1_itself_and_its_ancestors() {
        let me = me();
        assert!(refused(decide(&proc(1, "systemd"), 80, &me)).0.contains("PID 1"));
        assert!(refused(decide(&proc(4242, "portcheck"), 80, &me)).0.contains("itself"));
        assert!(refused(decide(&proc(4241, "bash"), 80, &me)).0.contains("parent"));
        assert!(refused(decide(&proc(4000, "timeout"), 80, &me)).0.contains("ancestor"));
        assert_eq!(decide(&proc(5000, "python3"), 80, &me), Verdict::Signal);
    }

    #[test]
    fn refuses_container_forwarders_with_the_stop_command() {
        let (_, stop) = refused(decide(&proc(900, "docker-proxy"), 5432, &me()));
        assert!(stop.unwrap().contains("docker ps --filter publish=5432"));
        assert!(matches!(decide(&proc(901, "rootlessport"), 8080, &me()), Verdict::Refuse { .. }));
    }

    #[test]
    fn refuses_systemd_services_but_not_scopes() {
        let with_unit =
            |pid, name, cgroup: &str| ProcessReport { unit: unit_of(cgroup), ..proc(pid, name) };
        let nginx = with_unit(700, "nginx", "0::/system.slice/nginx.service\n");
        let (_, stop) = refused(decide(&nginx, 80, &me()));
        assert_eq!(stop.as_deref(), Some("sudo systemctl stop nginx.service"));
        let user = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/dev.service\n";
        let (_, stop) = refused(decide(&with_unit(701, "node", user), 3000, &me()));
        assert_eq!(stop.as_deref(), Some("systemctl --user stop dev.service"));
        let term = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-Terminal.slice/vte-spawn-1.scope\n";
        assert_eq!(decide(&with_unit(702, "python3", term), 5000, &me()), Verdict::Signal);
        let v1 = "9:name=systemd:/system.slice/cups.service\n0::/\n";
        assert_eq!(unit_of(v1).unwrap().name, "cups.service");
        // A holder in portcheck's own unit (a CI job's service) is fair game.
        let ci = "0::/system.slice/ci-runner.service\n";
        let mine = Me { unit: unit_of(ci), ..me() };
        assert_eq!(decide(&with_unit(703, "python3", ci), 5000, &mine), Verdict::Signal);
    }

    #[test]
    fn finds_the_socket_unit_of_a_port() {
        let listing = "[::]:631 cups.socket cups.service\n0.0.0.0:80 nginx.socket nginx.service\n/run/x.sock x.socket x.service\n";
        assert_eq!(socket_unit_in(listing, 631).as_deref(), Some("cups.socket"));
        assert_eq!(socket_unit_in(listing, 80).as_deref(), Some("nginx.socket"));
        assert_eq!(socket_unit_in(listing, 8080), None);
    }
}
