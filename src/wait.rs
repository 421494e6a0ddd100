//! `--wait-free` and `--wait-listen`: poll the socket table (never the
//! `/proc` walk) until the answer is yes or the deadline passes.

use std::time::{Duration, Instant};

use crate::cli::PortQuery;
use crate::probe::{Probe, probe_exclusive};
use crate::scan::{self, Protocol, Scope, Selection, State};

/// How often the socket table is read.
const INTERVAL: Duration = Duration::from_millis(25);

/// What to wait for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Until {
    /// Every port free by the bind test.
    Free,
    /// Every port has a listening TCP or bound UDP socket (IPv4 or IPv6).
    Listening,
}

/// What a wait ended with.
#[derive(Clone, Debug)]
pub(crate) struct Waited {
    /// Every port met the condition before the deadline.
    pub(crate) ok: bool,
    pub(crate) elapsed: Duration,
    /// The ports that met it at the last look.
    pub(crate) ready: Vec<u16>,
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
    let mut ports: Vec<u16> = queries.iter().map(|q| q.port).collect();
    ports.sort_unstable();
    ports.dedup();
    let scan_select = Selection { v6: select.v6 || select.v4, ..select };
    loop {
        let snap = scan::snapshot(scan_select, Scope::Ports(&ports), false)?;
        let ready: Vec<u16> = queries
            .iter()
            .filter(|q| {
                let protos = q.protocols();
                let mut sockets = snap
                    .sockets
                    .iter()
                    .filter(|s| s.port == q.port && protos.contains(&s.protocol));
                match until {
                    Until::Listening => sockets.any(|s| {
                        select.families().any(|f| s.covers(f))
                            && match s.protocol {
                                Protocol::Tcp => s.state == State::Listen,
                                Protocol::Udp => true,
                            }
                    }),
                    // Nothing at all bound: no listener, no bound-inactive
                    // socket, no connection, no TIME_WAIT (the exclusive bind).
                    Until::Free => {
                        !sockets
                            .any(|s| s.state.holds_port() && select.families().any(|f| s.covers(f)))
                            && protos.iter().all(|&p| {
                                select.families().all(|f| {
                                    match probe_exclusive(p, f, q.port) {
                                        Probe::Free | Probe::Unsupported => true,
                                        // May not bind a privileged port: free
                                        // when no socket of any state is on it.
                                        Probe::Denied => scan::snapshot(
                                            scan_select,
                                            Scope::AnyState(&[q.port]),
                                            false,
                                        )
                                        .is_ok_and(|s| {
                                            !s.sockets
                                                .iter()
                                                .any(|x| x.protocol == p && x.covers(f))
                                        }),
                                        _ => false,
                                    }
                                })
                            })
                    }
                }
            })
            .map(|q| q.port)
            .collect();
        let now = Instant::now();
        let ok = ready.len() == queries.len();
        if ok || now >= deadline {
            return Ok(Waited { ok, elapsed: now - start, ready });
        }
        std::thread::sleep(INTERVAL.min(deadline - now));
    }
}
