//! The socket snapshot: which TCP and UDP sockets are bound to which ports,
//! and which processes hold them. A leaf: it produces sockets and knows
//! nothing of reports.
//!
//! One function, [`snapshot`], hides the platform; each platform's module
//! has a `snapshot` of the same shape. On Linux (`linux/`) the kernel is
//! asked through sock_diag netlink for exactly the states and ports wanted
//! and socket inodes are mapped to processes with one walk of
//! `/proc/*/fd`; when sock_diag is unavailable `/proc/net/*` stands in.
//! On Windows netstat2 is the backend (`portable.rs`), on macOS the
//! listeners crate (`macos.rs`).

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as platform;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
use macos as platform;
#[cfg(windows)]
mod orphans;
#[cfg(windows)]
mod portable;
#[cfg(windows)]
use portable as platform;

pub(crate) use platform::BLIND_SPOT;
// Linux re-checks a target by the fds it held the socket at
// (`kill::sys::Holding`); the others ask their socket table.
#[cfg(not(target_os = "linux"))]
pub(crate) use platform::holds_any;
// Linux's: "does pid P hold inode I", by its fd table (`linux/fds.rs`).
#[cfg(target_os = "linux")]
pub(crate) use linux::{Held, NotHeld, held};

/// What this platform's socket table cannot show, which a bind that fails
/// with nothing in the table is explained by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlindSpot {
    /// Every socket is listed (Linux's sock_diag lists every user's):
    /// only a socket in flight escapes it.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    None,
    /// Sockets of processes portcheck may not read are skipped (macOS's
    /// libproc walk without root).
    #[cfg_attr(not(target_os = "macos"), allow(dead_code))]
    OtherUsers,
    /// A TCP socket bound without listening is not in the table (Windows:
    /// `netstat -anoq` shows it, state BOUND), and a holder named by pid
    /// may not be opened.
    #[cfg_attr(not(windows), allow(dead_code))]
    BoundSockets,
}

use std::net::IpAddr;

use crate::i18n::Msg;
use crate::net::{Family, Protocol, Selection, State};

/// One socket bound to a local port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Socket {
    pub(crate) protocol: Protocol,
    pub(crate) family: Family,
    pub(crate) address: IpAddr,
    pub(crate) port: u16,
    pub(crate) state: State,
    /// The socket's inode (0 where the platform has none).
    pub(crate) inode: u64,
    /// The owner's uid, where the platform reports it.
    pub(crate) uid: Option<u32>,
    /// IPV6_V6ONLY of an IPv6 socket; `None` for IPv4 or when unknown.
    pub(crate) v6only: Option<bool>,
    /// Every process holding this socket, sorted.
    pub(crate) pids: Vec<u32>,
    /// The interface index of SO_BINDTODEVICE (0: none, or unknown).
    pub(crate) interface: u32,
}

impl Socket {
    /// Whether this socket takes the port from servers of a selected family.
    pub(crate) fn covers(&self, select: Selection) -> bool {
        select.covers(self.family, &self.address, self.v6only)
    }
}

/// What to ask the kernel for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope<'a> {
    /// Every listening TCP socket and every unconnected UDP socket: the listing.
    Listening,
    /// The listeners of these ports (sorted, unique): TCP listening
    /// sockets and UDP sockets (unconnected or connected). Cheap: the
    /// kernel finds them by port.
    Ports(&'a [u16]),
    /// Every socket bound to one of these ports, in any state
    /// (bound-inactive, connections, TIME_WAIT): the second look at the
    /// ports with a listener or where an exclusive bind failed, and a
    /// retry of it. It makes the kernel walk its bind and connection
    /// tables.
    AnyState(&'a [u16]),
    /// What `AnyState` adds to `Ports` for these ports: TCP sockets in
    /// every state but LISTEN (a `Ports` scan has every UDP socket). The
    /// second look asks this much when the first look's answer stands
    /// for the rest ([`second_look`]).
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Rest(&'a [u16]),
}

impl Scope<'_> {
    /// Whether a socket of `protocol` on `port` in `state` answers this
    /// scope: the one definition every backend filters with.
    pub(crate) fn wants(&self, protocol: Protocol, port: u16, state: State) -> bool {
        match self {
            Scope::Listening => state.is_listener(),
            Scope::Ports(ports) => {
                ports.binary_search(&port).is_ok()
                    && (protocol == Protocol::Udp || state == State::Listen)
            }
            Scope::AnyState(ports) => ports.binary_search(&port).is_ok(),
            Scope::Rest(ports) => {
                ports.binary_search(&port).is_ok()
                    && protocol == Protocol::Tcp
                    && state != State::Listen
            }
        }
    }
}

impl Socket {
    /// A socket from a table that names sockets by address and pid only
    /// (Windows's, libproc's): no inode, uid, IPV6_V6ONLY or device.
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    pub(crate) fn from_table(
        protocol: Protocol,
        address: IpAddr,
        port: u16,
        state: State,
        pids: Vec<u32>,
    ) -> Socket {
        Socket {
            protocol,
            family: Family::of(&address),
            address,
            port,
            state,
            inode: 0,
            uid: None,
            v6only: None,
            pids: crate::net::sorted_unique(pids),
            interface: 0,
        }
    }
}

/// The result of one scan.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    /// The sockets found, sorted by protocol, port, family and address.
    pub(crate) sockets: Vec<Socket>,
    /// Processes whose sockets could not be read (another user's process
    /// without root): their sockets have no pids.
    pub(crate) unreadable: Vec<u32>,
    /// Notes about how the scan was done (a fallback backend, say).
    pub(crate) notes: Vec<Msg>,
    /// `/proc` is mounted with `hidepid`: other users' processes are
    /// invisible, not merely unreadable.
    pub(crate) hidepid: bool,
    /// Why the owners could not be read at all, if they could not.
    pub(crate) proc_error: Option<String>,
    /// The `/proc` walk ran out of file descriptors (EMFILE): some
    /// processes' fds were not read.
    pub(crate) out_of_fds: bool,
    /// portcheck runs in a child PID namespace: processes outside it are
    /// not in its `/proc` (set when a socket was left without a holder).
    pub(crate) child_pid_ns: bool,
    /// Why the platform names no owner for a socket it lists (Windows's
    /// table giving pid 0, as under Wine), when that is the reason.
    pub(crate) unnamed: Option<Msg>,
}

impl Snapshot {
    /// Adds what another scan learned about owners and the scan itself.
    pub(crate) fn absorb(&mut self, other: &Snapshot) {
        self.unreadable =
            crate::net::sorted_unique(self.unreadable.iter().chain(&other.unreadable).copied());
        for n in &other.notes {
            if !self.notes.contains(n) {
                self.notes.push(n.clone());
            }
        }
        self.hidepid |= other.hidepid;
        self.out_of_fds |= other.out_of_fds;
        self.child_pid_ns |= other.child_pid_ns;
        if self.proc_error.is_none() {
            self.proc_error.clone_from(&other.proc_error);
        }
        if self.unnamed.is_none() {
            self.unnamed.clone_from(&other.unnamed);
        }
    }
}

/// The second look at `ports` (sorted, unique): every socket there in any
/// state, with its holders. `first` is the first look, a `Scope::Ports`
/// scan of these ports (and maybe others) taken just before: on Linux its
/// listeners and UDP sockets stand, and sock_diag is asked only for the
/// rest (`Scope::Rest`), so no request is sent twice; the other platforms
/// read their whole table again (`Scope::AnyState`).
pub(crate) fn second_look(
    select: Selection,
    ports: &[u16],
    first: &Snapshot,
) -> anyhow::Result<Snapshot> {
    let mut snap = platform_second_look(select, ports, first)?;
    snap.sockets.sort_by_key(|s| (s.protocol, s.port, s.family, s.address, s.inode));
    Ok(snap)
}

#[cfg(target_os = "linux")]
use linux::second_look as platform_second_look;

/// The whole table again, with owners: nothing to save where one read
/// lists every state.
#[cfg(not(target_os = "linux"))]
fn platform_second_look(
    select: Selection,
    ports: &[u16],
    _first: &Snapshot,
) -> anyhow::Result<Snapshot> {
    platform::snapshot(select, Scope::AnyState(ports), true)
}

/// Takes the snapshot. With `owners`, every socket's holders are filled in
/// (skipped when no socket matched, so a free port costs no `/proc` walk).
pub(crate) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    owners: bool,
) -> anyhow::Result<Snapshot> {
    let mut snap = platform::snapshot(select, scope, owners)?;
    snap.sockets.sort_by_key(|s| (s.protocol, s.port, s.family, s.address, s.inode));
    Ok(snap)
}
