//! Details of the processes found holding sockets: name, command line,
//! user, parent and start time. sysinfo reads them for the found pids
//! (and their parents) only, never for the whole process table.

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
        ProcessRefreshKind::nothing().with_cmd(UpdateKind::Always).with_user(UpdateKind::Always),
    );
    let parents: Vec<Pid> = wanted
        .iter()
        .filter_map(|p| sys.process(*p)?.parent())
        .filter(|p| sys.process(*p).is_none())
        .collect();
    if !parents.is_empty() {
        sys.refresh_processes_specifics(
            ProcessesToUpdate::Some(&parents),
            false,
            ProcessRefreshKind::nothing(),
        );
    }
    let mut users = Users::default();
    for &pid in pids {
        let Some(p) = sys.process(Pid::from_u32(pid)) else { continue };
        let uid = p.user_id().map(|u| **u);
        let name = p.name().to_string_lossy().into_owned();
        let mut command: Vec<String> =
            p.cmd().iter().map(|a| a.to_string_lossy().into_owned()).collect();
        if command.is_empty() {
            command.push(format!("[{name}]"));
        }
        let ppid = p.parent().map(|pp| pp.as_u32());
        out.insert(
            pid,
            ProcessInfo {
                pid,
                ppid,
                parent_name: p
                    .parent()
                    .and_then(|pp| sys.process(pp))
                    .map(|pp| pp.name().to_string_lossy().into_owned()),
                uid,
                user: uid.and_then(|u| users.name(u)),
                name,
                command,
                started: Some(p.start_time()).filter(|&t| t > 0),
            },
        );
    }
    out
}

/// uid → user name, looked up once per uid.
#[derive(Default)]
pub(crate) struct Users(HashMap<u32, Option<String>>);

impl Users {
    pub(crate) fn name(&mut self, uid: u32) -> Option<String> {
        self.0
            .entry(uid)
            .or_insert_with(|| {
                nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
                    .ok()
                    .flatten()
                    .map(|u| u.name)
            })
            .clone()
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

    #[test]
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
