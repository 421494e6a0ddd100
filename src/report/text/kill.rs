//! `--kill`: the plan before, the question, and what happened.

use std::fmt::Write;

use super::table::{step, wrapped};
use super::{Style, holder_names, styles};
use crate::report::{KillPlan, KillReport, Outcome, PortReport, Refusal, Signal};
use crate::sanitize::escape;

/// What `--kill` is about to do: refusals, unseen holders, a dry run.
pub(crate) fn kill_plan(style: &Style, plan: &KillPlan) -> String {
    let mut out = String::new();
    for a in &plan.refused {
        let why = a.reason.as_ref().map_or_else(|| "refused".into(), ToString::to_string);
        let line = format!("Not signalling pid {} ({}): {}", a.pid, escape(&a.name), escape(&why));
        out.push_str(&wrapped(style, &line));
        if let Some(stop) = &a.stop {
            out.push_str(&step(style, 2, Some("to stop it for good"), stop));
        }
    }
    for (port, why) in &plan.unseen {
        let line = format!("Port {port}: a holder portcheck cannot see: {}", escape(why));
        out.push_str(&wrapped(style, &line));
    }
    for n in &plan.notes {
        out.push_str(&wrapped(style, &format!("note: {}", escape(n))));
    }
    for (port, why, fix) in &plan.cannot_bind {
        let line = format!(
            "Port {port} cannot be bound ({}): there is no process to stop. Instead:",
            why.words()
        );
        out.push_str(&wrapped(style, &line));
        for s in fix {
            out.push_str(&step(style, 2, None, s));
        }
    }
    if plan.dry_run && !plan.targets.is_empty() {
        let who: Vec<String> =
            plan.targets.iter().map(|(pid, name)| format!("{pid} ({})", escape(name))).collect();
        let line = match plan.method {
            Some(m) => format!(
                "Dry run: would end pid {} with {} (no clean shutdown).",
                who.join(", "),
                m.name()
            ),
            None => format!(
                "Dry run: would send {} to pid {}, then SIGKILL after {:?} to any still running.",
                plan.signal.name,
                who.join(", "),
                plan.grace
            ),
        };
        out.push_str(&wrapped(style, &line));
    }
    out
}

/// The question asked on a terminal before anything is signalled.
pub(crate) fn kill_prompt(plan: &KillPlan) -> String {
    let ports: Vec<String> = plan.ports.iter().map(u16::to_string).collect();
    let n = plan.targets.len();
    format!(
        "Kill {n} process{} holding {}? [y/N] ",
        if n == 1 { "" } else { "es" },
        ports.join(", ")
    )
}

/// What `--kill` did, and the ports afterwards.
pub(crate) fn kill_result(style: &Style, r: &KillReport) -> String {
    let mut out = String::new();
    if r.declined {
        out.push_str("Nothing was killed.\n");
        return out;
    }
    // Refusals decided by the plan were shown with it; a target that let
    // go of the socket before its signal is news.
    let news = |a: &&crate::report::Action| {
        a.result != Outcome::Refused || !a.reason.as_ref().is_some_and(Refusal::by_plan)
    };
    for a in r.actions.iter().filter(news) {
        let what = match a.method {
            Some(m) => ended(a, m),
            None => signalled(r, a),
        };
        out.push_str(&wrapped(style, &format!("pid {} ({}): {what}", a.pid, escape(&a.name))));
    }
    match r.interrupted {
        Some(sig) if r.settle_cut => {
            let _ = writeln!(
                out,
                "Interrupted by {} during the settle window: the watch for a respawn was cut short.",
                sig.name
            );
        }
        Some(sig) => {
            let _ = writeln!(
                out,
                "Interrupted by {}: stopped waiting; nothing more was sent.",
                sig.name
            );
        }
        None => {}
    }
    for p in &r.ports {
        port_after(&mut out, style, r, p);
    }
    out
}

/// A port now held by a process that is no respawn, `why`, with the line
/// that frees it.
fn held_by(out: &mut String, style: &Style, port: u16, x: &crate::report::Respawn, why: &str) {
    let line = format!(
        "{} Port {port} is now held by pid {} ({}), {why}.",
        style.styled("Held:", styles::BAD),
        x.pid,
        escape(&x.name),
    );
    out.push_str(&wrapped(style, &line));
    out.push_str(&step(style, 2, Some("to free the port"), &x.stop));
}

/// What happened to a target that was (or would be) ended by `m`
/// (TerminateProcess): no signals, no grace.
fn ended(a: &crate::report::Action, m: crate::report::Method) -> String {
    let m = m.name();
    match a.result {
        Outcome::Killed => format!("terminated ({m}: no clean shutdown)"),
        Outcome::Exited if matches!(a.reason, Some(Refusal::LetGoAfter { .. })) => {
            a.reason.as_ref().map(ToString::to_string).unwrap_or_default()
        }
        Outcome::Exited => format!("exited before {m}"),
        Outcome::Denied => format!("{m}: permission denied ({})", crate::host::elevate()),
        Outcome::DryRun => format!("would be ended with {m} (no clean shutdown; dry run)"),
        Outcome::TimedOut => format!("{m}: still running"),
        Outcome::Interrupted => format!("{m}: still running; portcheck was interrupted"),
        Outcome::Refused => {
            let why = a.reason.as_ref().map_or_else(|| "refused".into(), ToString::to_string);
            format!("not ended: {}", escape(&why))
        }
    }
}

/// What happened to a target that was (or would be) signalled.
fn signalled(r: &KillReport, a: &crate::report::Action) -> String {
    let sig = a.signal.map_or("no signal", |s| s.name);
    match a.result {
        Outcome::Exited if matches!(a.reason, Some(Refusal::LetGoAfter { .. })) => {
            let why = a.reason.as_ref().map(ToString::to_string).unwrap_or_default();
            if a.signal.is_none() { why } else { format!("{sig}: {why}") }
        }
        Outcome::Exited if a.signal.is_none() => "exited before its signal".into(),
        Outcome::Exited if a.reason == Some(Refusal::ShuttingDown) => {
            format!("{sig}: {}", Refusal::ShuttingDown)
        }
        Outcome::Exited if a.reason == Some(Refusal::Continued) => {
            format!("{sig}: exited ({})", Refusal::Continued)
        }
        Outcome::Exited => format!("{sig}: exited"),
        Outcome::Killed if matches!(a.reason, Some(Refusal::Traced { .. })) => {
            let why = a.reason.as_ref().map(ToString::to_string).unwrap_or_default();
            format!("{} not delivered ({why}); SIGKILL: killed", r.signal.name)
        }
        Outcome::Killed if a.signal == Some(Signal::KILL) && r.signal != Signal::KILL => {
            format!("{} ignored for {:?}; SIGKILL: killed", r.signal.name, r.grace)
        }
        Outcome::Killed => format!("{sig}: killed"),
        Outcome::Denied => format!("{sig}: permission denied ({})", crate::host::elevate()),
        Outcome::Refused => {
            let why = a.reason.as_ref().map_or_else(|| "refused".into(), ToString::to_string);
            format!("not signalled: {}", escape(&why))
        }
        Outcome::DryRun => format!("would send {sig} (dry run)"),
        Outcome::TimedOut => format!("{sig}: still running (stuck in the kernel?)"),
        Outcome::Interrupted => format!("{sig}: still running; portcheck was interrupted"),
    }
}

/// One port after the kill: respawned, held, or freed.
fn port_after(out: &mut String, style: &Style, r: &KillReport, p: &PortReport) {
    let respawned: Vec<&crate::report::Respawn> =
        r.respawns.iter().filter(|x| x.port == p.port).collect();
    if !respawned.is_empty() {
        for x in respawned {
            if let Some(from) = x.forked_from {
                let why = format!(
                    "which pid {from} forked on SIGTERM and handed the socket to before it exited: no supervisor restarts it"
                );
                held_by(out, style, p.port, x, &why);
                continue;
            }
            let parent = match (x.ppid, &x.parent_name) {
                (Some(pp), Some(n)) => format!("pid {pp} ({})", escape(n)),
                (Some(pp), None) => format!("pid {pp}"),
                _ => "an unknown parent".into(),
            };
            let line = format!(
                "{} Port {} was taken again by pid {} ({}), started by {parent}: a supervisor restarts it.",
                style.styled("Respawned:", styles::BAD),
                p.port,
                x.pid,
                escape(&x.name),
            );
            out.push_str(&wrapped(style, &line));
            out.push_str(&step(style, 2, Some("to stop it for good"), &x.stop));
        }
    } else if let Some(x) = r.received.iter().find(|x| x.port == p.port) {
        let why = "which was running before portcheck started: the socket was passed to it, it was not restarted";
        held_by(out, style, p.port, x, why);
    } else if let Some(why) = p.refused.filter(|_| p.sockets.is_empty()) {
        let line = format!(
            "{} Port {} cannot be bound: {}.",
            style.styled("Held:", styles::BAD),
            p.port,
            why.words()
        );
        out.push_str(&wrapped(style, &line));
    } else if p.in_use {
        let holders = holder_names(p, "");
        let by = if holders.is_empty() {
            "a process portcheck cannot see".into()
        } else {
            format!("pid {}", holders.join(", "))
        };
        let line = format!(
            "{} Port {} is still held by {by}.",
            style.styled("Held:", styles::BAD),
            p.port
        );
        out.push_str(&wrapped(style, &line));
    } else if p.unknown.is_some() {
        let line = format!(
            "{} Port {}: no holder is left in the socket table, but portcheck cannot bind it to prove it free.",
            style.styled("Unknown:", styles::WARN),
            p.port
        );
        out.push_str(&wrapped(style, &line));
    } else if r.was_free.contains(&p.port) {
        let _ = writeln!(
            out,
            "{} Port {} was already free: there was nothing to stop.",
            style.styled("Free:", styles::GOOD),
            p.port
        );
    } else if !r.dry_run {
        let _ =
            writeln!(out, "{} Port {} is free now.", style.styled("Freed:", styles::GOOD), p.port);
    }
}
