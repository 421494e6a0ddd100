//! How each queried port is decided.
//!
//! First look: the listeners of every port, in one scan (and one `/proc`
//! walk when any matched). A port without one is bound exclusively (no
//! SO_REUSEADDR): success means nothing at all is bound — free, with no
//! further cost. Second look, only for the ports where that bind failed
//! (or was not permitted): every socket of those ports in any state —
//! bound-inactive sockets, connections, TIME_WAIT — in one more scan and
//! walk, and a server-style bind (with SO_REUSEADDR) for each. A bind that
//! fails with nothing to show is looked at again a few times (a socket in
//! flight).

use std::collections::HashMap;

use crate::net::{PortQuery, Selection, State};
use crate::probe::{Probe, exclusive, probe};
use crate::scan::{self, Scope, Snapshot, Socket};

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
    /// The exclusive bind failed: something is bound.
    bound: bool,
    /// Binding was not permitted (a privileged port without root).
    pub(super) denied: bool,
    pub(super) time_wait: usize,
    pub(super) notes: Vec<String>,
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
    let mut snap = scan::snapshot(select.widened(), Scope::Ports(&ports), true)?;
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
                Look { held, in_use: true, ..Look::default() }
            }
        })
        .collect();
    drop(by_port);
    second_look(select, queries, &mut looks, &mut snap)?;
    for (q, look) in queries.iter().zip(&mut looks) {
        if look.bound || look.denied {
            explain(ctx, q, look);
        }
    }
    Ok((looks, snap))
}

/// Every socket in any state of the ports whose exclusive bind failed, in
/// one scan per attempt, and a server-style bind for each.
fn second_look(
    select: Selection,
    queries: &[PortQuery],
    looks: &mut [Look],
    snap: &mut Snapshot,
) -> anyhow::Result<()> {
    let mut pending: Vec<usize> =
        (0..looks.len()).filter(|&i| looks[i].bound || looks[i].denied).collect();
    for attempt in 0..ATTEMPTS {
        if pending.is_empty() {
            break;
        }
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let ports = crate::net::sorted_unique(pending.iter().map(|&i| queries[i].port));
        let second = scan::snapshot(select.widened(), Scope::AnyState(&ports), true)?;
        snap.absorb(&second);
        // Retry only a bind that failed with nothing to show.
        pending.retain(|&i| !decide(select, &queries[i], &mut looks[i], &second));
    }
    Ok(())
}

/// Decides a port from the second look; false when it is in use with
/// nothing to show for it (worth another look).
fn decide(select: Selection, q: &PortQuery, look: &mut Look, second: &Snapshot) -> bool {
    let (tw, other): (Vec<Socket>, Vec<Socket>) = second
        .sockets
        .iter()
        .filter(|s| relevant(select, q, s))
        .cloned()
        .partition(|s| s.state == State::TimeWait);
    look.time_wait = tw.len();
    let server_blocked = !look.denied
        && q.protocols()
            .iter()
            .any(|&p| select.families().any(|f| probe(p, f, q.port) == Probe::InUse));
    look.in_use = server_blocked
        || other.iter().any(|s| s.state == State::BoundInactive)
        || (look.denied && !other.is_empty());
    let found = !other.is_empty() || look.time_wait > 0;
    if look.in_use {
        look.held = other;
    }
    !look.in_use || found
}

/// Binds a port with no listener exclusively, for each protocol and family.
fn exclusive_bind(select: Selection, q: &PortQuery) -> Look {
    let result = exclusive(q.protocols(), select.families(), q.port);
    let mut look = Look { bound: result.bound, denied: result.denied, ..Look::default() };
    for family in result.unsupported {
        look.notes
            .push(format!("{} is not available on this host; it was not checked", family.label()));
    }
    for (protocol, family, e) in result.failed {
        look.notes.push(format!(
            "could not check {} over {}: {e}",
            protocol.name(),
            family.label()
        ));
    }
    look
}

/// The notes of a port that needed the second look.
fn explain(ctx: &Context, q: &PortQuery, look: &mut Look) {
    let held = &look.held;
    if look.in_use {
        let connections =
            held.iter().any(|s| !(s.state.is_listener() || s.state == State::BoundInactive));
        let reason = if held.iter().any(|s| s.state == State::BoundInactive) {
            "a socket below is bound to it without listening; a server cannot take it"
        } else if connections {
            "it is bound by the connection(s) below, not by a listener"
        } else if !held.is_empty() {
            "a holder appeared while portcheck looked (below)"
        } else if look.time_wait > 0 {
            "TIME_WAIT connections left by a socket that did not set SO_REUSEADDR still block it; they expire within a minute"
        } else {
            "in use by a socket portcheck cannot see: one being opened or closed right now, or held in another way; try again"
        };
        look.notes.push(format!("port {} is taken: {reason}", q.port));
    }
    let tw = look.time_wait;
    if tw > 0 && (!look.in_use || !held.is_empty()) {
        look.notes.push(format!(
            "{tw} TCP connection{} in TIME_WAIT on this port (recently closed){}",
            if tw == 1 { "" } else { "s" },
            if look.in_use {
                ""
            } else {
                "; they do not block a server that sets SO_REUSEADDR, as servers do"
            }
        ));
    }
    if look.denied && !look.in_use {
        look.notes.push(ctx.host.denied_note(q.port));
    }
}
