//! The report model (plain serde structs) and its two renderers: tables
//! for people (`table.rs`) and JSON for machines (`json.rs`). Nothing
//! outside the renderers and `main` prints.

pub(crate) mod json;
pub(crate) mod table;

use serde::Serialize;

use crate::port::Class;
use crate::scan::{Family, Protocol, State};

/// How far a bound address reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Exposure {
    /// 127.0.0.0/8 or ::1: this machine only.
    Loopback,
    /// 0.0.0.0 or ::: every interface, reachable from the network.
    AllInterfaces,
    /// One specific address: reachable on that interface only.
    Specific,
}

impl Exposure {
    pub(crate) fn of(addr: &std::net::IpAddr) -> Exposure {
        let addr = match addr {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(*addr, std::net::IpAddr::V4),
            v4 => *v4,
        };
        if addr.is_unspecified() {
            Exposure::AllInterfaces
        } else if addr.is_loopback() {
            Exposure::Loopback
        } else {
            Exposure::Specific
        }
    }

    /// What the exposure means, for people.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            Exposure::Loopback => "local only: reachable from this machine only",
            Exposure::AllInterfaces => {
                "all interfaces: reachable from other machines on the network"
            }
            Exposure::Specific => "one address: reachable through that interface only",
        }
    }
}

/// One process holding a socket.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ProcessReport {
    pub(crate) pid: u32,
    pub(crate) ppid: Option<u32>,
    pub(crate) name: String,
    pub(crate) user: Option<String>,
    pub(crate) command: Vec<String>,
    /// RFC 3339, UTC.
    pub(crate) started: Option<String>,
    /// What this process is, when portcheck recognises it.
    pub(crate) hint: Option<String>,
    /// The parent's short name (not in design §4's example; additive).
    pub(crate) parent_name: Option<String>,
    /// The ancestors, parent first, up to the first supervisor (a shell,
    /// init, a container runtime, an IDE).
    pub(crate) parents: Vec<Ancestor>,
}

/// One ancestor of a holder.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Ancestor {
    pub(crate) pid: u32,
    pub(crate) name: String,
}

/// One socket bound to the port.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SocketReport {
    pub(crate) protocol: Protocol,
    pub(crate) family: Family,
    pub(crate) address: String,
    pub(crate) port: u16,
    pub(crate) state: State,
    pub(crate) exposure: Exposure,
    pub(crate) inode: u64,
    pub(crate) uid: Option<u32>,
    /// The user name of `uid`.
    pub(crate) user: Option<String>,
    /// IPV6_V6ONLY of an IPv6 socket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) v6only: Option<bool>,
    /// `address:port` pairs other machines reach it at: this machine's
    /// interface addresses for a wildcard socket, the address itself for a
    /// specific one, none for loopback.
    pub(crate) reachable_at: Vec<String>,
    /// Every process holding the socket; empty when none can be seen, and
    /// then `hidden` says why.
    pub(crate) processes: Vec<ProcessReport>,
    /// Why no process is listed, when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) hidden: Option<String>,
}

/// The report on one port.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PortReport {
    pub(crate) port: u16,
    pub(crate) class: Class,
    pub(crate) ephemeral: bool,
    pub(crate) privileged: bool,
    pub(crate) services: Vec<String>,
    pub(crate) in_use: bool,
    /// The protocols checked for this port.
    pub(crate) protocols: Vec<Protocol>,
    pub(crate) sockets: Vec<SocketReport>,
    /// TCP connections in TIME_WAIT on the port (they are not holders).
    pub(crate) time_wait: usize,
    /// Whether a real bind checked the answer: false for a privileged port
    /// that portcheck may not bind, where the socket table alone answers.
    pub(crate) bind_checked: bool,
    /// Explanations: hidden owners, privileged ports, unseen holders.
    pub(crate) notes: Vec<String>,
}

/// The answer to `portcheck PORT...`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Query {
    pub(crate) ports: Vec<PortReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<String>,
}

/// The answer to `portcheck` with no ports.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Listing {
    pub(crate) sockets: Vec<SocketReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<String>,
}

/// A holder that appeared after the kill: something restarted it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Respawn {
    pub(crate) port: u16,
    pub(crate) pid: u32,
    pub(crate) name: String,
    /// The process that started it again: the supervisor.
    pub(crate) ppid: Option<u32>,
    pub(crate) parent_name: Option<String>,
    /// The command that stops the supervisor for good.
    pub(crate) stop: String,
}

/// The answer to `portcheck --kill PORT...`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct KillReport {
    /// The ports as they are after the kill.
    pub(crate) ports: Vec<PortReport>,
    pub(crate) actions: Vec<crate::kill::Action>,
    /// Holders that appeared after the kill.
    pub(crate) respawns: Vec<Respawn>,
    /// The question on the terminal was answered no.
    pub(crate) declined: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<String>,
}

/// The answer to `--suggest`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Suggestion {
    pub(crate) base: u16,
    pub(crate) suggestions: Vec<u16>,
}

/// The answer to `--wait-free` / `--wait-listen`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct WaitReport {
    /// Whether every port got there before the deadline.
    pub(crate) ok: bool,
    pub(crate) waited_ms: u64,
    /// `free` or `listening`.
    pub(crate) until: &'static str,
    /// The ports that met the condition at the last look.
    pub(crate) ready: Vec<u16>,
    /// The ports as they were at the end.
    pub(crate) ports: Vec<PortReport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposure_of_addresses() {
        let e = |s: &str| Exposure::of(&s.parse().unwrap());
        assert_eq!(e("0.0.0.0"), Exposure::AllInterfaces);
        assert_eq!(e("::"), Exposure::AllInterfaces);
        assert_eq!(e("127.0.0.1"), Exposure::Loopback);
        assert_eq!(e("127.1.2.3"), Exposure::Loopback);
        assert_eq!(e("::1"), Exposure::Loopback);
        assert_eq!(e("::ffff:127.0.0.1"), Exposure::Loopback);
        assert_eq!(e("192.0.2.10"), Exposure::Specific);
        assert_eq!(e("fe80::1"), Exposure::Specific);
    }
}
