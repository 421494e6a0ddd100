//! The Windows backend: netstat2 (GetExtendedTcpTable/UdpTable with the
//! owning pid). Windows names one owner per socket, the process that
//! created it; there are no inodes and no IPV6_V6ONLY in the table.

use anyhow::Context;
use netstat2::{AddressFamilyFlags, ProtocolFlags, ProtocolSocketInfo, TcpState};

use crate::i18n::msg;
use crate::net::{Protocol, Selection, State};
use crate::scan::{Scope, Snapshot, Socket};

/// GetExtendedTcpTable does not list a TCP socket that is bound without
/// listening (`netstat -anoq` does, as BOUND).
pub(crate) const BLIND_SPOT: super::BlindSpot = super::BlindSpot::BoundSockets;

pub(super) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    owners: bool,
) -> anyhow::Result<Snapshot> {
    let mut snap = Snapshot { sockets: sockets(select, scope)?, ..Snapshot::default() };
    // Pid 0 is no process (the idle process, or Wine 8, whose table names
    // no owner): the socket is shown with the reason instead.
    for s in &mut snap.sockets {
        if s.pids.contains(&0) {
            s.pids.retain(|&p| p != 0);
            if s.pids.is_empty() && s.state != State::TimeWait {
                snap.unnamed = Some(msg!("scan-unnamed"));
            }
        }
    }
    if owners {
        // Dead owners, their inheriting children, duplicate listeners.
        super::orphans::apply(&mut snap);
    }
    Ok(snap)
}

fn sockets(select: Selection, scope: Scope<'_>) -> anyhow::Result<Vec<Socket>> {
    let mut af = AddressFamilyFlags::empty();
    if select.v4 {
        af |= AddressFamilyFlags::IPV4;
    }
    if select.v6 {
        af |= AddressFamilyFlags::IPV6;
    }
    let mut proto = ProtocolFlags::empty();
    if select.tcp {
        proto |= ProtocolFlags::TCP;
    }
    if select.udp {
        proto |= ProtocolFlags::UDP;
    }
    let infos = netstat2::get_sockets_info(af, proto).context("cannot list the sockets")?;
    let mut out = Vec::new();
    for info in infos {
        let (protocol, address, port, state) = match &info.protocol_socket_info {
            ProtocolSocketInfo::Tcp(t) => {
                (Protocol::Tcp, t.local_addr, t.local_port, state(t.state))
            }
            ProtocolSocketInfo::Udp(u) => {
                (Protocol::Udp, u.local_addr, u.local_port, State::Unconn)
            }
        };
        if !scope.wants(protocol, port, state) || port == 0 {
            continue;
        }
        let mut pids = info.associated_pids.clone();
        crate::seams::owners(protocol, port, &mut pids);
        out.push(Socket::from_table(protocol, address, port, state, pids));
    }
    Ok(out)
}

/// netstat2's TCP state in portcheck's words.
fn state(s: TcpState) -> State {
    match s {
        TcpState::Listen => State::Listen,
        TcpState::SynSent => State::SynSent,
        TcpState::SynReceived => State::SynRecv,
        TcpState::Established => State::Established,
        TcpState::FinWait1 => State::FinWait1,
        TcpState::FinWait2 => State::FinWait2,
        TcpState::CloseWait => State::CloseWait,
        TcpState::Closing => State::Closing,
        TcpState::LastAck => State::LastAck,
        TcpState::TimeWait => State::TimeWait,
        // Bound, not listening (Windows lists such sockets as CLOSED).
        TcpState::Closed => State::BoundInactive,
        TcpState::DeleteTcb | TcpState::Unknown => State::Unknown,
    }
}

/// Whether `pid` still holds a socket on one of `ports`, from a fresh read
/// of the table (sockets have no inode here): it is still the owner the
/// table names of a listener, a bound socket or a UDP socket there, or
/// the inheriting child the orphan rule finds again (`orphans.rs`). A
/// table that cannot be read answers no: the target is spared.
pub(crate) fn holds_any(pid: u32, _inodes: &[u64], ports: &[u16]) -> bool {
    let ports = crate::net::sorted_unique(ports.iter().copied());
    let all = Selection { tcp: true, udp: true, v4: true, v6: true };
    snapshot(all, Scope::AnyState(&ports), true).is_ok_and(|snap| {
        snap.sockets.iter().any(|s| {
            ports.contains(&s.port)
                && (s.protocol == Protocol::Udp
                    || matches!(s.state, State::Listen | State::BoundInactive))
                && s.pids.contains(&pid)
        })
    })
}
