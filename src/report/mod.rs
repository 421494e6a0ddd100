//! The report model (plain serde structs, what the logic learned) and its
//! renderers: text for people (`text/`, one module per mode) and JSON for
//! machines (`json.rs`). Renderers build strings; only `app` writes them.

pub(crate) mod json;
pub(crate) mod text;

use std::time::Duration;

use serde::Serialize;

use crate::hint::Role;
use crate::net::{Family, Protocol, State};
use crate::port::Class;
use crate::process::{Sandbox, Unit};
use crate::sanitize::escape;
use crate::shell::Step;
use crate::started::Started;

mod beside;
mod life;
pub(crate) use beside::{Beside, StartAt};
pub(crate) use life::{Life, RunState, ago};

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

    /// What the exposure means, for people.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            Exposure::Loopback => "loopback: reachable from this machine only",
            Exposure::AllInterfaces => {
                "all interfaces: reachable from other machines on the network"
            }
            Exposure::Specific => "one address: reachable through that interface only",
            Exposure::Unassigned => {
                "an address no interface of this machine has: not reachable until one takes it"
            }
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
    pub(crate) hidden: Option<String>,
    /// A warning about this socket: a development server reachable from
    /// other machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) warning: Option<String>,
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
    pub(crate) unknown: Option<String>,
    /// The OS refused the bind for good (Windows's WSAEACCES): the port
    /// cannot be bound, and is in use with or without a socket to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) refused: Option<crate::port::Refused>,
    /// Explanations: hidden owners, privileged ports, unseen holders.
    /// Prose only: a command to run is a step of `fix`.
    pub(crate) notes: Vec<String>,
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
    pub(crate) notes: Vec<String>,
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
    /// The signalled holder that forked it on SIGTERM and handed it the
    /// socket (same command, adopted by init or a subreaper): no
    /// supervisor (additive to the documented fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) forked_from: Option<u32>,
    /// How to stop the supervisor for good (or, for a received socket,
    /// free the port): `stop`, `stop_argv`, `stop_note` in JSON.
    #[serde(flatten)]
    pub(crate) stop: Step,
}

/// A signal by number and name, so the model needs no platform type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Signal {
    pub(crate) number: i32,
    /// `SIGTERM`, for people and JSON.
    pub(crate) name: &'static str,
}

impl Signal {
    pub(crate) const TERM: Signal = Signal { number: 15, name: "SIGTERM" };
    pub(crate) const KILL: Signal = Signal { number: 9, name: "SIGKILL" };
}

impl Serialize for Signal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

/// How a target is ended where there are no signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Method {
    /// Windows: TerminateProcess, an immediate hard stop (no clean
    /// shutdown, no grace).
    #[cfg_attr(not(windows), allow(dead_code))]
    TerminateProcess,
}

impl Method {
    /// The call, for people.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Method::TerminateProcess => "TerminateProcess",
        }
    }
}

/// What happened to one process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Outcome {
    /// It exited after the first signal.
    Exited,
    /// It needed SIGKILL (or `--force` sent SIGKILL first).
    Killed,
    /// The OS refused the signal (EPERM): another user's process.
    Denied,
    /// portcheck refused to signal it (PID 1, itself, a supervisor, a
    /// process that no longer holds the socket…).
    Refused,
    /// `--dry-run`: it would have been signalled.
    DryRun,
    /// Still alive after SIGKILL and the wait that follows it.
    TimedOut,
    /// Signalled, and still running when portcheck was interrupted
    /// (SIGINT, SIGTERM, SIGHUP) before the wait ended.
    Interrupted,
}

/// Why an action ended as it did, when there is more to say than its
/// outcome. JSON has the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The plan refused it: why, in words.
    Policy(String),
    /// Pinned, then it let go of the socket (or its pid came to name
    /// another process) before the signal: not signalled.
    LetGo,
    /// It outlived the grace period but had let go of the port: no SIGKILL.
    Released,
    /// It let go of the port right after another target, `pid` (its
    /// parent when `parent`), was sent `signal`: not sent its own.
    LetGoAfter { pid: u32, parent: bool, signal: &'static str },
    /// It was stopped (state T): SIGCONT was sent after its signal.
    Continued,
    /// It is stopped by a tracer (state t), the tracer's pid: not
    /// continued.
    Traced(Option<u32>),
    /// The OS refused the signal.
    Denied { pid: u32 },
    /// Its state could not be read to pin and check it (out of file
    /// descriptors, say): the error. Not signalled.
    NotPinned(String),
    /// Its pidfd names another process than `/proc` shows: `/proc` is
    /// another pid namespace's. Not signalled.
    OtherNamespace,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Policy(why) => f.write_str(why),
            Reason::LetGo => f.write_str(
                "it let go of the socket before the signal (or its pid now names another process); not signalled",
            ),
            Reason::Released => f.write_str(
                "let go of the port after the first signal and is still shutting down; not killed",
            ),
            Reason::LetGoAfter { pid, parent, signal } => {
                let whose = if *parent { " (its parent)" } else { "" };
                let (sent, not) = match *signal {
                    "TerminateProcess" => ("ended with", "not ended"),
                    "SIGKILL" => ("sent", "not killed"),
                    _ => ("sent", "not signalled"),
                };
                write!(f, "let go of the port after pid {pid}{whose} was {sent} {signal}; {not}")
            }
            Reason::Continued => f.write_str(
                "it was stopped (Ctrl+Z or SIGSTOP): sent SIGCONT after the signal so it is delivered",
            ),
            Reason::Traced(tracer) => {
                let by = tracer.map_or_else(|| "a tracer".into(), |t| format!("pid {t}"));
                write!(
                    f,
                    "it is stopped by {by} (a debugger or tracer): not continued, so the signal waits until the tracer lets it go"
                )
            }
            Reason::Denied { pid } => {
                let (who, what) = (crate::host::DENIED_WHO, crate::host::ELEVATE);
                write!(f, "permission denied: pid {pid} {who}; {what}")
            }
            Reason::NotPinned(why) => {
                write!(f, "could not be pinned and checked ({why})")
            }
            Reason::OtherNamespace => f.write_str(
                "its pid names another process in portcheck's pid namespace than in /proc's",
            ),
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One line of `actions` in the JSON.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Action {
    pub(crate) pid: u32,
    pub(crate) name: String,
    /// The last signal sent (`SIGTERM`, `SIGKILL`), or the one that would
    /// be; null where there are no signals (Windows: see `method`).
    pub(crate) signal: Option<Signal>,
    /// How it was ended where there are no signals (`terminate_process`
    /// on Windows); absent on Unix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) method: Option<Method>,
    pub(crate) result: Outcome,
    /// Why it was refused or denied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<Reason>,
    /// `spared`: refused only because another holder of one of its ports
    /// is not signalled (or cannot be seen), so stopping it would not free
    /// the port (additive to the documented fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) kind: Option<&'static str>,
    /// How to stop a refused holder for good: JSON's `stop` (the line the
    /// text shows), `stop_argv` (its words, when it is one command) and
    /// `stop_note` (the explanation shown beside a command).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub(crate) stop: Option<Step>,
}

/// What `--kill` is about to do, for people.
#[derive(Clone, Debug)]
pub(crate) struct KillPlan {
    /// The holders to signal: pid and name.
    pub(crate) targets: Vec<(u32, String)>,
    /// The ports they hold.
    pub(crate) ports: Vec<u16>,
    /// The holders portcheck will not signal, with the reason.
    pub(crate) refused: Vec<Action>,
    /// Ports with a holder that cannot be seen, and why.
    pub(crate) unseen: Vec<(u16, String)>,
    /// What the signals mean for the rest of a debug session.
    pub(crate) notes: Vec<String>,
    /// Ports the OS refuses to bind, with no process to stop, and the
    /// fixes.
    pub(crate) cannot_bind: Vec<(u16, crate::port::Refused, Vec<Step>)>,
    pub(crate) dry_run: bool,
    pub(crate) signal: Signal,
    pub(crate) grace: Duration,
    /// How targets are ended where there are no signals (Windows).
    pub(crate) method: Option<Method>,
}

/// The answer to `portcheck --kill PORT...`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct KillReport {
    /// The ports as they are after the kill.
    pub(crate) ports: Vec<PortReport>,
    pub(crate) actions: Vec<Action>,
    /// Holders that appeared after the kill.
    pub(crate) respawns: Vec<Respawn>,
    /// Holders after the kill that were running before portcheck started:
    /// the socket was passed to them (SCM_RIGHTS); no restart.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) received: Vec<Respawn>,
    /// The signal that interrupted the wait (SIGINT, SIGTERM, SIGHUP).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) interrupted: Option<Signal>,
    /// The question on the terminal was answered no.
    pub(crate) declined: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<String>,
    /// The first signal asked for.
    #[serde(skip)]
    pub(crate) signal: Signal,
    /// The grace period before SIGKILL.
    #[serde(skip)]
    pub(crate) grace: Duration,
    #[serde(skip)]
    pub(crate) dry_run: bool,
    /// The ports that were free before the kill: nothing to stop there.
    #[serde(skip)]
    pub(crate) was_free: Vec<u16>,
    /// The interruption came during the settle window, not the grace.
    #[serde(skip)]
    pub(crate) settle_cut: bool,
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
    pub(crate) notes: Vec<String>,
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
