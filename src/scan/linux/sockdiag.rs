//! Linux sockets through sock_diag netlink (netlink-packet-sock-diag).
//!
//! Each request names one family and protocol, the states wanted and,
//! for a port query, the port: the kernel skips every other listener
//! itself (the source port in the request's socket id is honoured for the
//! listening hash and for UDP) and a bytecode filter limits the other TCP
//! states to the ports asked for. A port query and the listing ask for
//! listeners only (and UDP sockets): bound-inactive sockets and TIME_WAIT
//! are not indexed by port, and asking for them makes the kernel walk its
//! bind and connection tables, whose size grows with the machine's
//! traffic. They are asked for only in the second look, for the ports
//! that have a listener or where an exclusive bind failed: `Scope::Rest`
//! (TCP in every state but LISTEN, no UDP request: the first look has
//! those), and `Scope::AnyState` (everything) when a bind that failed with
//! nothing to show is looked at again.

use anyhow::{Context, bail};
use netlink_packet_core::{
    NLM_F_DUMP, NLM_F_REQUEST, NetlinkHeader, NetlinkMessage, NetlinkPayload,
};
use netlink_packet_sock_diag::{
    SockDiagMessage,
    constants::{AF_INET, AF_INET6, IPPROTO_TCP, IPPROTO_UDP},
    inet::{ExtensionFlags, InetRequest, SocketId, StateFlags, nlas::Nla},
};
use netlink_sys::{Socket as NetlinkSocket, SocketAddr, protocols::NETLINK_SOCK_DIAG};

use crate::net::{Family, Protocol, Selection, State};
use crate::scan::{Scope, Socket};

const TCP_ESTABLISHED: u32 = 1;
const TCP_CLOSE: u32 = 7;
const TCP_LISTEN: u32 = 10;
const INET_DIAG_REQ_BYTECODE: u16 = 1;
const INET_DIAG_BC_S_GE: u8 = 2;
const INET_DIAG_BC_S_LE: u8 = 3;
/// Offset of `idiag_states` in a request: nlmsghdr (16) + family, protocol,
/// ext, pad (4). netlink-packet-sock-diag's `StateFlags` predates
/// TCP_BOUND_INACTIVE (13, Linux 6.5+; `Scope::AnyState` asks for every
/// bit), so the mask is written into the serialised request.
const STATES_OFFSET: usize = 20;
/// Up to this many ports are asked one request each (the kernel's own
/// port filter); more are asked as one range and filtered here.
const PER_PORT_LIMIT: usize = 16;

const fn bit(state: u32) -> u32 {
    1 << state
}

/// Reads the sockets `scope` asks for, in the families and protocols selected.
pub(super) fn sockets(select: Selection, scope: Scope<'_>) -> anyhow::Result<Vec<Socket>> {
    let mut diag = Diag::open()?;
    let mut out = Vec::new();
    for protocol in select.protocols() {
        for family in select.families() {
            let states = match (protocol, scope) {
                (Protocol::Tcp, Scope::Listening) => bit(TCP_LISTEN),
                (Protocol::Tcp, Scope::Ports(_)) => bit(TCP_LISTEN),
                (Protocol::Udp, Scope::Listening) => bit(TCP_CLOSE),
                (Protocol::Udp, Scope::Ports(_)) => bit(TCP_CLOSE) | bit(TCP_ESTABLISHED),
                (_, Scope::AnyState(_)) => u32::MAX,
                (Protocol::Tcp, Scope::Rest(_)) => !bit(TCP_LISTEN),
                // The first look asked for every UDP socket of the ports.
                (Protocol::Udp, Scope::Rest(_)) => continue,
            };
            let ports = match scope {
                Scope::Listening => {
                    diag.dump(family, protocol, states, 0, None, &mut out)?;
                    continue;
                }
                Scope::Ports(ports) | Scope::AnyState(ports) | Scope::Rest(ports) => ports,
            };
            if ports.len() <= PER_PORT_LIMIT {
                // The port in the request's socket id lets the kernel skip
                // other listeners, UDP sockets and connections itself; the
                // bytecode covers the tables that ignore it.
                for &port in ports {
                    diag.dump(family, protocol, states, port, Some((port, port)), &mut out)?;
                }
                continue;
            }
            let (Some(&first), Some(&last)) = (ports.first(), ports.last()) else { continue };
            let start = out.len();
            diag.dump(family, protocol, states, 0, Some((first, last)), &mut out)?;
            let mut i = start;
            while i < out.len() {
                if ports.binary_search(&out[i].port).is_ok() {
                    i += 1;
                } else {
                    out.swap_remove(i);
                }
            }
        }
    }
    Ok(out)
}

/// One sock_diag netlink socket, reused for every request of a scan.
struct Diag {
    socket: NetlinkSocket,
    buf: Vec<u8>,
    seq: u32,
}

impl Diag {
    fn open() -> anyhow::Result<Diag> {
        let mut socket = NetlinkSocket::new(NETLINK_SOCK_DIAG)
            .context("cannot open a sock_diag netlink socket")?;
        socket.bind_auto().context("cannot bind the sock_diag netlink socket")?;
        socket.connect(&SocketAddr::new(0, 0)).context("cannot connect to sock_diag")?;
        // The kernel fills dump replies up to 32 KiB (or the page size);
        // a smaller buffer would truncate them.
        Ok(Diag { socket, buf: vec![0; 64 * 1024], seq: 0 })
    }

    /// Sends one dump request and appends every socket of the reply to `out`.
    fn dump(
        &mut self,
        family: Family,
        protocol: Protocol,
        states: u32,
        sport: u16,
        ports: Option<(u16, u16)>,
        out: &mut Vec<Socket>,
    ) -> anyhow::Result<()> {
        self.seq = self.seq.wrapping_add(1);
        let request = request(family, protocol, states, sport, ports, self.seq);
        self.socket.send(&request, 0).context("cannot send a sock_diag request")?;
        loop {
            let len = self
                .socket
                .recv(&mut &mut self.buf[..], 0)
                .context("cannot read the sock_diag reply")?;
            let mut offset = 0;
            while offset < len {
                let msg = NetlinkMessage::<SockDiagMessage>::deserialize(&self.buf[offset..len])
                    .context("malformed sock_diag reply")?;
                let msg_len = msg.header.length as usize;
                match msg.payload {
                    NetlinkPayload::Done(_) => return Ok(()),
                    NetlinkPayload::Error(e) => {
                        let code = e.code.map_or(0, |c| -c.get());
                        if code == 0 {
                            return Ok(());
                        }
                        bail!(
                            "sock_diag refused the request: {}",
                            std::io::Error::from_raw_os_error(code)
                        );
                    }
                    NetlinkPayload::InnerMessage(SockDiagMessage::InetResponse(r)) => {
                        let id = &r.header.socket_id;
                        out.push(Socket {
                            protocol,
                            family: if r.header.family == AF_INET6 {
                                Family::Ipv6
                            } else {
                                Family::Ipv4
                            },
                            address: id.source_address,
                            port: id.source_port,
                            state: State::from_kernel(protocol, r.header.state),
                            inode: u64::from(r.header.inode),
                            uid: Some(r.header.uid),
                            v6only: r.nlas.iter().find_map(|n| match n {
                                Nla::SkV6Only(v) => Some(*v),
                                _ => None,
                            }),
                            pids: Vec::new(),
                            // idiag_if: the SO_BINDTODEVICE device.
                            interface: id.interface_id,
                        });
                    }
                    _ => {}
                }
                if msg_len == 0 {
                    bail!("malformed sock_diag reply: empty message");
                }
                offset += msg_len;
            }
        }
    }
}

/// Serialises an inet_diag_req_v2 dump request with the state mask, the
/// kernel-side source-port filter and, for `ports`, a bytecode filter
/// `sport >= first && sport <= last`.
fn request(
    family: Family,
    protocol: Protocol,
    states: u32,
    sport: u16,
    ports: Option<(u16, u16)>,
    seq: u32,
) -> Vec<u8> {
    let (family, mut socket_id) = match family {
        Family::Ipv4 => (AF_INET, SocketId::new_v4()),
        Family::Ipv6 => (AF_INET6, SocketId::new_v6()),
    };
    socket_id.source_port = sport;
    let protocol = match protocol {
        Protocol::Tcp => IPPROTO_TCP,
        Protocol::Udp => IPPROTO_UDP,
    };
    let mut header = NetlinkHeader::default();
    header.flags = NLM_F_REQUEST | NLM_F_DUMP;
    header.sequence_number = seq;
    let mut msg = NetlinkMessage::new(
        header,
        SockDiagMessage::InetRequest(InetRequest {
            family,
            protocol,
            extensions: ExtensionFlags::empty(),
            states: StateFlags::empty(),
            socket_id,
        })
        .into(),
    );
    msg.finalize();
    let mut buf = vec![0; msg.buffer_len()];
    msg.serialize(&mut buf);
    buf[STATES_OFFSET..STATES_OFFSET + 4].copy_from_slice(&states.to_ne_bytes());
    if let Some((first, last)) = ports {
        // Two conditions of two 4-byte ops each: {code, yes, no} then a
        // second op whose `no` holds the port. `yes` jumps to the next
        // condition (or the end: accept); `no` jumps 4 past the end: reject.
        let ops: [(u8, u8, u16); 4] =
            [(INET_DIAG_BC_S_GE, 8, 20), (0, 0, first), (INET_DIAG_BC_S_LE, 8, 12), (0, 0, last)];
        let len = 4 + 4 * ops.len();
        buf.extend_from_slice(&(len as u16).to_ne_bytes());
        buf.extend_from_slice(&INET_DIAG_REQ_BYTECODE.to_ne_bytes());
        for (code, yes, no) in ops {
            buf.extend_from_slice(&[code, yes]);
            buf.extend_from_slice(&no.to_ne_bytes());
        }
        let total = buf.len() as u32;
        buf[0..4].copy_from_slice(&total.to_ne_bytes());
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_carries_states_port_and_bytecode() {
        let req =
            request(Family::Ipv4, Protocol::Tcp, bit(TCP_LISTEN), 5000, Some((5000, 5000)), 7);
        assert_eq!(req.len(), 72 + 20);
        assert_eq!(u32::from_ne_bytes(req[0..4].try_into().unwrap()), 92);
        assert_eq!(u32::from_ne_bytes(req[20..24].try_into().unwrap()), 1 << 10);
        // idiag_sport, network order, right after states.
        assert_eq!(&req[24..26], &5000u16.to_be_bytes());
        assert_eq!(req[72 + 4], INET_DIAG_BC_S_GE);
    }
}
