//! Details of the processes found holding sockets: name, command line,
//! user, parent chain, start time, systemd unit. sysinfo reads them for
//! the found pids and their ancestors only, never for the whole process
//! table.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as platform;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

use std::collections::HashMap;

use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};

/// What portcheck shows of one process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProcessInfo {
    pub(crate) pid: u32,
    pub(crate) ppid: Option<u32>,
    /// The short name (`comm` on Linux).
    pub(crate) name: String,
    /// The parent's short name.
    pub(crate) parent_name: Option<String>,
    pub(crate) uid: Option<u32>,
    pub(crate) user: Option<String>,
    /// The full argument vector; invalid UTF-8 is replaced.
    pub(crate) command: Vec<String>,
    /// Start time, seconds since the Unix epoch.
    pub(crate) started: Option<u64>,
    /// The ancestors, parent first, up to and including the first
    /// supervisor (a shell, init, a container runtime, an IDE).
    pub(crate) ancestors: Vec<(u32, String)>,
    /// The systemd service the process runs in, if any.
    pub(crate) unit: Option<Unit>,
    /// Werkzeug's reloader started it as the serving child
    /// (`WERKZEUG_RUN_MAIN` or `WERKZEUG_SERVER_FD` in its environment).
    pub(crate) werkzeug_child: bool,
    /// Its working directory, where it can be read.
    pub(crate) cwd: Option<std::path::PathBuf>,
    /// The few environment variables the advice reads ([`KEPT_ENV`]),
    /// never a secret one.
    pub(crate) env: Vec<(String, String)>,
    /// The parent's argument vector, secrets redacted (a debugpy
    /// launcher); empty when unknown.
    pub(crate) parent_command: Vec<String>,
    /// The container engine it runs under, by its cgroup.
    pub(crate) container: Option<Runtime>,
}

/// The environment variables kept of a holder: how it takes a port and
/// what started it (Flask's, `PORT`, npm's, VS Code's terminal, `PATH` to
/// tell where its tools come from).
const KEPT_ENV: &[&str] = &[
    "PORT",
    "PATH",
    "TERM_PROGRAM",
    "WERKZEUG_RUN_MAIN",
    "WERKZEUG_SERVER_FD",
    "RUN_MAIN",
    "npm_lifecycle_event",
    "npm_config_user_agent",
    "npm_package_json",
];

/// Whether the variable `name` is one portcheck keeps.
fn kept_env(name: &str) -> bool {
    (KEPT_ENV.contains(&name) || name.starts_with("FLASK_")) && !crate::secret::is_secret_env(name)
}

impl ProcessInfo {
    /// A process known by its pid and argv alone (tests).
    #[cfg(test)]
    pub(crate) fn bare(pid: u32, command: Vec<String>) -> ProcessInfo {
        let name = command.first().map_or("", |a| a.rsplit('/').next().unwrap_or(a)).to_string();
        ProcessInfo {
            pid,
            ppid: Some(1),
            name,
            parent_name: None,
            uid: None,
            user: None,
            command,
            started: None,
            ancestors: vec![],
            unit: None,
            werkzeug_child: false,
            cwd: None,
            env: vec![],
            parent_command: vec![],
            container: None,
        }
    }

    /// The value of a kept environment variable.
    pub(crate) fn env(&self, name: &str) -> Option<&str> {
        self.env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Processes that start others and stop the ancestor chain: what a user
/// recognises as "where this came from".
const SUPERVISORS: &[&str] = &[
    "bash",
    "zsh",
    "fish",
    "sh",
    "dash",
    "ksh",
    "tcsh",
    "nu",
    "pwsh",
    "tmux: server",
    "screen",
    "systemd",
    "init",
    "launchd",
    "containerd-shim",
    "containerd-shim-runc-v2",
    "dockerd",
    "docker",
    "podman",
    "conmon",
    "sshd",
    "login",
    "supervisord",
    "code",
    "Code Helper",
    "cursor",
    "pycharm",
    "idea",
    "java",
];

/// How deep the ancestor chain goes at most.
const MAX_ANCESTORS: usize = 8;

fn is_supervisor(pid: u32, name: &str) -> bool {
    pid == 1 || SUPERVISORS.contains(&name) || name.starts_with("containerd-shim")
}

/// A systemd service a process runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) name: String,
    /// The uid whose systemd instance runs it (a unit below
    /// `user@UID.service`: `systemctl --user`), `None` for the system's.
    pub(crate) user: Option<u32>,
}

impl Unit {
    /// The user whose instance runs it, by name when the user database
    /// has one, else by uid.
    pub(crate) fn user_name(&self) -> Option<String> {
        self.user.map(|uid| user_name(uid).unwrap_or_else(|| uid.to_string()))
    }

    /// "nginx.service", or "sshd.service of user ana (uid 1000)": a unit
    /// below `user@UID.service` is that user's, whatever its name.
    pub(crate) fn describe(&self) -> String {
        match self.user {
            None => self.name.clone(),
            Some(uid) => match user_name(uid) {
                Some(name) => format!("{} of user {name} (uid {uid})", self.name),
                None => format!("{} of uid {uid}", self.name),
            },
        }
    }
}

/// The systemd service in a `/proc/PID/cgroup` text, when the process
/// runs in one (a `.scope` — a login session, a terminal — is not one).
///
/// systemd puts a unit's cgroup directly below its slices; whatever lies
/// below a unit was made by the unit itself (`Delegate=`, a container's
/// own cgroup namespace) and may have any name, `sshd.service` included.
/// So the unit is the first component below the slices, and a process
/// below `user@UID.service` is in that user's manager's tree, where the
/// same rule finds that user's unit.
pub(crate) fn unit_of(cgroup: &str) -> Option<Unit> {
    let path = cgroup
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .filter(|p| *p != "/")
        .or_else(|| cgroup.lines().find_map(|l| l.split_once(":name=systemd:").map(|x| x.1)))?;
    let mut parts = path.split('/').filter(|c| !c.is_empty());
    let unit = parts.find(|c| !c.ends_with(".slice"))?;
    let uid = unit.strip_prefix("user@").and_then(|u| u.strip_suffix(".service"));
    let user = match uid {
        // Below the manager: the user's own tree.
        Some(uid) if parts.clone().next().is_some() => Some(uid.parse::<u32>().ok()?),
        _ => None,
    };
    let unit = if user.is_some() { parts.find(|c| !c.ends_with(".slice"))? } else { unit };
    unit.ends_with(".service").then(|| Unit { name: unit.to_string(), user })
}

/// The name of user `uid`, when the user database has one.
/// The real uid `pid` runs as (`/proc/PID/status`, readable even for a
/// process whose fds are not; sysinfo elsewhere).
pub(crate) fn uid_of(pid: u32) -> Option<u32> {
    let mut sys = sysinfo::System::new().ok()?;
    let one = [sysinfo::Pid::from_u32(pid)];
    let what = sysinfo::ProcessRefreshKind::nothing().with_user(sysinfo::UpdateKind::Always);
    sys.refresh_processes_specifics(sysinfo::ProcessesToUpdate::Some(&one), false, what);
    let uid = sys.process(one[0])?.user_id()?;
    uid.to_string().parse().ok()
}

pub(crate) fn user_name(uid: u32) -> Option<String> {
    platform::user_name(uid)
}

/// The systemd service `pid` runs in, from `/proc/PID/cgroup` where
/// there is one.
pub(crate) fn unit(pid: u32) -> Option<Unit> {
    std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok().as_deref().and_then(unit_of)
}

/// The container engine (or sandbox kind) a process runs under, from its
/// cgroup path.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Runtime {
    Docker,
    Podman,
    /// containerd without Kubernetes (nerdctl).
    Containerd,
    /// A Kubernetes pod (any CRI runtime); the pod's uid when the cgroup
    /// names it.
    Kubernetes {
        pod: Option<String>,
    },
    /// CRI-O outside a recognisable pod path.
    CriO,
    /// LXC or LXD.
    Lxc,
    /// systemd-nspawn.
    Nspawn,
}

/// A pid namespace's init, seen from outside: what runs it, and its
/// container id or name when the cgroup says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sandbox {
    /// `None`: a bare namespace (`unshare -p`, bwrap, a runtime not
    /// recognised).
    pub(crate) runtime: Option<Runtime>,
    pub(crate) id: Option<String>,
}

/// Whether a `/proc/PID/status` text is that of PID 1 of a pid namespace
/// below the one `/proc` belongs to: `NSpid:` lists more than one pid and
/// the last (its pid inside its own namespace) is 1.
pub(crate) fn is_namespace_init(status: &str) -> bool {
    status.lines().find_map(|l| l.strip_prefix("NSpid:")).is_some_and(|ids| {
        let ids: Vec<&str> = ids.split_whitespace().collect();
        ids.len() > 1 && ids.last() == Some(&"1")
    })
}

/// When `pid` is the init of a child pid namespace (a container, a
/// sandbox), what it runs in.
pub(crate) fn namespace_init(pid: u32) -> Option<Sandbox> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    if !is_namespace_init(&status) {
        return None;
    }
    let cgroup = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap_or_default();
    Some(sandbox_of(&cgroup))
}

/// 2000-01-01T00:00:00Z in seconds since the epoch: no process that
/// portcheck sees started before it.
const Y2000: u64 = 946_684_800;

/// The process's start time (seconds since the epoch) by sysinfo, or
/// `None` when it is gone or a zombie: what pins a kill target where
/// there is no pidfd (macOS, Windows, Linux without pidfds).
#[cfg_attr(windows, allow(dead_code))]
pub(crate) fn start_time(pid: u32) -> Option<u64> {
    let mut sys = System::new().ok()?;
    let id = Pid::from_u32(pid);
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[id]),
        true,
        ProcessRefreshKind::nothing(),
    );
    let p = sys.process(id)?;
    (p.status() != sysinfo::ProcessStatus::Zombie).then(|| p.start_time())
}

/// The creation time of `pid` in the kernel's unit where the kill
/// mechanics pin by it from the report (Windows: FILETIME); `None`
/// elsewhere.
pub(crate) fn created(pid: u32) -> Option<u64> {
    platform::created(pid)
}

/// Whether `a` and `b` run in the same pid namespace (their
/// `/proc/PID/ns/pid` links name one namespace).
pub(crate) fn same_pid_namespace(a: u32, b: u32) -> bool {
    let ns = |p: u32| std::fs::read_link(format!("/proc/{p}/ns/pid")).ok();
    matches!((ns(a), ns(b)), (Some(x), Some(y)) if x == y)
}

/// The container a `/proc/PID/cgroup` text names, if any: docker,
/// podman (libpod), containerd, Kubernetes (kubepods), CRI-O, LXC/LXD,
/// systemd-nspawn, with the systemd and the cgroupfs drivers, cgroup v2
/// or v1.
pub(crate) fn sandbox_of(cgroup: &str) -> Sandbox {
    let paths = cgroup.lines().filter_map(|l| l.splitn(3, ':').nth(2)).filter(|p| *p != "/");
    for path in paths {
        let parts: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
        if let Some(found) = sandbox_in(&parts) {
            return found;
        }
    }
    Sandbox { runtime: None, id: None }
}

/// A container id (12 or 64 hex digits), shown as docker and podman show
/// it (12); anything else is no id.
fn short_id(id: &str) -> Option<String> {
    crate::names::container_id(id).then(|| id[..12].to_string())
}

/// The id in `PREFIX<id>.scope`.
fn scoped<'a>(part: &'a str, prefix: &str) -> Option<&'a str> {
    part.strip_prefix(prefix)?.strip_suffix(".scope")
}

/// The container in one cgroup path's components.
fn sandbox_in(parts: &[&str]) -> Option<Sandbox> {
    let found = |runtime, id: Option<String>| Some(Sandbox { runtime: Some(runtime), id });
    let after = |name: &str| parts.iter().position(|c| *c == name).and_then(|i| parts.get(i + 1));
    if parts.iter().any(|c| c.starts_with("kubepods")) {
        let pod = parts.iter().rev().find_map(|c| {
            let c = c.strip_suffix(".slice").unwrap_or(c);
            c.rsplit_once("pod").map(|(_, uid)| uid.replace('_', "-")).filter(|u| u.len() >= 32)
        });
        let id = parts.last().and_then(|last| {
            let last = last.strip_suffix(".scope").unwrap_or(last);
            short_id(last.rsplit('-').next().unwrap_or(last))
        });
        return found(Runtime::Kubernetes { pod }, id);
    }
    for part in parts {
        if let Some(id) = scoped(part, "docker-") {
            return found(Runtime::Docker, short_id(id));
        }
        if let Some(id) = scoped(part, "libpod-").filter(|id| !id.starts_with("conmon-")) {
            return found(Runtime::Podman, short_id(id));
        }
        if let Some(id) = scoped(part, "nerdctl-").or_else(|| scoped(part, "cri-containerd-")) {
            return found(Runtime::Containerd, short_id(id));
        }
        if let Some(id) = scoped(part, "crio-") {
            return found(Runtime::CriO, short_id(id));
        }
        if let Some(name) = part.strip_prefix("lxc.payload.") {
            return found(Runtime::Lxc, Some(name.to_string()));
        }
        if let Some(name) =
            part.strip_prefix("systemd-nspawn@").and_then(|p| p.strip_suffix(".service"))
        {
            // The machine's name, as machinectl knows it.
            let name = crate::names::unescape_instance(name).unwrap_or_else(|| name.into());
            return found(Runtime::Nspawn, Some(name));
        }
    }
    if let Some(id) = after("docker") {
        return found(Runtime::Docker, short_id(id));
    }
    if let Some(id) = after("libpod_parent") {
        return found(Runtime::Podman, short_id(id.trim_start_matches("libpod-")));
    }
    if let Some(name) = after("lxc").or_else(|| after("lxc.payload")) {
        return found(Runtime::Lxc, Some((*name).to_string()));
    }
    None
}

/// The process that runs under `python -m debugpy --listen [HOST:]PORT`
/// (the program a debug adapter on PORT debugs): its pid, and whether it
/// waits for a client (`--wait-for-client`). Reads every process's
/// command line, so only `--kill` on a debugger's port asks.
pub(crate) fn debuggee_of(port: u16) -> Option<(u32, bool)> {
    let mut sys = System::new().ok()?;
    sys.refresh_processes_specifics(
        ProcessesToUpdate::All,
        true,
        ProcessRefreshKind::nothing().with_cmd(UpdateKind::Always),
    );
    let listens = |cmd: &[std::ffi::OsString]| {
        let words: Vec<String> = cmd.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        let at = words.iter().position(|w| w == "--listen")?;
        let value = words.get(at + 1)?;
        let on = value.rsplit(':').next()?.parse::<u16>().ok()? == port;
        (on && words.iter().any(|w| w == "debugpy" || w.ends_with("/debugpy")))
            .then(|| words.iter().any(|w| w == "--wait-for-client"))
    };
    // sysinfo lists a process's threads too, with its command line.
    let mut found: Vec<(u32, bool)> = sys
        .processes()
        .iter()
        .filter(|(_, p)| p.thread_kind().is_none())
        .filter_map(|(pid, p)| listens(p.cmd()).map(|wait| (pid.as_u32(), wait)))
        .collect();
    found.sort_unstable();
    found.first().copied()
}

/// Every ancestor of `pid`, parent first, up to PID 1 (or the first one
/// that cannot be seen).
pub(crate) fn ancestors(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(mut sys) = System::new() else { return out };
    let mut cur = Pid::from_u32(pid);
    // A cycle cannot happen, but a bound costs nothing.
    for _ in 0..4096 {
        sys.refresh_processes_specifics(
            ProcessesToUpdate::Some(&[cur]),
            false,
            ProcessRefreshKind::nothing(),
        );
        let Some(parent) = sys.process(cur).and_then(sysinfo::Process::parent) else { break };
        if parent.as_u32() == 0 || out.contains(&parent.as_u32()) {
            break;
        }
        out.push(parent.as_u32());
        cur = parent;
    }
    out
}

/// The names of portcheck's own ancestors, parent first, where the
/// advice's shell is chosen from them (Windows); `None` where advice is
/// always POSIX (Unix).
#[cfg_attr(test, allow(dead_code))]
pub(crate) fn shell_ancestry() -> Option<Vec<String>> {
    platform::shell_ancestry()
}

/// The names of `pid`'s ancestors, parent first.
#[cfg_attr(unix, allow(dead_code))]
fn ancestor_names(pid: u32) -> Vec<String> {
    let pids: Vec<Pid> = ancestors(pid).into_iter().map(Pid::from_u32).collect();
    let Ok(mut sys) = System::new() else { return Vec::new() };
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&pids),
        false,
        ProcessRefreshKind::nothing(),
    );
    pids.iter()
        .map_while(|p| sys.process(*p).map(|p| p.name().to_string_lossy().into_owned()))
        .collect()
}

/// Reads the details of `pids`. A pid that vanished meanwhile is absent
/// from the result.
pub(crate) fn describe(pids: &[u32]) -> HashMap<u32, ProcessInfo> {
    let mut out = HashMap::new();
    if pids.is_empty() {
        return out;
    }
    let Ok(mut sys) = System::new() else { return out };
    let wanted: Vec<Pid> = pids.iter().map(|&p| Pid::from_u32(p)).collect();
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&wanted),
        true,
        ProcessRefreshKind::nothing()
            .with_cmd(UpdateKind::Always)
            .with_user(UpdateKind::Always)
            .with_cwd(UpdateKind::Always)
            .with_environ(UpdateKind::Always),
    );
    refresh_ancestors(&mut sys, &wanted);
    let mut users = Users::default();
    for &pid in pids {
        if let Some(info) = info(&sys, pid, &mut users) {
            out.insert(pid, info);
        }
    }
    out
}

/// Reads the ancestors of `wanted`, one generation per refresh, until
/// every chain has reached a supervisor (or the depth limit).
fn refresh_ancestors(sys: &mut System, wanted: &[Pid]) {
    let mut frontier: Vec<Pid> = wanted.to_vec();
    for generation in 0..MAX_ANCESTORS {
        let next: Vec<Pid> = frontier
            .iter()
            .filter_map(|p| {
                let proc = sys.process(*p)?;
                let name = proc.name().to_string_lossy();
                if !wanted.contains(p) && is_supervisor(p.as_u32(), &name) {
                    return None;
                }
                proc.parent()
            })
            .filter(|p| sys.process(*p).is_none())
            .collect();
        if next.is_empty() {
            break;
        }
        // The parents' command lines tell a launcher (debugpy's).
        let kind = if generation == 0 {
            ProcessRefreshKind::nothing().with_cmd(UpdateKind::OnlyIfNotSet)
        } else {
            ProcessRefreshKind::nothing()
        };
        sys.refresh_processes_specifics(ProcessesToUpdate::Some(&next), false, kind);
        frontier = next;
    }
}

/// The chain of `p`'s ancestors, parent first, up to and including the
/// first supervisor.
fn ancestor_chain(sys: &System, p: &sysinfo::Process) -> Vec<(u32, String)> {
    chain(p.parent().map(Pid::as_u32), p.start_time(), |pid| {
        let proc = sys.process(Pid::from_u32(pid))?;
        let name = proc.name().to_string_lossy().into_owned();
        Some((name, proc.start_time(), proc.parent().map(Pid::as_u32)))
    })
}

/// The ancestors from `parent` up (`lookup`: a pid's name, start time in
/// seconds, parent), for a process started at `start`; up to and
/// including the first supervisor. A "parent" that started after its
/// child is not its parent: the real one exited and its pid was reused
/// (Windows never reparents), so the chain ends there. A start time of 0
/// is unknown and ends nothing.
fn chain(
    parent: Option<u32>,
    start: u64,
    lookup: impl Fn(u32) -> Option<(String, u64, Option<u32>)>,
) -> Vec<(u32, String)> {
    let mut ancestors = Vec::new();
    let (mut cur, mut child_start) = (parent, start);
    while let Some(pid) = cur {
        let Some((name, started, next)) = lookup(pid) else { break };
        if started > child_start && child_start != 0 {
            break;
        }
        let stop = is_supervisor(pid, &name);
        ancestors.push((pid, name));
        if stop || ancestors.len() >= MAX_ANCESTORS {
            break;
        }
        (cur, child_start) = (next, started);
    }
    ancestors
}

/// What portcheck shows of `pid`, from a refreshed `sys`.
fn info(sys: &System, pid: u32, users: &mut Users) -> Option<ProcessInfo> {
    let p = sys.process(Pid::from_u32(pid))?;
    let (uid, user) = platform::owner(p, users);
    let name = p.name().to_string_lossy().into_owned();
    // sysinfo drops empty arguments; `/proc/PID/cmdline` keeps them.
    let command = proc_command(pid)
        .or_else(|| {
            let cmd: Vec<String> =
                p.cmd().iter().map(|a| a.to_string_lossy().into_owned()).collect();
            (!cmd.is_empty()).then_some(cmd)
        })
        .unwrap_or_else(|| vec![format!("[{name}]")]);
    let cgroup = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap_or_default();
    // Secrets never leave: everything downstream reads the redacted words.
    let command = crate::secret::redact(&command);
    let ancestors = ancestor_chain(sys, p);
    let env: Vec<(String, String)> = p
        .environ()
        .iter()
        .filter_map(|e| {
            let (k, v) = e.to_str()?.split_once('=')?;
            kept_env(k).then(|| (k.to_string(), v.to_string()))
        })
        .collect();
    let werkzeug_child =
        env.iter().any(|(k, _)| k == "WERKZEUG_RUN_MAIN" || k == "WERKZEUG_SERVER_FD");
    let parent_command = p
        .parent()
        .and_then(|pp| sys.process(pp))
        .map(|pp| {
            let cmd: Vec<String> =
                pp.cmd().iter().map(|a| a.to_string_lossy().into_owned()).collect();
            crate::secret::redact(&cmd)
        })
        .unwrap_or_default();
    Some(ProcessInfo {
        pid,
        ppid: p.parent().map(|pp| pp.as_u32()),
        parent_name: ancestors.first().map(|a| a.1.clone()),
        uid,
        user,
        name,
        command,
        // A start time counts from boot: without the boot time (no
        // /proc/stat under ProcSubset=pid) sysinfo adds the seconds since
        // boot to the uptime, a date in 1970. No start time before 2000
        // is real: it is unknown.
        started: Some(p.start_time()).filter(|&t| t >= Y2000),
        ancestors,
        unit: unit_of(&cgroup),
        container: sandbox_of(&cgroup).runtime,
        werkzeug_child,
        cwd: p.cwd().map(std::path::Path::to_path_buf),
        env,
        parent_command,
    })
}

/// The argument vector from `/proc/PID/cmdline`, empty arguments kept; for
/// a process whose main thread has exited (a zombie thread-group leader,
/// whose own `cmdline` is empty) from one of its live threads. `None`
/// where there is no such file (a kernel thread, another platform).
fn proc_command(pid: u32) -> Option<Vec<String>> {
    let parse = |path: std::path::PathBuf| {
        let raw = std::fs::read(path).ok()?;
        let raw = raw.strip_suffix(&[0]).unwrap_or(&raw);
        (!raw.is_empty()).then(|| {
            without_title_padding(
                raw.split(|&b| b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect(),
            )
        })
    };
    parse(format!("/proc/{pid}/cmdline").into()).or_else(|| {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
        tasks.flatten().find_map(|t| parse(t.path().join("cmdline")))
    })
}

/// `argv` without the padding a rewritten process title leaves: nginx,
/// PostgreSQL and other setproctitle users write their title over the
/// argument area and zero the rest, which reads back as a run of empty
/// arguments. Two or more trailing empty arguments are that padding; one is
/// kept (a program may be given `''` last).
fn without_title_padding(mut argv: Vec<String>) -> Vec<String> {
    let empty = argv.iter().rev().take_while(|a| a.is_empty()).count();
    if empty >= 2 {
        argv.truncate(argv.len() - empty);
    }
    argv
}

/// uid → user name, looked up once per uid.
#[derive(Default)]
pub(crate) struct Users(HashMap<u32, Option<String>>);

impl Users {
    pub(crate) fn name(&mut self, uid: u32) -> Option<String> {
        self.0.entry(uid).or_insert_with(|| platform::user_name(uid)).clone()
    }
}

/// Formats seconds since the epoch as RFC 3339 UTC: `2026-11-25T10:42:07Z`.
pub(crate) fn rfc3339(secs: u64) -> String {
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_603_327), "2026-11-25T10:42:07Z");
    }

    /// "Started by" chains stop at a reused pid: 300's parent pid 200 now
    /// names a process younger than 300, which cannot be its parent.
    #[test]
    fn a_parent_younger_than_its_child_ends_the_chain() {
        let table = |pid: u32| match pid {
            200 => Some(("notepad.exe".to_string(), 5000, Some(100))),
            100 => Some(("explorer.exe".to_string(), 10, None)),
            _ => None,
        };
        assert!(chain(Some(200), 4000, table).is_empty());
        let names: Vec<u32> = chain(Some(200), 6000, table).iter().map(|a| a.0).collect();
        assert_eq!(names, [200, 100]);
        // An unknown start time (0) ends nothing.
        assert_eq!(chain(Some(200), 0, table).len(), 2);
    }

    // Unix processes (sh, sleep) found through Linux's /proc (there is none
    // on macOS); the Windows counterpart is in the platform module.
    #[cfg(target_os = "linux")]
    #[test]
    fn ancestors_reach_pid_1_through_a_wrapper() {
        // sh -c 'sleep' keeps sh as the sleeper's parent when given two
        // commands; the chain goes through sh and this test to PID 1.
        let mut child =
            std::process::Command::new("sh").args(["-c", "sleep 30; true"]).spawn().unwrap();
        let sh = child.id();
        let mut sleeper = None;
        for _ in 0..500 {
            let kids = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children"));
            if let Some(pid) = kids.ok().and_then(|k| k.split_whitespace().next()?.parse().ok()) {
                sleeper = Some(pid);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let chain = ancestors(sleeper.unwrap());
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(chain[0], sh);
        assert_eq!(chain[1], std::process::id());
        assert!(chain.len() > 2, "{chain:?}");
    }

    #[test]
    fn a_namespace_init_is_pid_1_of_a_child_namespace() {
        assert!(is_namespace_init("Name:\tsleep\nNSpid:\t4711\t1\n"));
        assert!(is_namespace_init("NSpid:\t4711\t30\t1\n"));
        assert!(!is_namespace_init("NSpid:\t1\n"), "the init of portcheck's own namespace");
        assert!(!is_namespace_init("NSpid:\t4711\t7\n"));
        assert!(!is_namespace_init("Name:\told-kernel\n"));
    }

    #[test]
    fn names_the_container_from_its_cgroup() {
        let id = "3f4e8c0a9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f";
        let of = |text: String| sandbox_of(&text);
        let docker = Sandbox { runtime: Some(Runtime::Docker), id: Some("3f4e8c0a9b1d".into()) };
        assert_eq!(of(format!("0::/system.slice/docker-{id}.scope\n")), docker);
        assert_eq!(of(format!("0::/docker/{id}\n")), docker);
        assert_eq!(of(format!("12:memory:/docker/{id}\n11:cpu:/docker/{id}\n")), docker);
        let podman = Sandbox { runtime: Some(Runtime::Podman), id: Some("3f4e8c0a9b1d".into()) };
        assert_eq!(of(format!("0::/machine.slice/libpod-{id}.scope/container\n")), podman);
        let rootless = format!(
            "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-{id}.scope\n"
        );
        assert_eq!(of(rootless), podman);
        assert_eq!(of(format!("3:pids:/libpod_parent/libpod-{id}\n")), podman);
        let kube = of(format!(
            "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod8a9c3b2e_1f2d_4c3b_9a8e_7d6c5b4a3f2e.slice/cri-containerd-{id}.scope\n"
        ));
        let pod = Some("8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e".to_string());
        assert_eq!(kube.runtime, Some(Runtime::Kubernetes { pod: pod.clone() }));
        assert_eq!(kube.id.as_deref(), Some("3f4e8c0a9b1d"));
        let kube_v1 = of(format!(
            "4:memory:/kubepods/burstable/pod8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e/{id}\n"
        ));
        assert_eq!(kube_v1.runtime, Some(Runtime::Kubernetes { pod }));
        let crio = of(format!("0::/machine.slice/crio-{id}.scope\n"));
        assert_eq!(crio.runtime, Some(Runtime::CriO));
        let nerdctl = of(format!("0::/system.slice/nerdctl-{id}.scope\n"));
        assert_eq!(nerdctl.runtime, Some(Runtime::Containerd));
        let lxc = Sandbox { runtime: Some(Runtime::Lxc), id: Some("web1".into()) };
        assert_eq!(of("0::/lxc.payload.web1\n".into()), lxc);
        assert_eq!(of("10:devices:/lxc/web1\n".into()), lxc);
        let nspawn = of("0::/machine.slice/systemd-nspawn@box.service/payload\n".into());
        assert_eq!(nspawn, Sandbox { runtime: Some(Runtime::Nspawn), id: Some("box".into()) });
        let nspawn = of("0::/machine.slice/systemd-nspawn@my\\x2dbox.service/payload\n".into());
        assert_eq!(nspawn.id.as_deref(), Some("my-box"));
        let nspawn = of("0::/machine.slice/systemd-nspawn@a\\x3bid.service/payload\n".into());
        assert_eq!(nspawn.id.as_deref(), Some("a;id"));
        // A bare namespace (unshare, bwrap) in a login session: unnamed.
        let bare = of("0::/user.slice/user-0.slice/session-3.scope\n".into());
        assert_eq!(bare, Sandbox { runtime: None, id: None });
        assert_eq!(of("0::/\n".into()), Sandbox { runtime: None, id: None });
        // Podman's conmon scope is not the container.
        let conmon = of(format!("0::/machine.slice/libpod-conmon-{id}.scope\n"));
        assert_eq!(conmon.runtime, None);
    }

    #[test]
    fn a_process_titles_padding_is_not_arguments() {
        let v = |a: &[&str]| a.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let nginx = v(&["nginx: worker process", "", "", "", ""]);
        assert_eq!(without_title_padding(nginx), v(&["nginx: worker process"]));
        let given = v(&["prog", "--label", "", "--label", "a b", ""]);
        assert_eq!(without_title_padding(given.clone()), given);
    }

    #[test]
    #[cfg(target_os = "linux")] // under Wine, sysinfo names no parent
    fn describes_this_process() {
        let me = std::process::id();
        let info = describe(&[me]);
        let p = &info[&me];
        assert_eq!(p.pid, me);
        assert!(p.ppid.is_some());
        assert!(!p.command.is_empty());
        assert!(p.started.is_some());
    }
}
