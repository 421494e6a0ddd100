//! The report model (plain serde structs, what the logic learned) and its
//! renderers: text for people (`text/`, one module per mode) and JSON for
//! machines (`json.rs`). Renderers build strings; only `app` writes them.

pub(crate) mod json;
pub(crate) mod text;

use serde::Serialize;

use crate::hint::Role;
use crate::i18n::{Msg, t};
use crate::net::{Family, Protocol, State};
use crate::port::Class;
use crate::process::{Sandbox, Unit};
use crate::sanitize::escape;
use crate::shell::Step;
use crate::started::Started;

mod beside;
mod kill;
mod life;
pub(crate) mod refusal;
pub(crate) use beside::{Beside, StartAt};
pub(crate) use kill::{Action, KillPlan, KillReport, Method, Outcome, Respawn, Signal};
pub(crate) use life::{Life, RunState, ago};
pub(crate) use refusal::Refusal;

/// How far a bound address reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Exposure {
    /// 127.0.0.0/8 or ::1: this machine only.
    Loopback,
    /// 0.0.0.0 or ::: every interface, reachable from the network.
    AllInterfaces,
    /// One specific address (or one device, SO_BINDTODEVICE): reachable
    /// on that interface only.
    Specific,
    /// A unicast address no interface of this machine has (bound with
    /// IP_FREEBIND or IP_TRANSPARENT, or an address since removed): not
    /// reachable until an interface takes it.
    Unassigned,
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

    /// What the exposure means, for people, in their language.
    pub(crate) fn meaning(self) -> String {
        match self {
            Exposure::Loopback => t!("report-meaning-loopback"),
            Exposure::AllInterfaces => t!("report-meaning-all-interfaces"),
            Exposure::Specific => t!("report-meaning-specific"),
            Exposure::Unassigned => t!("report-meaning-unassigned"),
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
    pub(crate) hint: Option<crate::i18n::Msg>,
    /// The parent's short name (additive to the documented fields).
    pub(crate) parent_name: Option<String>,
    /// The ancestors, parent first, up to the first supervisor (a shell,
    /// init, a container runtime, an IDE).
    pub(crate) parents: Vec<Ancestor>,
    /// The systemd service it runs in (the kill policy's input; the hint
    /// names it for people).
    #[serde(skip)]
    pub(crate) unit: Option<Unit>,
    /// Its creation time in the kernel's unit, read when the report was
    /// made (Linux: clock ticks since boot; Windows: FILETIME; `None` on
    /// macOS, whose mechanics read their own): what `--kill` pins the
    /// target by, so a pid reused after the scan is never ended.
    #[serde(skip)]
    pub(crate) created: Option<u64>,
    /// PID 1 of a pid namespace below portcheck's: what runs it (the
    /// kill policy refuses it).
    #[serde(skip)]
    pub(crate) sandbox: Option<Sandbox>,
    /// Its pid namespace, where the platform names one (Linux).
    #[serde(skip)]
    pub(crate) pid_ns: Option<u64>,
    /// Stopped or traced, a parent that exited, local time and age.
    #[serde(flatten)]
    pub(crate) life: Life,
    /// What it does on this socket (additive).
    pub(crate) role: Role,
    /// How it was started (additive): the model every decision reads.
    pub(crate) origin: Started,
}

impl ProcessReport {
    /// A development server, or a debugger or inspector port: exposed to
    /// the network, it deserves a warning.
    pub(crate) fn is_dev_server(&self) -> bool {
        self.origin.kind.is_dev_server()
            || matches!(self.role, Role::Inspector | Role::Debugger)
            || !self.origin.debugpy.is_empty()
    }
}

#[cfg(test)]
impl ProcessReport {
    /// A holder's report with only a pid and a name, for the policy tests.
    pub(crate) fn bare(pid: u32, name: &str) -> ProcessReport {
        ProcessReport {
            pid,
            ppid: Some(1),
            name: name.into(),
            user: None,
            command: vec![name.into()],
            started: None,
            hint: None,
            parent_name: None,
            parents: vec![],
            unit: None,
            role: Role::Server,
            origin: Started::unknown(),
            created: None,
            sandbox: None,
            pid_ns: None,
            life: Default::default(),
        }
    }
}

/// One ancestor of a holder.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Ancestor {
    pub(crate) pid: u32,
    pub(crate) name: String,
}

/// An inode of 0 is none (Windows and macOS have no socket inodes): null.
fn zero_as_null<S: serde::Serializer>(inode: &u64, s: S) -> Result<S::Ok, S::Error> {
    if *inode == 0 { s.serialize_none() } else { s.serialize_u64(*inode) }
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
    /// 0 (written as null) where the platform has no socket inodes.
    #[serde(serialize_with = "zero_as_null")]
    pub(crate) inode: u64,
    pub(crate) uid: Option<u32>,
    /// The user name of `uid`.
    pub(crate) user: Option<String>,
    /// IPV6_V6ONLY of an IPv6 socket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) v6only: Option<bool>,
    /// The device the socket is bound to with SO_BINDTODEVICE (`lo`,
    /// `eth0`): it is reachable through that device only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) device: Option<String>,
    /// `address:port` pairs other machines reach it at: this machine's
    /// interface addresses for a wildcard socket, the address itself for a
    /// specific one, none for loopback.
    pub(crate) reachable_at: Vec<String>,
    /// Every process holding the socket; empty when none can be seen, and
    /// then `hidden` says why.
    pub(crate) processes: Vec<ProcessReport>,
    /// Why no process is listed, when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) hidden: Option<Msg>,
    /// A warning about this socket: a development server reachable from
    /// other machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) warning: Option<Msg>,
}

impl SocketReport {
    /// The address for a terminal: a device-bound socket (SO_BINDTODEVICE,
    /// or an IPv6 link-local scope) reads as `ss` shows it, `0.0.0.0%lo`,
    /// the device name escaped (any user with CAP_NET_ADMIN in a namespace
    /// names interfaces, ESC and BEL included). The table and the notes
    /// both render it here.
    pub(crate) fn host(&self) -> String {
        let dev = self.device.as_deref().map(|d| format!("%{}", escape(d))).unwrap_or_default();
        format!("{}{dev}", escape(&self.address))
    }

    /// `address:port`, with brackets around an IPv6 address, as
    /// [`SocketReport::host`] writes the address: `0.0.0.0%lo:5000`.
    pub(crate) fn endpoint(&self) -> String {
        match self.family {
            Family::Ipv4 => format!("{}:{}", self.host(), self.port),
            Family::Ipv6 => format!("[{}]:{}", self.host(), self.port),
        }
    }
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
    /// Why portcheck cannot tell whether the port is free: the bind probe
    /// could not run (no socket: a policy's EPERM/EAFNOSUPPORT, EMFILE,
    /// ENOBUFS) and the socket table shows no holder. Exit 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) unknown: Option<Msg>,
    /// The OS refused the bind for good (Windows's WSAEACCES): the port
    /// cannot be bound, and is in use with or without a socket to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) refused: Option<crate::port::Refused>,
    /// Explanations: hidden owners, privileged ports, unseen holders.
    /// Prose only: a command to run is a step of `fix`.
    pub(crate) notes: Vec<Msg>,
    /// What to do about a port no process can be stopped for, command by
    /// command: a refused bind's fixes, where to look for an unseen
    /// holder. Text only.
    #[serde(skip)]
    pub(crate) fix: Vec<Step>,
    /// Families this host lacks (proven), so not bound: "bound and
    /// released" never names them. A note says so.
    #[serde(skip)]
    pub(crate) unbound: Vec<Family>,
    /// Held on one address: where a server could start beside it, and
    /// the URL that reaches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) beside: Option<Beside>,
}

impl PortReport {
    /// Every process holding one of the port's sockets, once each and in
    /// the order of the sockets (a process may hold its IPv4 and IPv6
    /// sockets).
    pub(crate) fn holders(&self) -> Vec<&ProcessReport> {
        let mut out: Vec<&ProcessReport> = Vec::new();
        for p in self.sockets.iter().flat_map(|s| s.processes.iter()) {
            if !out.iter().any(|q| q.pid == p.pid) {
                out.push(p);
            }
        }
        out
    }
}

/// The answer to `portcheck PORT...`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PortsReport {
    pub(crate) ports: Vec<PortReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<Msg>,
}

impl PortsReport {
    /// The pids holding any of the ports.
    pub(crate) fn pids(&self) -> Vec<u32> {
        crate::net::sorted_unique(self.ports.iter().flat_map(|p| p.holders()).map(|p| p.pid))
    }
}

/// The answer to `portcheck` with no ports.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Listing {
    pub(crate) sockets: Vec<SocketReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<Msg>,
}

/// What to do about a port in use: the human report's last lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NextSteps {
    pub(crate) port: u16,
    /// What to do first, before `--kill`: stop a VS Code session with
    /// Shift+F5.
    pub(crate) first: Vec<Step>,
    /// The holders `--kill` would signal.
    pub(crate) kill: Vec<u32>,
    /// `--kill` is advised with `-6`: the query was a `-6` widened to the
    /// IPv4 holders a default IPv6 server meets (`Config::dual6`).
    pub(crate) kill_ipv6: bool,
    /// The nearest free port, from `--suggest`.
    pub(crate) free: Option<u16>,
    /// How to start a server on `free` instead: the holder's framework,
    /// else the project here, else generic forms.
    pub(crate) remedy: Option<crate::remedy::Remedy>,
    /// How to stop refused holders (supervisors) for good.
    pub(crate) stop: Vec<Step>,
}

/// The answer to `--suggest`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Suggestion {
    pub(crate) base: u16,
    pub(crate) suggestions: Vec<u16>,
    /// Why the answer is not simply the nearest port above the base: no
    /// right to bind privileged ports, or nothing free above it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<crate::i18n::Msg>,
}

/// What a wait waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Until {
    /// Every port free by the bind test.
    Free,
    /// Every port has a listening TCP or bound UDP socket (IPv4 or IPv6).
    Listening,
}

/// The answer to `--wait-free` / `--wait-listen`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct WaitReport {
    /// Whether every port got there before the deadline.
    pub(crate) ok: bool,
    pub(crate) waited_ms: u64,
    /// `free` or `listening`.
    pub(crate) until: Until,
    /// The ports that met the condition at the last look.
    pub(crate) ready: Vec<u16>,
    /// How many times the socket table was read (the cost of the wait).
    pub(crate) polls: u32,
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
