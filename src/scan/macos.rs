//! The macOS backend: the listeners crate (libproc: every process's
//! socket fds, with their local address, protocol and TCP state). Like
//! Windows, there are no inodes here and no IPV6_V6ONLY in the answer;
//! unlike Windows, every process holding a socket is named, since the
//! walk is over file descriptors.
//!
//! Type-checked from Linux in CI; run only on a Mac (docs/architecture.md,
//! "not run here").

use std::collections::BTreeMap;
use std::net::IpAddr;

use listeners::{Protocol as LProtocol, SocketState};

use crate::net::{Protocol, Selection, State};
use crate::scan::{Scope, Snapshot, Socket};

/// libproc lists the sockets of the processes portcheck may read: without
/// root, not other users'.
pub(crate) const BLIND_SPOT: super::BlindSpot = super::BlindSpot::OtherUsers;

pub(super) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    _owners: bool,
) -> anyhow::Result<Snapshot> {
    let all = listeners::get_all().map_err(|e| anyhow::anyhow!("cannot list the sockets: {e}"))?;
    let mut by_socket: BTreeMap<(Protocol, IpAddr, u16, State), Vec<u32>> = BTreeMap::new();
    for l in all {
        let protocol = match l.protocol {
            LProtocol::TCP => Protocol::Tcp,
            LProtocol::UDP => Protocol::Udp,
        };
        let state = if protocol == Protocol::Udp { State::Unconn } else { state(l.state) };
        let (address, port) = (l.socket.ip(), l.socket.port());
        let wanted_proto = if protocol == Protocol::Tcp { select.tcp } else { select.udp };
        let wanted_family = if address.is_ipv4() { select.v4 } else { select.v6 };
        if scope.wants(protocol, port, state) && wanted_proto && wanted_family && port != 0 {
            by_socket.entry((protocol, address, port, state)).or_default().push(l.process.pid);
        }
    }
    let sockets = by_socket
        .into_iter()
        .map(|((protocol, address, port, state), pids)| {
            Socket::from_table(protocol, address, port, state, pids)
        })
        .collect();
    Ok(Snapshot { sockets, ..Snapshot::default() })
}

/// The crate's TCP state in portcheck's words.
fn state(s: SocketState) -> State {
    match s {
        SocketState::Listen => State::Listen,
        SocketState::SynSent => State::SynSent,
        SocketState::SynReceived => State::SynRecv,
        SocketState::Established => State::Established,
        SocketState::FinWait1 => State::FinWait1,
        SocketState::FinWait2 => State::FinWait2,
        SocketState::CloseWait => State::CloseWait,
        SocketState::Closing => State::Closing,
        SocketState::LastAck => State::LastAck,
        SocketState::TimeWait => State::TimeWait,
        SocketState::Closed => State::BoundInactive,
        SocketState::Unknown => State::Unknown,
    }
}

/// Whether `pid` still holds a socket on one of `ports`, from libproc's
/// fd list of every process (sockets have no inode here). A list that
/// cannot be read is no proof: the target is then not signalled.
pub(crate) fn holds_any(pid: u32, _inodes: &[u64], ports: &[u16]) -> bool {
    listeners::get_all().is_ok_and(|all| {
        all.iter().any(|l| l.process.pid == pid && ports.contains(&l.socket.port()))
    })
}
