//! What Windows's socket table does not say (Windows only: declared under
//! `cfg(windows)` in scan/mod.rs).
//!
//! The table names one owner per socket: the process that created it. A
//! handle inherited by a child is invisible there, and that is Flask's
//! case: Werkzeug's reloader parent binds the socket, marks it
//! inheritable and starts the serving child with `WERKZEUG_SERVER_FD`.
//! Kill the parent alone (`taskkill /F /PID`) and the child keeps the port
//! while the table names a pid that no longer exists. Windows does not
//! reparent and reuses pids, so a parent pid proves nothing by itself: a
//! parent must be older than its child. A live owner stays the owner
//! (a process whose stale parent pid equals its pid is another's child),
//! unless the socket's create timestamp (the owner-module tables; 0 or
//! not served: unknown) shows the socket is older than the live process:
//! then its pid was reused, and the owner's children are the processes
//! with its pid as parent that started after the socket and before the
//! process that took the pid.
//!
//! The decisions are pure functions over process rows, unit-tested here;
//! `apply` reads the rows (sysinfo) and folds the answer into a snapshot.

use std::collections::BTreeMap;

use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};

use crate::i18n::{Msg, msg};
use crate::net::State;
use crate::scan::{Snapshot, Socket};

/// One process, as far as these decisions need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Row {
    pub(super) pid: u32,
    pub(super) ppid: Option<u32>,
    /// Seconds since the epoch.
    pub(super) start: u64,
    pub(super) name: String,
    /// `WERKZEUG_SERVER_FD` or `WERKZEUG_RUN_MAIN` in its environment.
    pub(super) werkzeug: bool,
}

/// A socket whose named owner is not (or no longer) its creator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Orphan {
    /// The pid the table names.
    pub(super) owner: u32,
    /// Werkzeug serving children of the dead owner: they hold the port.
    pub(super) werkzeug: Vec<u32>,
    /// Other descendants: they may hold the inherited handle.
    pub(super) may_hold: Vec<u32>,
}

/// Whether `owner` is gone (absent, or its pid reused: the socket was
/// `created` before the live process with that pid started), and if so
/// its descendants. `created`: the socket's create time, seconds since
/// the epoch, when the table gives one.
pub(super) fn orphan(owner: u32, created: Option<u64>, rows: &[Row]) -> Option<Orphan> {
    let now = rows.iter().find(|r| r.pid == owner);
    if let Some(n) = now
        && created.is_none_or(|c| n.start <= c)
    {
        return None;
    }
    // Children of the original owner: they started after the socket was
    // made (to inherit it) and before any process that reuses its pid.
    let children: Vec<&Row> = rows
        .iter()
        .filter(|r| r.ppid == Some(owner) && r.pid != owner)
        .filter(|r| now.is_none_or(|n| r.start < n.start))
        .filter(|r| created.is_none_or(|c| r.start >= c))
        .collect();
    let mut found: Vec<&Row> = Vec::new();
    let mut frontier = children;
    while let Some(r) = frontier.pop() {
        if found.iter().any(|f| f.pid == r.pid) {
            continue;
        }
        found.push(r);
        frontier.extend(
            rows.iter().filter(|c| c.ppid == Some(r.pid) && c.pid != r.pid && c.start >= r.start),
        );
    }
    let (werkzeug, may_hold): (Vec<&Row>, Vec<&Row>) = found.into_iter().partition(|r| r.werkzeug);
    let pids = |v: Vec<&Row>| crate::net::sorted_unique(v.into_iter().map(|r| r.pid));
    Some(Orphan { owner, werkzeug: pids(werkzeug), may_hold: pids(may_hold) })
}

/// The note that explains an orphaned socket.
pub(super) fn orphan_note(s: &Socket, o: &Orphan, rows: &[Row]) -> Msg {
    let name = |pid: u32| {
        rows.iter()
            .find(|r| r.pid == pid)
            .map_or_else(|| format!("{pid}"), |r| format!("{pid} ({})", r.name))
    };
    let list = |v: &[u32]| v.iter().map(|&p| name(p)).collect::<Vec<_>>().join(", ");
    let (owner, address, port) = (o.owner, s.address.to_string(), s.port);
    let mut note = msg!(
        "scan-orphan",
        owner = owner,
        protocol = s.protocol.name(),
        address = address,
        port = port
    );
    if !o.werkzeug.is_empty() {
        note = msg!("scan-orphan-werkzeug", note = note, pids = list(&o.werkzeug));
    }
    if !o.may_hold.is_empty() {
        note = msg!("scan-orphan-may-hold", note = note, pids = list(&o.may_hold));
    }
    note
}

/// Two listeners from different processes on one address and port: on
/// Windows SO_REUSEADDR (Werkzeug sets it) lets a second server of the
/// same user bind a port in use, and the old one may go on answering.
pub(super) fn duplicate_listeners(sockets: &[Socket]) -> Vec<Msg> {
    let mut by_addr: BTreeMap<(crate::net::Protocol, std::net::IpAddr, u16), Vec<u32>> =
        BTreeMap::new();
    for s in sockets.iter().filter(|s| s.state == State::Listen) {
        by_addr.entry((s.protocol, s.address, s.port)).or_default().extend(&s.pids);
    }
    by_addr
        .into_iter()
        .filter_map(|((protocol, address, port), pids)| {
            let pids = crate::net::sorted_unique(pids.into_iter().filter(|&p| p != 0));
            (pids.len() > 1).then(|| {
                let pids: Vec<String> = pids.iter().map(u32::to_string).collect();
                msg!(
                    "scan-duplicate-listeners",
                    count = pids.len(),
                    protocol = protocol.name(),
                    address = address.to_string(),
                    port = port,
                    pids = pids.join(", ")
                )
            })
        })
        .collect()
}

/// Reads every process's parent, start time and name, and the
/// environment of the few that matter; folds orphans and duplicate
/// listeners into `snap`. Skipped when no socket names an owner.
pub(super) fn apply(snap: &mut Snapshot) {
    snap.notes.extend(duplicate_listeners(&snap.sockets));
    if !snap.sockets.iter().any(|s| s.pids.iter().any(|&p| p != 0)) {
        return;
    }
    let Ok(mut sys) = System::new() else { return };
    sys.refresh_processes_specifics(ProcessesToUpdate::All, true, ProcessRefreshKind::nothing());
    let mut rows = rows_of(&sys);
    // The create timestamps: one more read of the tables (owner-module
    // class), once.
    let table = std::cell::OnceCell::new();
    for s in &mut snap.sockets {
        let owners: Vec<u32> = s.pids.iter().copied().filter(|&p| p != 0).collect();
        for owner in owners {
            let created = created_secs(table.get_or_init(crate::win32::sockets_created), s, owner);
            let Some(mut o) = orphan(owner, created, &rows) else { continue };
            // Only now read environments, of the descendants alone.
            mark_werkzeug(&mut sys, &mut rows, &o.may_hold);
            o = orphan(owner, created, &rows).unwrap_or(o);
            snap.notes.push(orphan_note(s, &o, &rows));
            s.pids.retain(|&p| p != owner);
            s.pids = crate::net::sorted_unique(s.pids.iter().copied().chain(o.werkzeug));
        }
    }
}

/// Seconds between 1601 (FILETIME's epoch) and 1970.
const FILETIME_TO_UNIX: u64 = 11_644_473_600;

/// FILETIME (100 ns since 1601) as seconds since the Unix epoch; 0 (the
/// table did not say) is `None`.
pub(super) fn filetime_secs(ticks: u64) -> Option<u64> {
    (ticks / 10_000_000).checked_sub(FILETIME_TO_UNIX).filter(|_| ticks != 0)
}

/// The create time of `s`, owned by `owner`, from the owner-module table.
fn created_secs(table: &[crate::win32::SocketCreated], s: &Socket, owner: u32) -> Option<u64> {
    let tcp = s.protocol == crate::net::Protocol::Tcp;
    table
        .iter()
        .find(|r| r.tcp == tcp && r.port == s.port && r.pid == owner && r.address == s.address)
        .and_then(|r| filetime_secs(r.created))
}

fn rows_of(sys: &System) -> Vec<Row> {
    sys.processes()
        .values()
        .map(|p| Row {
            pid: p.pid().as_u32(),
            ppid: p.parent().map(Pid::as_u32),
            start: p.start_time(),
            name: p.name().to_string_lossy().into_owned(),
            werkzeug: false,
        })
        .collect()
}

fn mark_werkzeug(sys: &mut System, rows: &mut [Row], pids: &[u32]) {
    let wanted: Vec<Pid> = pids.iter().map(|&p| Pid::from_u32(p)).collect();
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&wanted),
        false,
        ProcessRefreshKind::nothing().with_environ(UpdateKind::Always),
    );
    for r in rows.iter_mut().filter(|r| pids.contains(&r.pid)) {
        r.werkzeug = sys.process(Pid::from_u32(r.pid)).is_some_and(|p| {
            p.environ().iter().any(|e| {
                let e = e.to_string_lossy();
                e.starts_with("WERKZEUG_SERVER_FD=") || e.starts_with("WERKZEUG_RUN_MAIN=")
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::{Family, Protocol};

    fn row(pid: u32, ppid: u32, start: u64, name: &str, werkzeug: bool) -> Row {
        Row { pid, ppid: Some(ppid), start, name: name.into(), werkzeug }
    }

    fn listener(pids: Vec<u32>) -> Socket {
        Socket {
            protocol: Protocol::Tcp,
            family: Family::Ipv4,
            address: "127.0.0.1".parse().unwrap(),
            port: 5000,
            state: State::Listen,
            inode: 0,
            uid: None,
            v6only: None,
            pids,
            interface: 0,
        }
    }

    /// `taskkill /F /PID <reloader>`: the table still names 100, which is
    /// gone; its Werkzeug child 200 holds the port, 300 (a grandchild
    /// started later) may.
    #[test]
    fn a_dead_owner_points_at_its_werkzeug_child() {
        let rows = vec![
            row(200, 100, 1000, "python.exe", true),
            row(300, 200, 1001, "node.exe", false),
            row(400, 50, 900, "explorer.exe", false),
        ];
        let o = orphan(100, None, &rows).unwrap();
        assert_eq!(o, Orphan { owner: 100, werkzeug: vec![200], may_hold: vec![300] });
        let note = orphan_note(&listener(vec![100]), &o, &rows).english();
        assert!(note.contains("pid 100") && note.contains("exited"), "{note}");
        assert!(note.contains("200 (python.exe)") && note.contains("300 (node.exe)"), "{note}");
    }

    /// A live owner with its children is the ordinary case: no orphan.
    #[test]
    fn a_live_owner_is_not_an_orphan() {
        let rows =
            vec![row(100, 1, 1000, "python.exe", false), row(200, 100, 1001, "python.exe", true)];
        assert_eq!(orphan(100, None, &rows), None);
    }

    /// The pid-reuse trap: the owner 100 is alive (started at 2000); 200,
    /// a Flask child serving another port, has the stale parent pid 100
    /// of an older process that exited before this 100 took the pid.
    /// Windows never reparents, so that proves nothing: the live owner
    /// stays the owner whether the socket's create time is unknown (no
    /// table, or 0) or younger than it — never 200.
    #[test]
    fn a_live_owner_stays_the_owner_whatever_stale_parent_pids_say() {
        let rows =
            vec![row(200, 100, 1000, "python.exe", true), row(100, 7, 2000, "python.exe", false)];
        assert_eq!(orphan(100, None, &rows), None);
        assert_eq!(orphan(100, filetime_secs(0), &rows), None);
        assert_eq!(orphan(100, Some(2000), &rows), None);
        assert_eq!(orphan(100, Some(2500), &rows), None);
    }

    /// Pid 100 was reused: the socket (made at 999) is older than the
    /// process now called 100 (2000), so the table's owner has exited.
    /// The child 200 belongs to the dead original, the new 100 does not
    /// count, a child of the new 100 is not the original's, nor is one
    /// older than the socket (it could not inherit it).
    #[test]
    fn a_reused_pid_is_seen_by_the_sockets_create_time() {
        let rows = vec![
            row(200, 100, 1000, "python.exe", true),
            row(100, 7, 2000, "notepad.exe", false),
            row(500, 100, 2001, "cmd.exe", false),
            row(90, 100, 900, "old.exe", false),
        ];
        let o = orphan(100, Some(999), &rows).unwrap();
        assert_eq!(o.werkzeug, vec![200]);
        assert!(o.may_hold.is_empty(), "{o:?}");
    }

    #[test]
    fn filetimes_are_seconds_since_1970() {
        assert_eq!(filetime_secs(0), None);
        // 2026-01-01T00:00:00Z.
        assert_eq!(filetime_secs(134_116_992_000_000_000), Some(1_767_225_600));
        assert_eq!(filetime_secs(5), None);
    }

    #[test]
    fn two_processes_on_one_address_and_port_are_a_warning() {
        let mut other = listener(vec![20]);
        other.port = 5001;
        let notes = duplicate_listeners(&[listener(vec![10]), listener(vec![11]), other]);
        assert_eq!(notes.len(), 1, "{notes:?}");
        let note = notes[0].english();
        assert!(note.contains("127.0.0.1:5000") && note.contains("10, 11"), "{notes:?}");
        // One process with two sockets (or pid 0 under Wine) is not.
        assert!(duplicate_listeners(&[listener(vec![10]), listener(vec![10])]).is_empty());
        assert!(duplicate_listeners(&[listener(vec![0]), listener(vec![0])]).is_empty());
    }

    /// In Korean: the notes whole, their pids, names, address and port as
    /// they are; in JSON (serialized) English.
    #[test]
    fn the_notes_are_korean_with_pids_and_addresses_unchanged() {
        use crate::i18n::{Lang, scoped};
        let rows =
            vec![row(200, 100, 1000, "python.exe", true), row(300, 200, 1001, "node.exe", false)];
        let o = orphan(100, None, &rows).unwrap();
        let note = orphan_note(&listener(vec![100]), &o, &rows);
        let korean = scoped(Lang::Ko, || note.to_string());
        assert!(
            korean.starts_with(
                "소켓 테이블에 tcp 127.0.0.1:5000의 소유자로 나온 프로세스(pid 100)는"
            ),
            "{korean}"
        );
        assert!(
            korean.contains(". Werkzeug의 서버 자식 프로세스가 점유 중: pid 200 (python.exe)"),
            "{korean}"
        );
        assert!(
            korean.ends_with(". 점유하고 있을 수 있는 프로세스: pid 300 (node.exe)"),
            "{korean}"
        );
        let json = scoped(Lang::Ko, || serde_json::to_string(&note).unwrap());
        assert_eq!(json, serde_json::to_string(&note.english()).unwrap());
        let twice = duplicate_listeners(&[listener(vec![10]), listener(vec![11])]);
        let korean = scoped(Lang::Ko, || twice[0].to_string());
        assert!(
            korean.starts_with(
                "경고: 프로세스 2개가 tcp 127.0.0.1:5000에서 수신 대기(LISTEN) 중입니다(pid 10, 11)"
            ),
            "{korean}"
        );
    }
}
