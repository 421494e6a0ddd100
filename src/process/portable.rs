//! Process details from sysinfo, where it is the backend (macOS,
//! Windows): for the found pids and their ancestors only, never for the
//! whole process table (except `debuggee_of`, asked by `--kill` on a
//! debugger's port).

use std::collections::HashMap;

use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};

use super::{MAX_ANCESTORS, ProcessInfo, Users, chain, is_supervisor, kept_env};

/// The real uid `pid` runs as (for a process whose fds are not readable).
pub(super) fn uid_of(pid: u32) -> Option<u32> {
    let mut sys = System::new().ok()?;
    let one = [Pid::from_u32(pid)];
    let what = ProcessRefreshKind::nothing().with_user(UpdateKind::Always);
    sys.refresh_processes_specifics(ProcessesToUpdate::Some(&one), false, what);
    let uid = sys.process(one[0])?.user_id()?;
    uid.to_string().parse().ok()
}

/// No systemd here.
pub(super) fn unit(_pid: u32) -> Option<super::Unit> {
    None
}

/// 2000-01-01T00:00:00Z in seconds since the epoch: no process that
/// portcheck sees started before it.
const Y2000: u64 = 946_684_800;

/// The process's start time (seconds since the epoch) by sysinfo, or
/// `None` when it is gone or a zombie: what pins a kill target on macOS
/// (`kill/sys/unix.rs`).
#[cfg_attr(windows, allow(dead_code))]
pub(super) fn start_time(pid: u32) -> Option<u64> {
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

/// The process that runs under `python -m debugpy --listen [HOST:]PORT`:
/// every process's command line is read.
pub(super) fn debuggee_of(port: u16) -> Option<(u32, bool)> {
    let mut sys = System::new().ok()?;
    sys.refresh_processes_specifics(
        ProcessesToUpdate::All,
        true,
        ProcessRefreshKind::nothing().with_cmd(UpdateKind::Always),
    );
    let listens = |cmd: &[std::ffi::OsString]| {
        let words: Vec<String> = cmd.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        super::debugpy_listening(&words, port)
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
pub(super) fn ancestors(pid: u32) -> Vec<u32> {
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

/// The names of `pid`'s ancestors, parent first.
#[cfg_attr(not(windows), allow(dead_code))]
pub(super) fn ancestor_names(pid: u32) -> Vec<String> {
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
pub(super) fn describe(pids: &[u32]) -> HashMap<u32, ProcessInfo> {
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

/// What portcheck shows of `pid`, from a refreshed `sys`.
fn info(sys: &System, pid: u32, users: &mut Users) -> Option<ProcessInfo> {
    let p = sys.process(Pid::from_u32(pid))?;
    let uid = p.user_id().and_then(|u| u.to_string().parse().ok());
    let (uid, user) = super::platform::owner(pid, uid, users);
    let name = p.name().to_string_lossy().into_owned();
    let command: Vec<String> = p.cmd().iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let command = if command.is_empty() { vec![format!("[{name}]")] } else { command };
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
        unit: None,
        container: None,
        created: super::platform::created(pid),
        halt: match p.status() {
            sysinfo::ProcessStatus::Stop => Some(super::Halt::Stopped),
            sysinfo::ProcessStatus::Tracing => Some(super::Halt::Traced),
            _ => None,
        },
        sandbox: None,
        pid_ns: None,
        werkzeug_child,
        cwd: p.cwd().map(std::path::Path::to_path_buf),
        env,
        parent_command,
    })
}
