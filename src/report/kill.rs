//! The `--kill` part of the report model: the plan shown before anything
//! is signalled, each target's action and outcome, and the ports after
//! (respawns, received sockets).

use std::time::Duration;

use serde::Serialize;

use super::{PortReport, Refusal};
use crate::shell::Step;

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
    /// Why it was refused or denied, or what else happened to it: JSON's
    /// `reason` (the sentence) and `kind` (the variant).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<Refusal>,
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
    pub(crate) unseen: Vec<(u16, crate::i18n::Msg)>,
    /// What the signals mean for the rest of a debug session.
    pub(crate) notes: Vec<crate::i18n::Msg>,
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
    /// Said in English in JSON (the text report does not show them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<crate::i18n::Msg>,
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
