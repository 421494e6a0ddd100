//! The one decision "may portcheck signal this holder?", and the commands
//! that stop what it refuses.

use crate::i18n::msg;
use crate::process::{Runtime, Sandbox, Unit};
use crate::report::refusal::{id_words, pod_words};
use crate::report::{ProcessReport, Refusal};
use crate::shell::{Command, Step};

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
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Verdict {
    /// Signal it.
    Signal,
    /// Leave it alone: why, and how to stop it for good.
    Refuse { reason: Refusal, stop: Option<Step> },
}

/// Processes that exist to forward a container's published port: killing
/// them breaks the container's networking (and the engine restarts them).
/// Matched by exact name (`pastaserver` is not `pasta`).
const CONTAINER_FORWARDERS: &[&str] =
    &["docker-proxy", "rootlessport", "rootlessport-child", "pasta", "pasta.avx2", "slirp4netns"];

/// How long a Linux process name (`comm`) can be: longer names are cut.
const COMM_LEN: usize = 15;

/// Whether `name` is exactly `forwarder`, or its name cut to `comm`'s
/// 15 bytes (`rootlessport-child` shows as `rootlessport-ch`).
fn is_forwarder(name: &str) -> bool {
    CONTAINER_FORWARDERS.iter().any(|f| {
        name == *f || (name.len() == COMM_LEN && f.len() > COMM_LEN && f.starts_with(name))
    })
}

/// Decides for `p`, a holder of `port`, by whether the scan found it a
/// container's init. `--force` does not override a refusal.
pub(crate) fn decide(p: &ProcessReport, port: u16, me: &Me) -> Verdict {
    decide_with(p, port, me, p.sandbox.as_ref())
}

/// Refuses `p`, whose only tie to `port` is a connection (`state`): a
/// client such as a browser or ssh, not a server.
pub(crate) fn connection_only(p: &ProcessReport, port: u16, state: crate::net::State) -> Verdict {
    Verdict::Refuse {
        reason: Refusal::Client { port, state },
        stop: Some(Step::explained(
            msg!("policy-close-connection", name = &p.name),
            Command::new(["kill".to_string(), p.pid.to_string()]),
        )),
    }
}

/// [`decide`], with `init` saying whether `p` is PID 1 of a pid namespace
/// below portcheck's (a container, a sandbox) and what runs it.
pub(crate) fn decide_with(
    p: &ProcessReport,
    port: u16,
    me: &Me,
    init: Option<&Sandbox>,
) -> Verdict {
    let refuse = |reason: Refusal, stop: Option<Step>| Verdict::Refuse { reason, stop };
    if let Some(sandbox) = init {
        // From outside, a namespace's init gets SIGKILL whatever it
        // handles: that ends the container and everything in it.
        let reason = Refusal::NamespaceInit {
            sandbox: sandbox.clone(),
            ppid: p.ppid,
            parent: p.parent_name.clone(),
        };
        return refuse(reason, Some(sandbox_stop(p, sandbox)));
    }
    if p.pid == 1 && !crate::hint::is_systemd(&p.name, &p.command) {
        return refuse(
            Refusal::ContainerMain,
            Some(Step::explained(msg!("policy-container-main"), Command::new(["docker", "ps"]))),
        );
    }
    if p.pid == 1 {
        return refuse(Refusal::InitSystem, Some(socket_stop(port, socket_unit(port))));
    }
    if p.pid == me.pid {
        return refuse(Refusal::PortcheckItself, None);
    }
    if me.ancestors.first() == Some(&p.pid) {
        return refuse(Refusal::PortcheckParent, None);
    }
    if me.ancestors.contains(&p.pid) {
        return refuse(Refusal::PortcheckAncestor, None);
    }
    if is_forwarder(&p.name) {
        let engine = if p.name == "docker-proxy" { "docker" } else { "podman" };
        return refuse(
            Refusal::ContainerForwarder { name: p.name.clone() },
            Some(published_by(engine, port)),
        );
    }
    if let Some(unit) = &p.unit
        && me.unit.as_ref() != Some(unit)
    {
        let reason = Refusal::SystemdUnit {
            unit: unit.name.clone(),
            uid: unit.user,
            user: unit.user.and_then(crate::process::user_name),
        };
        return refuse(reason, Some(unit_stop(unit)));
    }
    // After the unit: a code-server run by systemd is stopped there.
    if crate::hint::is_vscode(&p.name, &p.command) {
        return refuse(
            Refusal::Vscode { name: p.name.clone(), port },
            Some(Step::say(msg!("policy-vscode", port = port))),
        );
    }
    // What only this platform has (kill/holders/).
    if let Some(verdict) = super::holders::decide(p, port) {
        return verdict;
    }
    Verdict::Signal
}

/// The lookup for a container that publishes `port`, and what to do
/// with the name it shows.
pub(crate) fn published_by(engine: &str, port: u16) -> Step {
    Step::explained(
        msg!("policy-published-by", port = port, engine = engine),
        Command::new([
            engine.to_string(),
            "ps".into(),
            "--filter".into(),
            format!("publish={port}"),
        ]),
    )
}

/// How to stop the pid namespace `p` is the init of (the refusal's
/// sentence names it). Names from the cgroup path become words only when
/// they fit their engine's grammar (`names`); else the name is shown
/// escaped with the command that lists the real ones.
pub(crate) fn sandbox_stop(p: &ProcessReport, s: &Sandbox) -> Step {
    let id = id_words(s);
    let container = |engine: &str, stop: &[&str], list: &[&str]| match s
        .id
        .as_deref()
        .filter(|i| crate::names::container_id(i))
    {
        Some(i) => Step::run(Command::new(stop.iter().copied().chain([i]))),
        None => Step::explained(
            msg!("policy-find-container", stop = engine),
            Command::new(list.iter().copied()),
        ),
    };
    let machine = |stop: &[&str], also: Option<crate::i18n::Msg>, list: &[&str]| match s
        .id
        .as_deref()
        .filter(|n| crate::names::machine(n))
    {
        Some(n) => {
            let cmd = Command::new(stop.iter().copied().chain([n]));
            match also {
                Some(also) => Step::explained(also, cmd),
                None => Step::run(cmd),
            }
        }
        None => Step::explained(
            msg!("policy-invalid-name", id = &id, stop = stop.join(" ")),
            Command::new(list.iter().copied()),
        ),
    };
    match &s.runtime {
        Some(Runtime::Docker) => container("docker stop", &["docker", "stop"], &["docker", "ps"]),
        Some(Runtime::Podman) => container("podman stop", &["podman", "stop"], &["podman", "ps"]),
        Some(Runtime::Containerd) => {
            container("nerdctl stop", &["nerdctl", "stop"], &["nerdctl", "ps"])
        }
        Some(Runtime::CriO) => container("crictl stop", &["crictl", "stop"], &["crictl", "ps"]),
        Some(Runtime::Kubernetes { pod }) => kubernetes(pod.as_deref()),
        Some(Runtime::Lxc) => {
            let also = s.id.as_deref().map(|n| msg!("policy-lxc", name = n));
            machine(&["lxc-stop", "-n"], also, &["lxc-ls", "--running"])
        }
        Some(Runtime::Nspawn) => machine(&["machinectl", "stop"], None, &["machinectl", "list"]),
        None => Step::explained(
            msg!("policy-sandbox"),
            Command::new(["kill".to_string(), "-KILL".into(), p.pid.to_string()]),
        ),
    }
}

/// A Kubernetes pod's container: the pods with their uids, to find the
/// workload that owns it (a deleted pod is started again).
fn kubernetes(pod: Option<&str>) -> Step {
    let uid = pod_words(pod);
    Step::explained(
        msg!("policy-kubernetes", uid = uid),
        Command::new([
            "kubectl",
            "get",
            "pods",
            "-A",
            "-o",
            "custom-columns=NS:.metadata.namespace,NAME:.metadata.name,UID:.metadata.uid",
        ]),
    )
}

/// How to stop a systemd service for good: `sudo systemctl stop UNIT` for
/// the system's, `systemctl --user -M USER@ stop UNIT` for a unit of a
/// user's instance (never the system unit of the same name). A name
/// outside systemd.unit(5)'s grammar is shown escaped with the lookup.
pub(crate) fn unit_stop(unit: &Unit) -> Step {
    unit_stop_as(unit, unit.user_name())
}

/// [`unit_stop`], with `user` the name of the user whose instance runs it.
/// A user name that cannot be a word (`names::user`) is said, and the
/// command is one that user runs: `systemctl --user stop UNIT`.
fn unit_stop_as(unit: &Unit, user: Option<String>) -> Step {
    let valid = crate::names::unit(&unit.name);
    if let (Some(name), Some(uid)) = (&user, unit.user)
        && !crate::names::user(name)
    {
        return if valid {
            Step::explained(
                msg!("policy-user-instance-run", uid = uid, user = name),
                Command::new(["systemctl", "--user", "stop", &unit.name]),
            )
        } else {
            Step::explained(
                msg!("policy-user-instance-invalid", uid = uid, user = name, unit = &unit.name),
                Command::new(["systemctl", "--user", "list-units", "--type=service"]),
            )
        };
    }
    if !valid {
        // `whose` is said in the sentence as the words of a command: the
        // line this shell reads back as them (a user name may end in `$`).
        let (list, whose) = match &user {
            Some(user) => {
                let m = format!("{user}@");
                let cmd = ["systemctl", "--user", "-M", &m, "list-units", "--type=service"];
                (Command::new(cmd), Command::new(["systemctl", "--user", "-M", &m]))
            }
            None => (
                Command::new(["systemctl", "list-units", "--type=service"]),
                Command::new(["sudo", "systemctl"]),
            ),
        };
        let whose = whose.render(crate::shell::here());
        return Step::explained(
            msg!("policy-invalid-unit", unit = &unit.name, whose = whose),
            list,
        );
    }
    match user {
        Some(user) => Step::run(Command::new([
            "systemctl",
            "--user",
            "-M",
            &format!("{user}@"),
            "stop",
            &unit.name,
        ])),
        None => Step::run(Command::new(["sudo", "systemctl", "stop", &unit.name])),
    }
}

/// How to stop the socket unit that makes PID 1 hold `port`: by its name
/// when `systemctl list-sockets` gave a valid one, else the listing.
fn socket_stop(port: u16, unit: Option<String>) -> Step {
    match unit {
        Some(u) => Step::run(Command::new(["sudo", "systemctl", "stop", &u])),
        None => Step::explained(
            msg!("policy-socket-unit", port = port),
            Command::new(["systemctl", "list-sockets", "--all"]),
        ),
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
        // A name systemd.unit(5) allows, or none: the listing is read from
        // a `systemctl` found on `$PATH`.
        (listen.ends_with(&suffix) && unit.ends_with(".socket") && crate::names::unit(unit))
            .then(|| unit.to_string())
    })
}

#[cfg(test)]
impl Verdict {
    /// A refusal's sentence and its stop as one string (`Step::shown`),
    /// for the rules' tests; `None` for `Signal`.
    pub(crate) fn refusal(self) -> Option<(String, String)> {
        match self {
            Verdict::Refuse { reason, stop } => {
                Some((reason.to_string(), stop.map(|s| s.shown()).unwrap_or_default()))
            }
            Verdict::Signal => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::unit_of;

    pub(crate) fn proc(pid: u32, name: &str) -> ProcessReport {
        ProcessReport::bare(pid, name)
    }

    fn me() -> Me {
        Me { pid: 4242, ancestors: vec![4241, 4000, 1], unit: None }
    }

    /// The refusal's sentence and its stop as one string: `NOTE: COMMAND`,
    /// the command, or the sentence.
    fn refused(v: Verdict) -> (String, Option<String>) {
        match v {
            Verdict::Refuse { reason, stop } => (reason.to_string(), stop.map(|s| s.shown())),
            Verdict::Signal => panic!("not refused"),
        }
    }

    /// The refusal itself, as data.
    fn reason(v: Verdict) -> Refusal {
        match v {
            Verdict::Refuse { reason, .. } => reason,
            Verdict::Signal => panic!("not refused"),
        }
    }

    #[test]
    fn refuses_pid_1_itself_and_its_ancestors() {
        let me = me();
        assert_eq!(reason(decide(&proc(1, "systemd"), 80, &me)), Refusal::InitSystem);
        assert_eq!(reason(decide(&proc(1, "node"), 80, &me)), Refusal::ContainerMain);
        let (_, stop) = refused(decide(&proc(1, "node"), 80, &me));
        assert!(!stop.unwrap().contains("systemctl"));
        assert_eq!(reason(decide(&proc(4242, "portcheck"), 80, &me)), Refusal::PortcheckItself);
        assert_eq!(reason(decide(&proc(4241, "bash"), 80, &me)), Refusal::PortcheckParent);
        assert_eq!(reason(decide(&proc(4000, "timeout"), 80, &me)), Refusal::PortcheckAncestor);
        assert_eq!(decide(&proc(5000, "python3"), 80, &me), Verdict::Signal);
    }

    #[test]
    fn refuses_container_forwarders_with_the_stop_command() {
        let (_, stop) = refused(decide(&proc(900, "docker-proxy"), 5432, &me()));
        assert!(stop.unwrap().contains("docker ps --filter publish=5432"));
        assert!(matches!(decide(&proc(901, "rootlessport"), 8080, &me()), Verdict::Refuse { .. }));
    }

    #[test]
    fn container_forwarders_match_exact_names() {
        for name in ["pasta", "pasta.avx2", "slirp4netns", "docker-proxy", "rootlessport-ch"] {
            assert!(
                matches!(decide_with(&proc(900, name), 80, &me(), None), Verdict::Refuse { .. }),
                "{name}"
            );
        }
        for name in ["pastaserver", "pasta-dev", "docker-proxyx", "slirp", "rootlessporter"] {
            assert_eq!(decide_with(&proc(900, name), 80, &me(), None), Verdict::Signal, "{name}");
        }
    }

    #[test]
    fn refuses_vs_code_forwarding_but_not_a_users_node() {
        let with = |name: &str, argv: &[&str]| ProcessReport {
            command: argv.iter().map(|a| a.to_string()).collect(),
            ..proc(800, name)
        };
        let server = with("node", &["/home/ana/.vscode-server/bin/abc123/node", "server-main.js"]);
        let (why, stop) = refused(decide_with(&server, 5000, &me(), None));
        assert!(why.contains("VS Code") && why.contains("editor"), "{why}");
        assert_eq!(
            stop.as_deref(),
            Some("close it in VS Code's Ports panel (or stop forwarding port 5000)")
        );
        for name in ["Code Helper", "Code Helper (Plugin)", "Code.exe", "code-server"] {
            assert!(
                matches!(decide_with(&proc(801, name), 3000, &me(), None), Verdict::Refuse { .. }),
                "{name}"
            );
        }
        // code-server run as a systemd service is stopped by its unit.
        let unit =
            unit_of("0::/system.slice/system-code\\x2dserver.slice/code-server@ana.service\n");
        let service = ProcessReport { unit, ..proc(802, "code-server") };
        let (_, stop) = refused(decide_with(&service, 8080, &me(), None));
        assert_eq!(stop.as_deref(), Some("sudo systemctl stop code-server@ana.service"));
        let mine = with("node", &["node", "server.js"]);
        assert_eq!(decide_with(&mine, 3000, &me(), None), Verdict::Signal);
        let elsewhere = with("node", &["/opt/node/bin/node", "/srv/.vscode-server/app.js"]);
        assert_eq!(decide_with(&elsewhere, 3000, &me(), None), Verdict::Signal);
    }

    /// No container engine runs here (the docker client is installed, its
    /// daemon is not), so `docker stop ID` is checked against docker-stop(1)'s
    /// syntax, `docker stop CONTAINER`, with the id read from the cgroup.
    #[test]
    fn refuses_a_namespace_init_with_the_engine_stop_command() {
        use crate::process::sandbox_of;
        let id = "3f4e8c0a9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f";
        let stop_of = |cgroup: String| {
            let sandbox = sandbox_of(&cgroup);
            let (reason, stop) =
                refused(decide_with(&proc(4711, "nginx"), 80, &me(), Some(&sandbox)));
            assert!(reason.starts_with("PID 1 of "), "{reason}");
            (reason, stop.unwrap())
        };
        let (why, stop) = stop_of(format!("0::/system.slice/docker-{id}.scope\n"));
        assert!(why.contains("docker container 3f4e8c0a9b1d"), "{why}");
        assert_eq!(stop, "docker stop 3f4e8c0a9b1d");
        let (_, stop) = stop_of(format!("0::/machine.slice/libpod-{id}.scope\n"));
        assert_eq!(stop, "podman stop 3f4e8c0a9b1d");
        let (_, stop) = stop_of(format!("0::/system.slice/nerdctl-{id}.scope\n"));
        assert_eq!(stop, "nerdctl stop 3f4e8c0a9b1d");
        let (_, stop) = stop_of(format!("0::/machine.slice/crio-{id}.scope\n"));
        assert_eq!(stop, "crictl stop 3f4e8c0a9b1d");
        let (why, stop) = stop_of(format!(
            "0::/kubepods.slice/kubepods-pod8a9c3b2e_1f2d_4c3b_9a8e_7d6c5b4a3f2e.slice/cri-containerd-{id}.scope\n"
        ));
        assert!(why.contains("Kubernetes pod 8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e"), "{why}");
        assert!(stop.starts_with("find the pod with uid 8a9c3b2e-"), "{stop}");
        assert!(stop.contains(": kubectl get pods -A -o custom-columns="), "{stop}");
        let (_, stop) = stop_of("0::/lxc.payload.web1\n".into());
        assert_eq!(stop, "for LXC (under LXD: lxc stop web1): lxc-stop -n web1");
        let (_, stop) = stop_of("0::/machine.slice/systemd-nspawn@box.service/payload\n".into());
        assert_eq!(stop, "machinectl stop box");
        let (why, stop) = stop_of("0::/user.slice/user-0.slice/session-1.scope\n".into());
        assert!(why.contains("a pid namespace"), "{why}");
        assert_eq!(
            stop,
            "stop the sandbox where it was started, or end the whole namespace: kill -KILL 4711"
        );
        // Names outside their engine's grammar become no word of a command:
        // the name is said, with the listing to find the real one.
        let (why, stop) = stop_of("0::/lxc.payload.a;touch${IFS}PWNED\n".into());
        assert!(why.contains("LXC container a;touch${IFS}PWNED"), "{why}");
        assert_eq!(
            stop,
            "its name (a;touch${IFS}PWNED) is not a valid name: find it, then stop it by that name with lxc-stop -n: lxc-ls --running"
        );
        let (_, stop) = stop_of("0::/machine.slice/systemd-nspawn@$(id).service/payload\n".into());
        assert!(stop.ends_with(": machinectl list"), "{stop}");
        let (why, stop) = stop_of(format!("0::/system.slice/docker-{id}0.scope\n"));
        assert!(why.contains("(id not known)"), "{why}");
        assert!(stop.ends_with("with docker stop: docker ps"), "{stop}");
        let (why, stop) = stop_of(
            "0::/kubepods.slice/kubepods-pod$(id)_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.slice/x\n".into(),
        );
        assert!(why.contains("(not a valid uid)"), "{why}");
        assert!(stop.ends_with(": kubectl get pods -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,UID:.metadata.uid"), "{stop}");
        // Whatever the flags: --force does not reach decide at all, and a
        // namespace init is refused even when it is portcheck's child.
        let child = Me { ancestors: vec![], ..me() };
        assert!(matches!(
            decide_with(&proc(4711, "sh"), 80, &child, Some(&sandbox_of("0::/\n"))),
            Verdict::Refuse { .. }
        ));
    }

    /// systemd is not PID 1 here (the sandbox's init is), so no test can
    /// stop a unit; the lines follow systemctl(1): `systemctl stop UNIT`
    /// for the system manager, `systemctl --user stop UNIT` for a unit under
    /// `user@UID.service`.
    #[test]
    fn refuses_systemd_services_but_not_scopes() {
        let with_unit =
            |pid, name, cgroup: &str| ProcessReport { unit: unit_of(cgroup), ..proc(pid, name) };
        let nginx = with_unit(700, "nginx", "0::/system.slice/nginx.service\n");
        let (_, stop) = refused(decide(&nginx, 80, &me()));
        assert_eq!(stop.as_deref(), Some("sudo systemctl stop nginx.service"));
        let user = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/dev.service\n";
        let (why, stop) = refused(decide(&with_unit(701, "node", user), 3000, &me()));
        let ana = crate::process::user_name(1000).unwrap_or_else(|| "1000".into());
        assert_eq!(stop, Some(format!("systemctl --user -M {ana}@ stop dev.service")));
        assert!(why.contains("dev.service of ") && why.contains("1000"), "{why}");
        // Below a user's manager every name is that user's: a system unit's
        // name there is still theirs.
        let sshd = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/sshd.service\n";
        assert_eq!(unit_of(sshd).unwrap().user, Some(1000), "{sshd}");
        let (_, stop) = refused(decide(&with_unit(704, "sshd", sshd), 22, &me()));
        assert_eq!(stop, Some(format!("systemctl --user -M {ana}@ stop sshd.service")));
        // The unit is the first component below the slices; what lies below
        // it was made by the unit (Delegate=, a container) and names nothing.
        for (path, unit) in [
            ("/user.slice/user-1000.slice/user@1000.service/x/user@0.service/sshd.service", None),
            ("/user.slice/user-1000.slice/user@1000.service/a/user@1000.service", None),
            (
                "/user.slice/user-1000.slice/user@1000.service/app.slice/x.service/sshd.service",
                Some(("x.service", Some(1000))),
            ),
            ("/system.slice/runner.service/sshd.service", Some(("runner.service", None))),
            ("/system.slice/runner.service/payload", Some(("runner.service", None))),
            ("/system.slice/docker-3f4e8c0a9b1d.scope/sshd.service", None),
            ("/machine.slice/machine-web.scope/system.slice/sshd.service", None),
            // A container's own systemd: its nginx is not the host's.
            ("/lxc.payload.web1/system.slice/nginx.service", None),
            (
                "/machine.slice/systemd-nspawn@box.service/payload/system.slice/nginx.service",
                Some(("systemd-nspawn@box.service", None)),
            ),
            ("/portcheck-test/system.slice/sshd.service", None),
            ("/user.slice/user@ana.service/app.slice/sshd.service", None),
        ] {
            let got = unit_of(&format!("0::{path}\n"));
            let got = got.as_ref().map(|u| (u.name.as_str(), u.user));
            assert_eq!(got, unit, "{path}");
        }
        let manager = "0::/user.slice/user-1000.slice/user@1000.service\n";
        assert_eq!(unit_of(manager).unwrap().user, None);
        // A name outside systemd.unit(5): said, never run.
        let evil =
            "0::/user.slice/user-1000.slice/user@1000.service/evil;touch${IFS}PWNED;.service\n";
        let (_, stop) = refused(decide(&with_unit(705, "sh", evil), 22, &me()));
        assert_eq!(
            stop,
            Some(format!(
                "its unit name (evil;touch${{IFS}}PWNED;.service) is not a valid systemd unit name: find the unit, then stop it by that name with systemctl --user -M {ana}@ stop: systemctl --user -M {ana}@ list-units --type=service"
            ))
        );
        let evil = "0::/system.slice/a$(id).service\n";
        let (_, stop) = refused(decide(&with_unit(706, "sh", evil), 22, &me()));
        assert!(
            stop.unwrap()
                .ends_with("with sudo systemctl stop: systemctl list-units --type=service")
        );
        let term = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-Terminal.slice/vte-spawn-1.scope\n";
        assert_eq!(decide(&with_unit(702, "python3", term), 5000, &me()), Verdict::Signal);
        let v1 = "9:name=systemd:/system.slice/cups.service\n0::/\n";
        assert_eq!(unit_of(v1).unwrap().name, "cups.service");
        // A holder in portcheck's own unit (a CI job's service) is fair game.
        let ci = "0::/system.slice/ci-runner.service\n";
        let mine = Me { unit: unit_of(ci), ..me() };
        assert_eq!(decide(&with_unit(703, "python3", ci), 5000, &mine), Verdict::Signal);
        // Inside a unit, another unit's holder is still refused, with its stop.
        let (why, stop) = refused(decide(&nginx, 80, &mine));
        assert!(why.contains("nginx.service"), "{why}");
        assert_eq!(stop.as_deref(), Some("sudo systemctl stop nginx.service"));
    }

    /// A user name from the user database that cannot be a word (NSS and
    /// LDAP are outside text) is said, never put into `-M USER@`.
    #[test]
    fn a_user_name_that_cannot_be_a_word_is_in_no_command() {
        let unit = |name: &str| Unit { name: name.into(), user: Some(4242) };
        let ok = unit_stop_as(&unit("dev.service"), Some("ana".into()));
        assert_eq!(ok.line().as_deref(), Some("systemctl --user -M ana@ stop dev.service"));
        for name in ["a\u{1b}]0;X\u{7}", "-H", "a b;id", "é"] {
            let step = unit_stop_as(&unit("dev.service"), Some(name.into()));
            assert_eq!(
                step.line().as_deref(),
                Some("systemctl --user stop dev.service"),
                "{name:?}"
            );
            assert!(
                step.note.as_ref().unwrap().to_string().contains(&format!("({name})")),
                "{step:?}"
            );
            let step = unit_stop_as(&unit("a;b.service"), Some(name.into()));
            assert_eq!(step.line().as_deref(), Some("systemctl --user list-units --type=service"));
            assert!(step.run.iter().all(|c| c.unsafe_word().is_none()));
        }
    }

    /// A user name that is a word but not a plain one (a machine account's
    /// trailing `$`): the command names it quoted, and so does the
    /// sentence that says which command stops the unit (`$@` unquoted is
    /// the shell's argument list).
    #[test]
    fn a_user_name_in_a_stop_sentence_is_quoted_as_in_its_command() {
        let unit = |name: &str| Unit { name: name.into(), user: Some(4242) };
        let step = unit_stop_as(&unit("a;b.service"), Some("host$".into()));
        let line = "systemctl --user -M 'host$@' list-units --type=service";
        assert_eq!(step.line().as_deref(), Some(line));
        let note = step.note.map(|n| n.english()).unwrap_or_default();
        assert!(note.ends_with("with systemctl --user -M 'host$@' stop"), "{note}");
        let step = unit_stop_as(&unit("dev.service"), Some("host$".into()));
        assert_eq!(step.line().as_deref(), Some("systemctl --user -M 'host$@' stop dev.service"));
    }

    /// `systemctl list-sockets` needs a running systemd, absent here; the
    /// fixture has its documented columns, LISTEN UNIT ACTIVATES.
    #[test]
    fn finds_the_socket_unit_of_a_port() {
        let listing = "[::]:631 cups.socket cups.service\n0.0.0.0:80 nginx.socket nginx.service\n/run/x.sock x.socket x.service\n";
        assert_eq!(socket_unit_in(listing, 631).as_deref(), Some("cups.socket"));
        assert_eq!(socket_unit_in(listing, 80).as_deref(), Some("nginx.socket"));
        assert_eq!(socket_unit_in(listing, 8080), None);
        // Port 80 is not port 8080 (nor 180): the whole port after the colon.
        let wide = "[::]:8080 web.socket web.service\n0.0.0.0:180 old.socket old.service\n";
        assert_eq!(socket_unit_in(wide, 80), None);
        let evil = "0.0.0.0:81 a;id;.socket x.service\n";
        assert_eq!(socket_unit_in(evil, 81), None);
        assert_eq!(socket_stop(81, None).line().as_deref(), Some("systemctl list-sockets --all"));
    }
}
