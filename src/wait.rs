//! `--wait-free` and `--wait-listen`: poll the socket table (never the
//! `/proc` walk) until the answer is yes or the deadline passes.

use std::time::{Duration, Instant};

use crate::i18n::msg;
use crate::net::{PortQuery, Protocol, Selection, State};
use crate::probe::exclusive;
use crate::report::Until;
use crate::scan::{self, Scope, Snapshot};

/// The first pause between two reads of the socket table: a port that
/// comes up at once is seen at once.
const FIRST_PAUSE: Duration = Duration::from_millis(25);
/// The longest pause: each pause is half again the one before, up to
/// this, so a long wait costs about 4 reads a second (docs/benchmarks.md).
const MAX_PAUSE: Duration = Duration::from_millis(250);

/// The pause after `pause`: half again as long, at most [`MAX_PAUSE`].
fn next_pause(pause: Duration) -> Duration {
    (pause * 3 / 2).min(MAX_PAUSE)
}

/// What a wait ended with.
#[derive(Clone, Debug)]
pub(crate) struct Waited {
    /// Every port met the condition before the deadline.
    pub(crate) ok: bool,
    pub(crate) elapsed: Duration,
    /// The ports that met it at the last look.
    pub(crate) ready: Vec<u16>,
    /// How many times the socket table was read.
    pub(crate) polls: u32,
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
        polls: waited.polls,
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
    let mut pause = FIRST_PAUSE;
    let mut polls = 0u32;
    loop {
        polls = polls.saturating_add(1);
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
            return Ok(Waited { ok, elapsed: now - start, ready, polls });
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = next_pause(pause);
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
                failed = Some(((p.name(), f.label(), e.why.clone()), e.permission));
                return false;
            }
            // Refused for good (Windows's WSAEACCES): never free; the
            // report at the deadline says why.
            if bind.bound || bind.refused {
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
        Some(((protocol, family, error), permission)) => {
            let why = msg!(
                "wait-cannot-tell",
                port = q.port,
                protocol = protocol,
                family = family,
                error = error
            );
            Err(if permission {
                crate::error::Error::Permission(why).into()
            } else {
                anyhow::anyhow!(why)
            })
        }
        None => Ok(free),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_back_off_from_25_to_250_ms() {
        let mut p = FIRST_PAUSE;
        let mut seen = vec![p.as_millis()];
        for _ in 0..8 {
            p = next_pause(p);
            seen.push(p.as_millis());
        }
        assert_eq!(seen, [25, 37, 56, 84, 126, 189, 250, 250, 250]);
    }
}
