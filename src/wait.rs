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

/// Polls until every port meets `until` (`Ok(elapsed)`) or `limit` passes
/// (`Err(elapsed)`).
pub(crate) fn wait(
    select: Selection,
    queries: &[PortQuery],
    until: Until,
    limit: Duration,
) -> anyhow::Result<Result<Duration, Duration>> {
    let start = Instant::now();
    let deadline = start + limit;
    let mut ports: Vec<u16> = queries.iter().map(|q| q.port).collect();
    ports.sort_unstable();
    ports.dedup();
    let scan_select = Selection { v6: select.v6 || select.v4, ..select };
    loop {
        let snap = scan::snapshot(scan_select, Scope::Ports(&ports), false)?;
        let done = queries.iter().all(|q| {
            let protos = q.protocols();
            let mut sockets =
                snap.sockets.iter().filter(|s| s.port == q.port && protos.contains(&s.protocol));
            match until {
                Until::Listening => sockets.any(|s| match s.protocol {
                    Protocol::Tcp => s.state == State::Listen,
                    Protocol::Udp => true,
                }),
                // Nothing at all bound: no listener, no bound-inactive
                // socket, no connection, no TIME_WAIT (the exclusive bind).
                Until::Free => {
                    !sockets.any(|s| s.state.holds_port() && select.families().any(|f| s.covers(f)))
                        && protos.iter().all(|&p| {
                            select.families().all(|f| {
                                matches!(
                                    probe_exclusive(p, f, q.port),
                                    Probe::Free | Probe::Denied | Probe::Unsupported
                                )
                            })
                        })
                }
            }
        });
        let now = Instant::now();
        if done {
            return Ok(Ok(now - start));
        }
        if now >= deadline {
            return Ok(Err(now - start));
        }
        std::thread::sleep(INTERVAL.min(deadline - now));
    }
}
