//! What is said of each socket: its processes (with what they are and
//! where they came from), how far it reaches, why no process is shown
//! when none is, and whether it deserves a warning.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::i18n::{Msg, msg};
use crate::net::State;
use crate::process::{self, ProcessInfo, Users};
use crate::report::{Ancestor, Exposure, ProcessReport, SocketReport};
use crate::scan::{Snapshot, Socket};

use super::Context;

/// Turns sockets into socket reports, with the process details read once
/// for every pid of the scan.
pub(super) struct Enricher<'a> {
    ctx: &'a Context,
    snap: &'a Snapshot,
    details: HashMap<u32, ProcessInfo>,
    /// How each holder was started, built once per holder (the first of
    /// its sockets' other holders decide a reloader's role).
    origins: HashMap<u32, crate::started::Started>,
    users: Users,
}

impl<'a> Enricher<'a> {
    pub(super) fn new(ctx: &'a Context, snap: &'a Snapshot, pids: &[u32]) -> Enricher<'a> {
        Enricher {
            ctx,
            snap,
            details: process::describe(pids),
            origins: HashMap::new(),
            users: Users::default(),
        }
    }

    /// Processes of other users could not be read.
    pub(super) fn some_unreadable(&self) -> bool {
        !self.snap.unreadable.is_empty()
    }

    /// The unreadable processes that run as portcheck's own user (a
    /// server that dropped root to it is not dumpable, so its fds stay
    /// root's).
    pub(super) fn unreadable_of_mine(&self) -> Vec<u32> {
        let Some(me) = crate::host::my_uid() else { return Vec::new() };
        self.snap.unreadable.iter().copied().filter(|&p| process::uid_of(p) == Some(me)).collect()
    }

    pub(super) fn socket(&mut self, s: &Socket) -> SocketReport {
        let holders: Vec<&ProcessInfo> =
            s.pids.iter().filter_map(|pid| self.details.get(pid)).collect();
        let processes: Vec<ProcessReport> = holders
            .iter()
            .map(|p| {
                let origin = self.origins.entry(p.pid).or_insert_with(|| {
                    let peers: Vec<&ProcessInfo> =
                        holders.iter().copied().filter(|q| q.pid != p.pid).collect();
                    crate::started::of(p, &peers)
                });
                report_with(p, &holders, s.port, self.ctx, origin.clone())
            })
            .collect();
        let user = s.uid.and_then(|u| self.users.name(u));
        let device = (s.interface != 0).then(|| self.ctx.device(s.interface)).flatten();
        let exposure = self.exposure(s, device.as_deref());
        let dev = processes.iter().any(ProcessReport::is_dev_server);
        let hidden = processes.is_empty().then(|| self.hidden(s, user.as_deref()));
        SocketReport {
            protocol: s.protocol,
            family: s.family,
            address: s.address.to_string(),
            port: s.port,
            state: s.state,
            exposure,
            inode: s.inode,
            uid: s.uid,
            user,
            v6only: s.v6only,
            reachable_at: self.reachable_at(s, exposure, device.as_deref()),
            device,
            processes,
            hidden,
            // A development server other machines can reach.
            warning: (dev && exposure != Exposure::Loopback)
                .then(|| msg!("inspect-dev-server-exposed")),
        }
    }

    /// Why no process is shown for `s`.
    fn hidden(&self, s: &Socket, user: Option<&str>) -> Msg {
        let (ctx, snap) = (self.ctx, self.snap);
        let who = match (user, s.uid) {
            (Some(name), Some(uid)) => msg!("inspect-who-uid-name", uid = uid, name = name),
            (None, Some(uid)) => msg!("inspect-who-uid", uid = uid),
            _ => msg!("inspect-who-another-user"),
        };
        if s.inode == 0 && s.state.is_closing() {
            msg!("inspect-hidden-orphan-closing")
        } else if let Some(why) = &snap.unnamed {
            why.clone()
        } else if snap.out_of_fds {
            msg!("inspect-hidden-out-of-fds", who = who)
        } else if crate::scan::BLIND_SPOT == crate::scan::BlindSpot::BoundSockets {
            // Windows: the table named a pid that cannot be read now.
            let pids = s.pids.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
            msg!("inspect-hidden-unopened-pid", pids = pids, elevate = crate::host::elevate())
        } else if let Some(err) = &snap.proc_error {
            msg!("inspect-hidden-no-proc", who = who, error = err)
        } else if snap.hidepid && !ctx.root {
            msg!("inspect-hidden-hidepid", who = who)
        } else if !ctx.root && !snap.unreadable.is_empty() {
            msg!("inspect-hidden-unreadable", who = who, elevate = crate::host::elevate())
        } else if s.state == State::TimeWait {
            msg!("inspect-hidden-time-wait")
        } else {
            msg!("inspect-hidden-unseen", who = who, reasons = self.no_visible_holder(s))
        }
    }

    /// Why no process portcheck can see has `s` open: the possible reasons,
    /// most likely first, each saying whether it applies here. Never a
    /// guess at one process.
    fn no_visible_holder(&self, s: &Socket) -> Msg {
        let snap = self.snap;
        let kernel = if s.uid == Some(0) {
            msg!("inspect-kernel-socket")
        } else {
            msg!("inspect-kernel-socket-unlikely")
        };
        let flight = msg!("inspect-socket-in-flight");
        let mut hiding = Vec::new();
        if !snap.unreadable.is_empty() {
            let pids: Vec<String> = snap.unreadable.iter().take(5).map(u32::to_string).collect();
            let count = snap.unreadable.len();
            hiding.push(msg!("inspect-hiding-unreadable", count = count, pids = pids.join(", ")));
        }
        if snap.hidepid {
            hiding.push(msg!("inspect-hiding-hidepid"));
        }
        if snap.child_pid_ns {
            hiding.push(msg!("inspect-hiding-child-ns"));
        }
        let none_applies = hiding.is_empty();
        let hidden = match super::joined(hiding) {
            None => msg!("inspect-unseen-holder-none"),
            Some(hiding) => msg!("inspect-unseen-holder-applies", hiding = hiding),
        };
        // The reason that applies here comes first.
        let [first, second, third] = match (none_applies, s.uid == Some(0)) {
            (false, true) => [hidden, kernel, flight],
            (false, false) => [hidden, flight, kernel],
            (true, true) => [kernel, flight, hidden],
            (true, false) => [flight, kernel, hidden],
        };
        msg!("inspect-no-visible-holder", first = first, second = second, third = third)
    }

    /// How far `s` reaches: by its address, narrowed by the device it is
    /// bound to (SO_BINDTODEVICE: `lo` is loopback only, another device
    /// that interface only); a unicast address no interface has reaches
    /// nowhere.
    fn exposure(&self, s: &Socket, device: Option<&str>) -> Exposure {
        let by_address = Exposure::of(&s.address);
        match (by_address, device) {
            (Exposure::Loopback, _) | (_, Some("lo")) => Exposure::Loopback,
            (Exposure::Specific, _) if !self.ctx.assigned(&s.address) => Exposure::Unassigned,
            (Exposure::AllInterfaces, Some(_)) => Exposure::Specific,
            (e, _) => e,
        }
    }

    /// Where other machines reach `s`: this machine's interface addresses
    /// (of its device, when bound to one) for a wildcard socket, the
    /// address itself for a specific one.
    fn reachable_at(&self, s: &Socket, exposure: Exposure, device: Option<&str>) -> Vec<String> {
        let fmt = |ip: &IpAddr| match ip {
            IpAddr::V4(v4) => format!("{v4}:{}", s.port),
            IpAddr::V6(v6) => format!("[{v6}]:{}", s.port),
        };
        if !s.state.is_listener() {
            return Vec::new();
        }
        match exposure {
            Exposure::Loopback | Exposure::Unassigned => Vec::new(),
            Exposure::Specific if !s.address.is_unspecified() => vec![fmt(&s.address)],
            Exposure::Specific | Exposure::AllInterfaces => self
                .ctx
                .addresses(device)
                .iter()
                // Only the families that can connect: an IPv4-mapped
                // wildcard (`::ffff:0.0.0.0`) takes IPv4 connections only.
                .filter(|ip| super::connects(s.family, &s.address, s.v6only, ip))
                .map(fmt)
                .collect(),
        }
    }
}

/// Seconds since the Unix epoch.
fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Seconds since the epoch as RFC 3339 UTC: `2026-11-25T10:42:07Z`.
fn rfc3339(secs: u64) -> Option<String> {
    Some(jiff::Timestamp::from_second(i64::try_from(secs).ok()?).ok()?.to_string())
}

/// One holder as reported: its details, what it is (from it and the other
/// holders of the socket) and its ancestors.
#[cfg(test)]
pub(crate) fn process_report(
    p: &ProcessInfo,
    holders: &[&ProcessInfo],
    port: u16,
    ctx: &Context,
) -> ProcessReport {
    let peers: Vec<&ProcessInfo> = holders.iter().copied().filter(|q| q.pid != p.pid).collect();
    report_with(p, holders, port, ctx, crate::started::of(p, &peers))
}

/// [`process_report`] with how `p` was started already known.
fn report_with(
    p: &ProcessInfo,
    holders: &[&ProcessInfo],
    port: u16,
    ctx: &Context,
    origin: crate::started::Started,
) -> ProcessReport {
    let peers: Vec<&ProcessInfo> = holders.iter().copied().filter(|q| q.pid != p.pid).collect();
    let role = if origin.is_session_port(port, ctx.host.ephemeral) {
        crate::hint::Role::Session
    } else {
        crate::hint::role(p, &peers, origin.kind, port)
    };
    ProcessReport {
        pid: p.pid,
        ppid: p.ppid,
        name: p.name.clone(),
        user: p.user.clone(),
        command: p.command.clone(),
        started: p.started.and_then(rfc3339),
        hint: crate::hint::describe(p, origin.kind, role, &origin.launchers),
        role,
        origin,
        parent_name: p.parent_name.clone(),
        parents: p
            .ancestors
            .iter()
            .map(|(pid, name)| Ancestor { pid: *pid, name: name.clone() })
            .collect(),
        unit: p.unit.clone(),
        created: p.created,
        sandbox: p.sandbox.clone(),
        pid_ns: p.pid_ns,
        life: super::life::life(p, now()),
    }
}

// Not on Windows: its table names a pid for every socket, and the reason
// is the pid it cannot open (.ci/windows runs ignored tests too).
#[cfg(all(test, not(windows)))]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};
    use crate::net::{Family, Protocol};

    /// A listener of uid 0 on 0.0.0.0:5000 whose holder cannot be seen:
    /// one process unreadable, `/proc` mounted with hidepid.
    fn unseen() -> SocketReport {
        let mut ctx = Context::new(crate::services::Services::default());
        ctx.root = true;
        let snap = Snapshot { unreadable: vec![4242], hidepid: true, ..Snapshot::default() };
        let s = Socket {
            protocol: Protocol::Tcp,
            family: Family::Ipv4,
            address: "0.0.0.0".parse().unwrap(),
            port: 5000,
            state: State::Listen,
            inode: 77,
            uid: Some(0),
            v6only: None,
            pids: vec![],
            interface: 0,
        };
        Enricher::new(&ctx, &snap, &[]).socket(&s)
    }

    /// Why no process is shown: the reasons in Korean, most likely first,
    /// the pid and uid as they are; the report's JSON the same in both
    /// languages, and English.
    #[test]
    fn why_no_process_is_shown_is_said_in_korean_and_kept_english_in_json() {
        let report = unseen();
        let hidden = report.hidden.clone().expect("no process, so a reason");
        let english = hidden.english();
        assert!(english.starts_with("owned by uid 0"), "{english}");
        assert!(
            english.contains(
                "no process portcheck can see has it open; possible reasons, most likely first: \
                 1) a holder portcheck cannot see, which applies here: 1 process whose \
                 descriptors even root may not read (pid 4242); /proc is mounted with hidepid; \
                 2) a kernel socket"
            ),
            "{english}"
        );
        let korean = scoped(Lang::Ko, || hidden.to_string());
        for said in [
            "uid 0",
            "소유이지만 portcheck가 볼 수 있는 프로세스 중에는 이 소켓을 연 것이 없습니다",
            "1) portcheck가 볼 수 없는 점유 프로세스(여기에 해당함: root도 디스크립터를 읽을 수 \
             없는 프로세스 1개(pid 4242); /proc이 hidepid 옵션으로 마운트됨)",
            "2) 커널 소켓",
            "3) 전달 중인 소켓",
        ] {
            assert!(korean.contains(said), "{said:?} not in {korean}");
        }
        assert!(!korean.contains("owned by"), "{korean}");
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(scoped(Lang::Ko, || serde_json::to_string(&report).unwrap()), json);
        assert!(json.contains(&serde_json::to_string(&english).unwrap()), "{json}");
    }
}
