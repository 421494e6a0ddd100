//! `--kill`: the plan before, the question, and what happened. Every
//! sentence is a message of the catalog (`kill-*`, src/i18n).

use std::fmt::Write;

use super::table::{step, wrapped};
use super::{Style, holder_names, styles};
use crate::i18n::t;
use crate::report::{Action, KillPlan, KillReport, Method, Outcome, PortReport, Refusal, Signal};
use crate::sanitize::escape;

/// A refused action's reason, in the reader's language.
fn why(a: &Action) -> String {
    a.reason.as_ref().map_or_else(|| t!("kill-refused"), ToString::to_string)
}

/// What `--kill` is about to do: refusals, unseen holders, a dry run.
pub(crate) fn kill_plan(style: &Style, plan: &KillPlan) -> String {
    let mut out = String::new();
    for a in &plan.refused {
        let (why, name) = (escape(&why(a)), escape(&a.name));
        let line = t!("kill-not-signalling", pid = a.pid, name = name, why = why);
        out.push_str(&wrapped(style, &line));
        if let Some(stop) = &a.stop {
            out.push_str(&step(style, 2, Some(&t!("kill-stop-for-good")), stop));
        }
    }
    for (port, why) in &plan.unseen {
        let line = t!("kill-unseen", port = *port, why = escape(&why.to_string()));
        out.push_str(&wrapped(style, &line));
    }
    for n in &plan.notes {
        out.push_str(&wrapped(style, &t!("report-note", note = escape(&n.to_string()))));
    }
    for (port, why, fix) in &plan.cannot_bind {
        let line = t!("kill-cannot-bind", port = *port, why = why.words().to_string());
        out.push_str(&wrapped(style, &line));
        for s in fix {
            out.push_str(&step(style, 2, None, s));
        }
    }
    if plan.dry_run && !plan.targets.is_empty() {
        let who: Vec<String> =
            plan.targets.iter().map(|(pid, name)| format!("{pid} ({})", escape(name))).collect();
        let pids = who.join(", ");
        let line = match plan.method {
            Some(m) => t!("kill-dry-run-end", pids = pids, method = m.name()),
            None => {
                let grace = format!("{:?}", plan.grace);
                t!("kill-dry-run-signal", signal = plan.signal.name, pids = pids, grace = grace)
            }
        };
        out.push_str(&wrapped(style, &line));
    }
    out
}

/// The question asked on a terminal before anything is signalled.
pub(crate) fn kill_prompt(plan: &KillPlan) -> String {
    let ports: Vec<String> = plan.ports.iter().map(u16::to_string).collect();
    let (count, ports) = (plan.targets.len(), ports.join(", "));
    // Fluent drops a message's trailing space: the answer's space is added.
    format!("{} ", t!("kill-prompt", count = count, ports = ports))
}

/// What `--kill` did, and the ports afterwards.
pub(crate) fn kill_result(style: &Style, r: &KillReport) -> String {
    let mut out = String::new();
    if r.declined {
        let _ = writeln!(out, "{}", t!("kill-declined"));
        return out;
    }
    // Refusals decided by the plan were shown with it; a target that let
    // go of the socket before its signal is news.
    let news = |a: &&Action| {
        a.result != Outcome::Refused || !a.reason.as_ref().is_some_and(Refusal::by_plan)
    };
    for a in r.actions.iter().filter(news) {
        let what = match a.method {
            Some(m) => ended(a, m),
            None => signalled(r, a),
        };
        let line = t!("kill-action", pid = a.pid, name = escape(&a.name), what = what);
        out.push_str(&wrapped(style, &line));
    }
    match r.interrupted {
        Some(sig) if r.settle_cut => {
            let _ = writeln!(out, "{}", t!("kill-interrupted-settle", signal = sig.name));
        }
        Some(sig) => {
            let _ = writeln!(out, "{}", t!("kill-interrupted", signal = sig.name));
        }
        None => {}
    }
    for p in &r.ports {
        port_after(&mut out, style, r, p);
    }
    out
}

/// A port now held by a process that is no respawn (forked from a
/// signalled holder, or handed the socket), with the line that frees it.
fn held_by(out: &mut String, style: &Style, port: u16, x: &crate::report::Respawn) {
    let label = style.styled(&t!("kill-held-label"), styles::BAD);
    let (label, pid, name) = (label.as_str(), x.pid, escape(&x.name));
    let line = match x.forked_from {
        Some(from) => {
            t!(
                "kill-now-held-forked",
                label = label,
                port = port,
                pid = pid,
                name = name,
                from = from
            )
        }
        None => t!("kill-now-held-received", label = label, port = port, pid = pid, name = name),
    };
    out.push_str(&wrapped(style, &line));
    out.push_str(&step(style, 2, Some(&t!("kill-to-free")), &x.stop));
}

/// What happened to a target that was (or would be) ended by `m`
/// (TerminateProcess): no signals, no grace.
fn ended(a: &Action, m: Method) -> String {
    let method = m.name();
    match a.result {
        Outcome::Killed => t!("kill-terminated", method = method),
        Outcome::Exited if matches!(a.reason, Some(Refusal::LetGoAfter { .. })) => {
            a.reason.as_ref().map(ToString::to_string).unwrap_or_default()
        }
        Outcome::Exited => t!("kill-exited-before-method", method = method),
        Outcome::Denied => {
            t!(
                "kill-method-denied",
                method = method,
                elevate = crate::host::denied_fix().to_string()
            )
        }
        Outcome::DryRun => t!("kill-method-dry-run", method = method),
        Outcome::TimedOut => t!("kill-method-still-running", method = method),
        Outcome::Interrupted => t!("kill-method-interrupted", method = method),
        Outcome::Refused => t!("kill-not-ended", why = escape(&why(a))),
    }
}

/// What happened to a target that was (or would be) signalled.
fn signalled(r: &KillReport, a: &Action) -> String {
    let no_signal = t!("kill-no-signal");
    let sig = a.signal.map_or(no_signal.as_str(), |s| s.name);
    let reason = || a.reason.as_ref().map(ToString::to_string).unwrap_or_default();
    match a.result {
        Outcome::Exited if matches!(a.reason, Some(Refusal::LetGoAfter { .. })) => {
            let why = reason();
            if a.signal.is_none() { why } else { t!("kill-signal-why", signal = sig, why = why) }
        }
        Outcome::Exited if a.signal.is_none() => t!("kill-exited-before-signal"),
        Outcome::Exited if a.reason == Some(Refusal::ShuttingDown) => {
            t!("kill-signal-why", signal = sig, why = reason())
        }
        Outcome::Exited if a.reason == Some(Refusal::Continued) => {
            t!("kill-exited-continued", signal = sig, why = reason())
        }
        Outcome::Exited => t!("kill-exited", signal = sig),
        Outcome::Killed if matches!(a.reason, Some(Refusal::Traced { .. })) => {
            t!("kill-traced-killed", signal = r.signal.name, why = reason())
        }
        Outcome::Killed if a.signal == Some(Signal::KILL) && r.signal != Signal::KILL => {
            let grace = format!("{:?}", r.grace);
            t!("kill-ignored-killed", signal = r.signal.name, grace = grace)
        }
        Outcome::Killed => t!("kill-killed", signal = sig),
        Outcome::Denied => {
            t!("kill-signal-denied", signal = sig, elevate = crate::host::denied_fix().to_string())
        }
        Outcome::Refused => t!("kill-not-signalled", why = escape(&why(a))),
        Outcome::DryRun => t!("kill-would-send", signal = sig),
        Outcome::TimedOut => t!("kill-stuck", signal = sig),
        Outcome::Interrupted => t!("kill-signal-interrupted", signal = sig),
    }
}

/// One port after the kill: respawned, held, or freed.
fn port_after(out: &mut String, style: &Style, r: &KillReport, p: &PortReport) {
    let respawned: Vec<&crate::report::Respawn> =
        r.respawns.iter().filter(|x| x.port == p.port).collect();
    let port = p.port;
    if !respawned.is_empty() {
        for x in respawned {
            if x.forked_from.is_some() {
                held_by(out, style, port, x);
                continue;
            }
            let parent = match (x.ppid, &x.parent_name) {
                (Some(pp), Some(n)) => format!("pid {pp} ({})", escape(n)),
                (Some(pp), None) => format!("pid {pp}"),
                _ => t!("kill-unknown-parent"),
            };
            let label = style.styled(&t!("kill-respawned-label"), styles::BAD);
            let (pid, name) = (x.pid, escape(&x.name));
            let line = t!(
                "kill-respawned",
                label = label,
                port = port,
                pid = pid,
                name = name,
                parent = parent
            );
            out.push_str(&wrapped(style, &line));
            out.push_str(&step(style, 2, Some(&t!("kill-stop-for-good")), &x.stop));
        }
    } else if let Some(x) = r.received.iter().find(|x| x.port == p.port) {
        held_by(out, style, port, x);
    } else if let Some(why) = p.refused.filter(|_| p.sockets.is_empty()) {
        let label = style.styled(&t!("kill-held-label"), styles::BAD);
        let line =
            t!("kill-held-refused", label = label, port = port, why = why.words().to_string());
        out.push_str(&wrapped(style, &line));
    } else if p.in_use {
        let holders = holder_names(p, "");
        let label = style.styled(&t!("kill-held-label"), styles::BAD);
        let line = if holders.is_empty() {
            t!("kill-still-held-unseen", label = label, port = port)
        } else {
            t!("kill-still-held", label = label, port = port, holders = holders.join(", "))
        };
        out.push_str(&wrapped(style, &line));
    } else if p.unknown.is_some() {
        let label = style.styled(&t!("kill-unknown-label"), styles::WARN);
        out.push_str(&wrapped(style, &t!("kill-unknown-port", label = label, port = port)));
    } else if r.was_free.contains(&p.port) {
        let label = style.styled(&t!("kill-free-label"), styles::GOOD);
        let _ = writeln!(out, "{}", t!("kill-was-free", label = label, port = port));
    } else if !r.dry_run {
        let label = style.styled(&t!("kill-freed-label"), styles::GOOD);
        let _ = writeln!(out, "{}", t!("kill-freed", label = label, port = port));
    }
}
