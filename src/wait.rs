//! `--wait-free` and `--wait-listen`: poll the socket table (never the
//! `/proc` walk) until the answer is yes or the deadline passes.

use std::time::{Duration, Instant};

use crate::net::{PortQuery, Protocol, Selection, State};
use crate::probe::exclusive;
use crate::report::Until;
use crate::scan::{self, Scope, Snapshot};

/// How often the socket table is read.
const INTERVAL: Duration = Duration::from_millis(25);

/// What a wait ended with.
#[derive(Clone, Debug)]
pub(crate) struct Waited {
    /// Every port met the condition before the deadline.
    pub(crate) ok: bool,
    pub(crate) elapsed: Duration,
    /// The ports that met it at the last look.
    pub(crate) ready: Vec<u16>,
}

/// Waits, then reports on the ports as they are at the end.
pub(crate) fn report(
    ctx: &crate::inspect::Context,
    select: Selection,
    queries: &[PortQuery],
    until: Until,
    limit: Duration,
) -> anyhow::Result<crate::report::WaitReport> {
    let waited = wait(select, queries, until, limit)?;
    let ports = crate::inspect::ports(ctx, select, queries)?.ports;
    Ok(crate::report::WaitReport {
        ok: waited.ok,
        waited_ms: u64::try_from(waited.elapsed.as_millis()).unwrap_or(u64::MAX),
        until,
        ready: waited.ready,
        ports,
    })
}

/// Polls until every port meets `until` or `limit` passes.
pub(crate) fn wait(
    select: Selection,
    queries: &[PortQuery],
    until: Until,
    limit: Duration,
) -> anyhow::Result<Waited> {
    let start = Instant::now();
    let deadline = start + limit;
    let ports = crate::net::port_numbers(queries);
    loop {
        let snap = scan::snapshot(select.widened(), Scope::Ports(&ports), false)?;
        let mut ready = Vec::with_capacity(queries.len());
        for q in queries {
            let yes = match until {
                Until::Listening => listening(select, q, &snap),
                Until::Free => free(select, q, &snap)?,
            };
            if yes {
                ready.push(q.port);
            }
        }
        let now = Instant::now();
        let ok = ready.len() == queries.len();
        if ok || now >= deadline {
            return Ok(Waited { ok, elapsed: now - start, ready });
        }
        std::thread::sleep(INTERVAL.min(deadline - now));
    }
}

/// The sockets of `snap` on `q`'s port and protocols.
fn on_port<'a>(
    q: &'a PortQuery,
    snap: &'a Snapshot,
) -> impl Iterator<Item = &'a scan::Socket> + 'a {
    let protos = q.protocols();
    snap.sockets.iter().filter(move |s| s.port == q.port && protos.contains(&s.protocol))
}

/// A listening TCP socket or an unconnected UDP socket (of a selected
/// family). A connected UDP socket receives from its one peer only: it is
/// a client, not a server waiting for anyone.
fn listening(select: Selection, q: &PortQuery, snap: &Snapshot) -> bool {
    on_port(q, snap).any(|s| {
        s.covers(select)
            && match s.protocol {
                Protocol::Tcp => s.state == State::Listen,
                Protocol::Udp => s.state == State::Unconn,
            }
    })
}

/// Nothing at all bound: no listener, no bound-inactive socket, no
/// connection, no TIME_WAIT (the exclusive bind). A bind that cannot be
/// tried at all (no socket: a policy, EMFILE, ENOBUFS) is an error: the
/// wait could never end with a true "free".
fn free(select: Selection, q: &PortQuery, snap: &Snapshot) -> anyhow::Result<bool> {
    if on_port(q, snap).any(|s| s.state.holds_port() && s.covers(select)) {
        return Ok(false);
    }
    let mut failed = None;
    let free = q.protocols().into_iter().all(|p| {
        select.families().all(|f| {
            let bind = exclusive([p], [f], q.port);
            if let Some((p, f, e)) = bind.failed.first() {
                failed = Some(format!("{} over {}: {e}", p.name(), f.label()));
                return false;
            }
            if bind.bound {
                return false;
            }
            // May not bind a privileged port: free when no socket of any
            // state is on it.
            !bind.denied
                || scan::snapshot(select.widened(), Scope::AnyState(&[q.port]), false).is_ok_and(
                    |s| {
                        !s.sockets.iter().any(|x| {
                            x.protocol == p && crate::net::covers(x.family, &x.address, x.v6only, f)
                        })
                    },
                )
        })
    });
    match failed {
        Some(why) => Err(anyhow::anyhow!("cannot tell whether port {} is free: {why}", q.port)),
        None => Ok(free),
    }
}
