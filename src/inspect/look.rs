//! How each queried port is decided.
//!
//! First look: the listeners of every port, in one scan, with no `/proc`
//! walk (the one walk comes with the second look). A port without one is
//! bound exclusively (no
//! SO_REUSEADDR): success means nothing at all is bound — free, with no
//! further cost. Second look, only for the ports where that bind failed
//! (or was not permitted): every socket of those ports in any state —
//! bound-inactive sockets, connections, TIME_WAIT — in one more scan and
//! walk, and a server-style bind (with SO_REUSEADDR) for each. Ports with
//! a listener take the second look too, in the same scan: their TIME_WAIT
//! connections are counted and a socket bound there without listening is
//! a holder beside the listener. A bind that fails with nothing to show is
//! looked at again a few times (a socket in flight); a bind that could not
//! be tried (no socket at all) leaves the answer unknown unless the socket
//! table shows a holder.

use std::collections::HashMap;

use crate::i18n::{Msg, msg};
use crate::net::{Family, PortQuery, Selection, State};
use crate::probe::{Probe, exclusive, probe};
use crate::scan::{self, Scope, Snapshot, Socket};
use crate::shell::{Command, Step};

use super::Context;

/// How many times the second look is taken for a bind that failed with
/// nothing to show.
const ATTEMPTS: usize = 3;

/// What is known about one queried port while its report is built.
#[derive(Default)]
pub(super) struct Look {
    /// Sockets holding the port (listeners from the first look, anything
    /// that blocks a server from the second).
    pub(super) held: Vec<Socket>,
    pub(super) in_use: bool,
    /// The first look found a listener (or a UDP socket) on the port.
    listened: bool,
    /// The exclusive bind failed: something is bound.
    bound: bool,
    /// Binding was not permitted (a privileged port without root).
    pub(super) denied: bool,
    /// portcheck bound (or tried to bind) the port: false for a port
    /// decided by its listener alone.
    pub(super) probed: bool,
    /// A server-style bind failed with EADDRINUSE.
    server_blocked: bool,
    /// A bind was refused for good (Windows's WSAEACCES): the port
    /// cannot be bound, so it is in use even with nothing to show.
    refused_bind: bool,
    /// Why, once explained.
    pub(super) refused: Option<crate::port::Refused>,
    /// Why a bind could not be tried at all (no socket: EPERM from a
    /// policy, EMFILE, ENOBUFS…): with nothing in the socket table, the
    /// answer is unknown. Each is (`tcp/IPv4`, what failed).
    pub(super) unknown: Vec<(String, Msg)>,
    pub(super) time_wait: usize,
    /// Orphaned closing connections on the port (FIN_WAIT, CLOSING,
    /// LAST_ACK with inode 0).
    pub(super) orphans: usize,
    /// Families this host lacks (proven), so not bound.
    pub(super) unsupported: Vec<Family>,
    pub(super) notes: Vec<Msg>,
    /// What to do, command by command (the notes are prose).
    pub(super) fix: Vec<crate::shell::Step>,
}

impl Look {
    /// Whether the second look (every socket state) is needed: a listener
    /// was found (its TIME_WAIT connections and bound co-holders are
    /// counted too), or the exclusive bind did not succeed.
    fn pending(&self) -> bool {
        self.listened || self.bound || self.denied || self.refused_bind || !self.unknown.is_empty()
    }
}

/// Whether socket `s` answers the question `q` under `select`.
fn relevant(select: Selection, q: &PortQuery, s: &Socket) -> bool {
    s.port == q.port && q.protocols().contains(&s.protocol) && s.covers(select)
}

/// One [`Look`] per query, in order, and the snapshot of the first look
/// with what the second learned about owners.
pub(super) fn looks(
    ctx: &Context,
    select: Selection,
    queries: &[PortQuery],
) -> anyhow::Result<(Vec<Look>, Snapshot)> {
    let ports = crate::net::port_numbers(queries);
    // No owners yet: every port with something on it takes the second
    // look, whose one walk of /proc names them all.
    let mut snap = scan::snapshot(select.widened(), Scope::Ports(&ports), false)?;
    let mut by_port: HashMap<u16, Vec<&Socket>> = HashMap::new();
    for s in &snap.sockets {
        by_port.entry(s.port).or_default().push(s);
    }
    let mut looks: Vec<Look> = queries
        .iter()
        .map(|q| {
            let held: Vec<Socket> = by_port
                .get(&q.port)
                .into_iter()
                .flatten()
                .filter(|s| relevant(select, q, s) && s.state.holds_port())
                .map(|s| (*s).clone())
                .collect();
            if held.is_empty() {
                exclusive_bind(select, q)
            } else {
                Look { held, in_use: true, listened: true, ..Look::default() }
            }
        })
        .collect();
    drop(by_port);
    second_look(select, queries, &mut looks, &mut snap)?;
    for (q, look) in queries.iter().zip(&mut looks) {
        explain(ctx, q, look);
    }
    Ok((looks, snap))
}

/// Every socket in any state of the ports that are not plainly free, in
/// one scan per attempt (and one `/proc` walk), and a server-style bind
/// for each port without a listener.
fn second_look(
    select: Selection,
    queries: &[PortQuery],
    looks: &mut [Look],
    snap: &mut Snapshot,
) -> anyhow::Result<()> {
    let mut pending: Vec<usize> = (0..looks.len()).filter(|&i| looks[i].pending()).collect();
    for attempt in 0..ATTEMPTS {
        if pending.is_empty() {
            break;
        }
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let ports = crate::net::sorted_unique(pending.iter().map(|&i| queries[i].port));
        // The first time, sock_diag is asked only what the first look did
        // not ask; a retry (a socket in flight) asks everything again.
        let second = if attempt == 0 {
            scan::second_look(select.widened(), &ports, snap)?
        } else {
            scan::snapshot(select.widened(), Scope::AnyState(&ports), true)?
        };
        snap.absorb(&second);
        let mut by_port: HashMap<u16, Vec<&Socket>> = HashMap::new();
        for s in &second.sockets {
            by_port.entry(s.port).or_default().push(s);
        }
        // Retry only a bind that failed with nothing to show.
        pending.retain(|&i| {
            let on_port = by_port.get(&queries[i].port).map_or(&[][..], Vec::as_slice);
            !decide(select, &queries[i], &mut looks[i], on_port)
        });
    }
    Ok(())
}

/// Decides a port from the second look; false when it is in use with
/// nothing to show for it (worth another look).
fn decide(select: Selection, q: &PortQuery, look: &mut Look, on_port: &[&Socket]) -> bool {
    let (tw, other): (Vec<Socket>, Vec<Socket>) = on_port
        .iter()
        .filter(|s| relevant(select, q, s))
        .map(|s| (*s).clone())
        .partition(|s| s.state == State::TimeWait);
    look.time_wait = tw.len();
    // Orphaned closing connections (inode 0: no process has them; the
    // kernel finishes the close) block a server only as TIME_WAIT does:
    // when the server-style bind below fails.
    let (orphans, other): (Vec<Socket>, Vec<Socket>) =
        other.into_iter().partition(|s| s.inode == 0 && s.state.is_closing());
    look.orphans = orphans.len();
    if look.listened {
        // The listeners again (now with their owners), and every socket
        // bound to the port without listening: a co-holder like them. The
        // connections a listener accepted are its own, not holders.
        let held: Vec<Socket> = other
            .iter()
            .filter(|s| {
                s.protocol == crate::net::Protocol::Udp
                    || matches!(s.state, State::Listen | State::BoundInactive)
            })
            .cloned()
            .collect();
        if !held.is_empty() {
            look.held = held;
            return true;
        }
        // The listener went away between the looks: decide as for a port
        // without one.
        look.listened = false;
    }
    let mut failed = Vec::new();
    if !look.denied {
        look.probed = true;
        for p in q.protocols() {
            for f in select.families() {
                match probe(p, f, q.port) {
                    Probe::InUse => look.server_blocked = true,
                    Probe::Refused => look.refused_bind = true,
                    Probe::Failed(e) => failed.push((format!("{}/{}", p.name(), f.label()), e.why)),
                    _ => {}
                }
            }
        }
    }
    // Any socket that is not TIME_WAIT holds the port: a bound-inactive
    // one, or a connection using it as its local port, even when it set
    // SO_REUSEADDR and a server-style bind would succeed (as
    // `--wait-free` and `--suggest` judge it).
    look.in_use = look.server_blocked || look.refused_bind || !other.is_empty();
    let found = !other.is_empty() || look.time_wait > 0 || !orphans.is_empty();
    if look.in_use {
        look.held = other.into_iter().chain(orphans).collect();
        look.unknown.clear();
    } else {
        for f in failed {
            if !look.unknown.contains(&f) {
                look.unknown.push(f);
            }
        }
    }
    // A refusal is final: another look would not change it.
    !look.in_use || found || look.refused_bind
}

/// Binds a port with no listener exclusively, for each protocol and family.
fn exclusive_bind(select: Selection, q: &PortQuery) -> Look {
    let result = exclusive(q.protocols(), select.families(), q.port);
    let mut look = Look {
        bound: result.bound,
        denied: result.denied,
        probed: true,
        refused_bind: result.refused,
        ..Look::default()
    };
    for family in result.unsupported {
        look.notes.push(msg!("look-family-unavailable", family = family.label()));
        look.unsupported.push(family);
    }
    for (protocol, family, e) in result.failed {
        look.unknown.push((format!("{}/{}", protocol.name(), family.label()), e.why));
    }
    look
}

/// The notes of a port that needed the second look.
fn explain(ctx: &Context, q: &PortQuery, look: &mut Look) {
    if look.refused_bind {
        let seen = !look.held.is_empty() || look.time_wait > 0;
        let refusal = ctx.host.refusal(q.port, &q.protocols(), seen);
        look.refused = Some(refusal.why);
        look.notes.push(refusal.note);
        look.fix.extend(refusal.fix);
    }
    let held = &look.held;
    if look.in_use && !look.listened && !(look.refused_bind && held.is_empty()) {
        let connections =
            held.iter().any(|s| !(s.state.is_listener() || s.state == State::BoundInactive));
        let reason = if held.iter().any(|s| s.state == State::BoundInactive) {
            msg!("look-taken-bound-inactive")
        } else if connections && !look.server_blocked {
            msg!("look-taken-reuse")
        } else if connections {
            msg!("look-taken-connections")
        } else if !held.is_empty() {
            msg!("look-taken-appeared")
        } else if look.time_wait > 0 {
            msg!("look-taken-time-wait")
        } else {
            let (why, step) = unseen(q.port, crate::host::wsl(), scan::BLIND_SPOT, ctx.root);
            look.fix.extend(step);
            why
        };
        look.notes.push(msg!("look-taken", port = q.port, reason = reason));
    }
    let count = look.time_wait;
    if count > 0 && (!look.in_use || !held.is_empty()) {
        look.notes.push(if look.in_use {
            msg!("look-time-wait", count = count)
        } else {
            msg!("look-time-wait-free", count = count)
        });
    }
    if look.orphans > 0 && !look.in_use {
        look.notes.push(msg!("look-orphans", count = look.orphans));
    }
    if look.denied && !look.in_use {
        look.notes.push(ctx.host.denied_note(q.port));
    }
    if !look.unknown.is_empty() && !look.in_use {
        look.notes.push(msg!("look-unknown", port = q.port));
    }
}

/// Why a port is taken with no socket to show, by what the platform's
/// table cannot show (`blind`): a bound, never-listening socket on
/// Windows; another user's socket on macOS without `root`; else a socket
/// in flight. Under WSL (`wsl`), a Windows program may hold it, which no
/// Linux socket table shows. The command that looks further, when there
/// is one, is a step of its own.
pub(crate) fn unseen(
    port: u16,
    wsl: Option<crate::host::Wsl>,
    blind: scan::BlindSpot,
    root: bool,
) -> (Msg, Option<Step>) {
    match blind {
        scan::BlindSpot::BoundSockets => {
            return (
                msg!("look-unseen-bound-windows"),
                Some(Step::explained(
                    msg!("look-unseen-netstat-bound", port = port),
                    Command::new(["netstat", "-anoq"]),
                )),
            );
        }
        scan::BlindSpot::OtherUsers if !root => {
            return (msg!("look-unseen-other-users"), None);
        }
        _ => {}
    }
    let base = msg!("look-unseen");
    let windows = match wsl {
        None => return (base, None),
        Some(crate::host::Wsl::Two) => msg!("look-wsl-two"),
        Some(crate::host::Wsl::One) => msg!("look-wsl-one"),
    };
    (
        msg!("look-unseen-wsl", base = base, windows = windows),
        Some(Step::explained(
            msg!("look-unseen-windows-side", port = port),
            Command::new(["netstat.exe", "-ano"]),
        )),
    )
}

/// The failed binds, one line per distinct error: "tcp/IPv4, udp/IPv4:
/// cannot create a socket: Operation not permitted (…)".
/// None when nothing failed.
pub(super) fn unknown_reason(unknown: &[(String, Msg)]) -> Option<Msg> {
    let mut errors: Vec<(&Msg, Vec<&str>)> = Vec::new();
    for (what, e) in unknown {
        match errors.iter_mut().find(|x| x.0 == e) {
            Some(x) => x.1.push(what),
            None => errors.push((e, vec![what])),
        }
    }
    let parts = errors
        .iter()
        .map(|(e, what)| msg!("look-unknown-group", what = what.join(", "), error = *e))
        .collect();
    super::joined(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Wsl;

    /// The reason as prose, the command that looks further as a step of
    /// its own (never a command inside the sentence).
    fn shown(port: u16, wsl: Option<Wsl>, blind: scan::BlindSpot, root: bool) -> (String, String) {
        let (why, step) = unseen(port, wsl, blind, root);
        let why = why.english();
        for word in ["netstat", "findstr", "portcheck.exe", "--kill"] {
            assert!(!why.contains(word), "a command in the prose: {why}");
        }
        (why, step.map(|s| s.shown()).unwrap_or_default())
    }

    #[test]
    fn under_wsl_an_unseen_holder_may_be_a_windows_program() {
        let unseen = |port, wsl| shown(port, wsl, scan::BlindSpot::None, false);
        let (plain, none) = unseen(5000, None);
        assert!(plain.starts_with("in use by a socket portcheck cannot see"), "{plain}");
        assert!(!plain.contains("Windows") && none.is_empty(), "{plain}");
        let (two, step) = unseen(5000, Some(Wsl::Two));
        assert!(two.starts_with(&plain), "{two}");
        assert!(
            two.contains("a Windows program holds it") && two.contains("mirrored networking"),
            "{two}"
        );
        assert_eq!(
            step,
            "look on the Windows side (from here too): the line with :5000 has its pid last: netstat.exe -ano"
        );
        let (one, step) = unseen(8080, Some(Wsl::One));
        assert!(one.contains("WSL 1") && step.contains(":8080"), "{one}");
    }

    /// A denied bind (no privilege) proves nothing about what is bound:
    /// the port takes the second look, as a failed bind does; a port whose
    /// exclusive bind succeeded does not.
    #[test]
    fn a_denied_bind_takes_the_second_look() {
        assert!(Look { denied: true, ..Look::default() }.pending());
        assert!(Look { bound: true, ..Look::default() }.pending());
        assert!(!Look { probed: true, ..Look::default() }.pending());
    }

    /// What each platform's table cannot show: Windows's bound sockets
    /// (never "try again"), macOS's other users' sockets without root.
    #[test]
    fn an_unseen_holder_is_explained_by_what_the_table_cannot_show() {
        let (win, step) = shown(5000, None, scan::BlindSpot::BoundSockets, true);
        assert!(!win.contains("try again"), "{win}");
        assert_eq!(
            step,
            "netstat lists it in state BOUND on a line with :5000, its pid last: netstat -anoq"
        );
        let (mac, _) = shown(5000, None, scan::BlindSpot::OtherUsers, false);
        assert!(mac.contains("another user's process may hold it: run with sudo"), "{mac}");
        assert!(!mac.contains("try again"), "{mac}");
        let (mac_root, _) = shown(5000, None, scan::BlindSpot::OtherUsers, true);
        assert!(mac_root.contains("try again"), "{mac_root}");
    }

    /// In Korean: the reason whole, the port and the command unchanged;
    /// JSON (the reason serialized) English.
    #[test]
    fn an_unseen_holder_is_explained_in_korean_with_the_command_unchanged() {
        use crate::i18n::{Lang, scoped};
        let (why, step) =
            scoped(Lang::Ko, || unseen(5000, Some(Wsl::Two), scan::BlindSpot::None, false));
        let korean = scoped(Lang::Ko, || why.to_string());
        assert!(korean.starts_with("portcheck가 볼 수 없는 소켓이 사용 중임"), "{korean}");
        assert!(korean.contains("Windows 프로그램이 점유") && korean.contains("WSL 2"), "{korean}");
        let step = step.expect("a command that looks on the Windows side");
        assert_eq!(step.line().as_deref(), Some("netstat.exe -ano"));
        let note = scoped(Lang::Ko, || step.note.map(|n| n.to_string())).unwrap_or_default();
        assert!(note.starts_with("Windows 쪽에서 확인") && note.contains(":5000"), "{note}");
        let english = why.english();
        assert!(english.starts_with("in use by a socket portcheck cannot see"), "{english}");
        let json = scoped(Lang::Ko, || serde_json::to_string(&why).unwrap());
        assert_eq!(json, serde_json::to_string(&english).unwrap());
    }

    /// Failed binds are grouped by their error, groups joined with "; ",
    /// in English exactly as before the catalog, and whole in Korean.
    #[test]
    fn failed_binds_are_grouped_by_error_in_each_language() {
        use crate::i18n::{Lang, scoped};
        assert_eq!(unknown_reason(&[]), None);
        let denied = msg!(
            "probe-cannot-socket",
            error = msg!("probe-errno-policy", error = "Operation not permitted")
        );
        let bind = msg!("probe-cannot-bind", error = msg!("probe-errno", error = "No buffer"));
        let unknown = [
            ("tcp/IPv4".to_string(), denied.clone()),
            ("tcp/IPv6".to_string(), bind),
            ("udp/IPv4".to_string(), denied),
        ];
        let why = unknown_reason(&unknown).expect("binds failed");
        assert_eq!(
            why.english(),
            "tcp/IPv4, udp/IPv4: cannot create a socket: Operation not permitted (a sandbox or \
             security policy forbids it: seccomp, systemd's RestrictAddressFamilies=, an LSM); \
             tcp/IPv6: cannot bind: No buffer"
        );
        assert_eq!(
            scoped(Lang::Ko, || why.to_string()),
            "tcp/IPv4, udp/IPv4: 소켓을 만들 수 없음: Operation not permitted (샌드박스나 보안 \
             정책이 막고 있음: seccomp, systemd의 RestrictAddressFamilies=, LSM); tcp/IPv6: \
             바인딩할 수 없음: No buffer"
        );
    }
}
