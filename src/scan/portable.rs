//! The portable backend: netstat2, everywhere but Linux. It reports the
//! owning pids itself, and has neither bound-inactive TCP sockets nor
//! IPV6_V6ONLY.

use anyhow::Context;
use netstat2::{AddressFamilyFlags, ProtocolFlags, ProtocolSocketInfo, TcpState};

use crate::net::{Family, Protocol, Selection, State};
use crate::scan::{Scope, Snapshot, Socket};

pub(super) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    _owners: bool,
) -> anyhow::Result<Snapshot> {
    Ok(Snapshot { sockets: sockets(select, scope)?, ..Snapshot::default() })
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
                let state = match t.state {
                    TcpState::Listen => State::Listen,
                    TcpState::TimeWait => State::TimeWait,
                    _ => continue,
                };
                (Protocol::Tcp, t.local_addr, t.local_port, state)
            }
            ProtocolSocketInfo::Udp(u) => {
                (Protocol::Udp, u.local_addr, u.local_port, State::Unconn)
            }
        };
        let wanted = match scope {
            Scope::Listening => state != State::TimeWait,
            Scope::Ports(ports) | Scope::AnyState(ports) => ports.binary_search(&port).is_ok(),
        };
        if !wanted || port == 0 {
            continue;
        }
        let mut pids = info.associated_pids.clone();
        pids.sort_unstable();
        pids.dedup();
        out.push(Socket {
            protocol,
            family: Family::of(&address),
            address,
            port,
            state,
            inode: 0,
            uid: None,
            v6only: None,
            pids,
            interface: 0,
        });
    }
    Ok(out)
}

/// Whether `pid` still holds one of `inodes`: sockets have no inode here,
/// so the start-time check before a signal stands alone.
pub(crate) fn holds_any(_pid: u32, _inodes: &[u64]) -> bool {
    true
}
