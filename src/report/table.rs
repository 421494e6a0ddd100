//! The human renderer: one block per port in use, free ports on one line,
//! and the listing as one table. Every name and command line passes
//! through `sanitize` first.

use std::fmt::Write;

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use super::{Exposure, Listing, PortReport, Query, SocketReport};
use crate::port::HostPorts;
use crate::sanitize::{command_line, escape};
use crate::scan::{Family, Protocol, Selection};

/// The longest command line shown in a table cell; JSON has it whole.
const COMMAND_MAX: usize = 120;

/// How to render for this terminal (or pipe).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) color: bool,
    /// The terminal's width; `None` for a pipe (no wrapping).
    pub(crate) width: Option<u16>,
}

impl Style {
    fn paint(&self, text: &str, color: Color) -> Cell {
        let cell = Cell::new(text);
        if self.color { cell.fg(color) } else { cell }
    }

    fn paint_str(&self, text: &str, code: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_style(presets::NOTHING);
        match self.width {
            Some(w) => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
                t.set_width(w);
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t
    }
}

/// `tcp`, `tcp6`, `udp`, `udp6`, as netstat and ss print them.
fn proto_label(s: &SocketReport) -> String {
    let p = match s.protocol {
        Protocol::Tcp => "tcp",
        Protocol::Udp => "udp",
    };
    match s.family {
        Family::Ipv4 => p.to_string(),
        Family::Ipv6 => format!("{p}6"),
    }
}

fn endpoint(s: &SocketReport) -> String {
    match s.family {
        Family::Ipv4 => format!("{}:{}", s.address, s.port),
        Family::Ipv6 => format!("[{}]:{}", s.address, s.port),
    }
}

fn exposure_cell(style: &Style, e: Exposure) -> Cell {
    match e {
        Exposure::Loopback => style.paint("local", Color::Green),
        Exposure::AllInterfaces => style.paint("network", Color::Yellow),
        Exposure::Specific => style.paint("interface", Color::Cyan),
    }
}

/// One row per process holding the socket (one row when none is seen).
fn socket_rows(style: &Style, s: &SocketReport, with_exposure: bool) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let lead = |rows: &mut Vec<Vec<Cell>>, tail: Vec<Cell>| {
        let mut row =
            vec![Cell::new(proto_label(s)), Cell::new(endpoint(s)), Cell::new(s.state.as_str())];
        if with_exposure {
            row.push(exposure_cell(style, s.exposure));
        }
        row.extend(tail);
        rows.push(row);
    };
    if s.processes.is_empty() {
        let who = s.user.clone().or(s.uid.map(|u| u.to_string())).unwrap_or_else(|| "?".into());
        let why = s.hidden.as_deref().unwrap_or("no process found");
        lead(
            &mut rows,
            vec![
                Cell::new("-"),
                Cell::new(escape(&who)),
                style.paint(&format!("({why})"), Color::DarkGrey),
            ],
        );
    }
    for p in &s.processes {
        let mut cmd = command_line(&p.command, COMMAND_MAX);
        if let Some(h) = &p.hint {
            let _ = write!(cmd, "  [{}]", escape(h));
        }
        let user = p.user.clone().or_else(|| s.user.clone()).unwrap_or_else(|| "?".into());
        lead(&mut rows, vec![Cell::new(p.pid), Cell::new(escape(&user)), Cell::new(cmd)]);
    }
    rows
}

fn header(style: &Style, names: &[&str]) -> Vec<Cell> {
    names
        .iter()
        .map(|n| if style.color { Cell::new(n).fg(Color::DarkGrey) } else { Cell::new(n) })
        .collect()
}

/// The report on each queried port.
pub(crate) fn query(
    style: &Style,
    host: &HostPorts,
    select: Selection,
    q: &Query,
    next: &[NextSteps],
) -> String {
    let families = match (select.v4, select.v6) {
        (true, true) => "IPv4 and IPv6",
        (true, false) => "IPv4",
        _ => "IPv6",
    };
    let mut out = String::new();
    let mut free: Vec<&PortReport> = Vec::new();
    for port in &q.ports {
        if !port.in_use {
            free.push(port);
            continue;
        }
        let _ = writeln!(
            out,
            "{} {}  {}",
            style.paint_str(&format!("Port {}", port.port), "1"),
            style.paint_str("in use", "1;31"),
            describe_port(host, port)
        );
        let mut t = style.table();
        t.set_header(header(style, &["PROTO", "ADDRESS", "STATE", "PID", "USER", "COMMAND"]));
        for s in &port.sockets {
            for row in socket_rows(style, s, false) {
                t.add_row(row);
            }
        }
        if !port.sockets.is_empty() {
            let _ = writeln!(out, "{}", t.trim_fmt());
        }
        let mut seen: Vec<&SocketReport> = Vec::new();
        for s in &port.sockets {
            if !seen.iter().any(|x| x.address == s.address) {
                seen.push(s);
            }
        }
        for s in seen {
            let _ = write!(out, "  {}: {}", s.address, s.exposure.meaning());
            if s.exposure == Exposure::AllInterfaces && !s.reachable_at.is_empty() {
                let shown: Vec<&str> = s.reachable_at.iter().take(3).map(String::as_str).collect();
                let more = s.reachable_at.len().saturating_sub(3);
                let _ = write!(
                    out,
                    ", at {}{}",
                    shown.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                );
            }
            out.push('\n');
            let dev = s
                .processes
                .iter()
                .any(|p| p.hint.as_deref().is_some_and(crate::hint::is_dev_server));
            if dev && s.exposure != Exposure::Loopback {
                let _ = writeln!(
                    out,
                    "  {} a development server is reachable from the network; bind it to 127.0.0.1 unless you mean to share it",
                    style.paint_str("warning:", "1;33")
                );
            }
        }
        let mut shown: Vec<u32> = Vec::new();
        for s in &port.sockets {
            for p in &s.processes {
                if p.parents.is_empty() || shown.contains(&p.pid) {
                    continue;
                }
                shown.push(p.pid);
                let chain: Vec<String> =
                    p.parents.iter().map(|a| format!("{} ({})", a.pid, escape(&a.name))).collect();
                let _ = writeln!(
                    out,
                    "  pid {} ({}): started by {}{}",
                    p.pid,
                    escape(&p.name),
                    chain.join(" < "),
                    p.started.as_ref().map(|t| format!(", at {t}")).unwrap_or_default()
                );
            }
        }
        for n in &port.notes {
            let _ = writeln!(out, "  note: {n}");
        }
        if let Some(steps) = next.iter().find(|n| n.port == port.port) {
            next_steps(&mut out, style, steps);
        }
        out.push('\n');
    }
    if !free.is_empty() {
        let label = |p: &&PortReport| match p.protocols.as_slice() {
            [only] => format!("{}/{}", p.port, only.name()),
            _ => p.port.to_string(),
        };
        let checked: Vec<String> = free.iter().filter(|p| p.bind_checked).map(label).collect();
        let unchecked: Vec<String> = free.iter().filter(|p| !p.bind_checked).map(label).collect();
        if !checked.is_empty() {
            let _ = writeln!(
                out,
                "{} {}  (bound and released on the wildcard address: {})",
                style.paint_str("Free:", "1;32"),
                summarize(&checked),
                families
            );
        }
        if !unchecked.is_empty() {
            let _ = writeln!(
                out,
                "{} {}  (no socket bound; binding it needs root, so it was not bind-checked)",
                style.paint_str("Free:", "1;32"),
                summarize(&unchecked),
            );
        }
        for p in &free {
            for n in &p.notes {
                let _ = writeln!(out, "  note ({}): {n}", p.port);
            }
        }
    }
    for n in &q.notes {
        let _ = writeln!(out, "note: {n}");
    }
    out
}

/// "PREFIX41230 (python3)" for each process holding the port, once each
/// (a process may hold its IPv4 and IPv6 sockets).
fn holder_names(p: &PortReport, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for x in p.sockets.iter().flat_map(|s| s.processes.iter()) {
        let name = format!("{prefix}{} ({})", x.pid, escape(&x.name));
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// What to do about a port in use: the human report's last lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct NextSteps {
    pub(crate) port: u16,
    /// The holders `--kill` would signal.
    pub(crate) kill: Vec<u32>,
    /// The nearest free port, from `--suggest`.
    pub(crate) free: Option<u16>,
    /// Commands that stop refused holders (supervisors) for good.
    pub(crate) stop: Vec<String>,
}

fn next_steps(out: &mut String, style: &Style, n: &NextSteps) {
    let _ = writeln!(out, "  {}", style.paint_str("next steps:", "1"));
    if !n.kill.is_empty() {
        let pids: Vec<String> = n.kill.iter().map(u32::to_string).collect();
        let _ = writeln!(out, "    portcheck --kill {}   # stops pid {}", n.port, pids.join(", "));
    }
    for stop in &n.stop {
        let _ = writeln!(out, "    {}", escape(stop));
    }
    if let Some(p) = n.free {
        let _ = writeln!(out, "    or use port {p}: PORT={p} · --port {p}");
    }
}

/// "registered port · commplex-main, flask-dev · inside the ephemeral range".
fn describe_port(host: &HostPorts, p: &PortReport) -> String {
    let (lo, hi) = p.class.range();
    let mut parts = vec![format!("{} port ({lo}-{hi})", p.class.label())];
    if !p.services.is_empty() {
        parts.push(p.services.iter().map(|s| escape(s)).collect::<Vec<_>>().join(", "));
    }
    if p.privileged {
        parts.push(format!("privileged (below {}: binding needs root)", host.unprivileged_start));
    }
    if p.ephemeral {
        parts.push(format!(
            "inside the ephemeral range {}-{} (outgoing connections may take it)",
            host.ephemeral.0, host.ephemeral.1
        ));
    }
    parts.join(" · ")
}

/// "3000, 3001, …, 3010 (11 ports)" for long lists.
fn summarize(list: &[String]) -> String {
    if list.len() <= 12 {
        return list.join(", ");
    }
    format!("{}, …, {} ({} ports)", list[..5].join(", "), list[list.len() - 1], list.len())
}

/// The listing: every listening socket with its owners.
pub(crate) fn listing(style: &Style, l: &Listing) -> String {
    let mut out = String::new();
    if l.sockets.is_empty() {
        out.push_str("No listening sockets.\n");
    } else {
        let mut t = style.table();
        t.set_header(header(
            style,
            &["PROTO", "ADDRESS", "STATE", "EXPOSURE", "PID", "USER", "COMMAND"],
        ));
        for s in &l.sockets {
            for row in socket_rows(style, s, true) {
                t.add_row(row);
            }
        }
        let _ = writeln!(out, "{}", t.trim_fmt());
    }
    for n in &l.notes {
        let _ = writeln!(out, "note: {n}");
    }
    out
}

/// What `--kill` is about to do: refusals, unseen holders, a dry run.
pub(crate) fn kill_plan(plan: &crate::kill::Plan, opts: &crate::kill::KillOptions) -> String {
    let mut out = String::new();
    for a in &plan.refused {
        let _ = writeln!(
            out,
            "Not signalling pid {} ({}): {}",
            a.pid,
            escape(&a.name),
            escape(a.reason.as_deref().unwrap_or("refused"))
        );
        if let Some(stop) = &a.stop {
            let _ = writeln!(out, "  to stop it for good: {}", escape(stop));
        }
    }
    for (port, why) in &plan.unseen {
        let _ = writeln!(out, "Port {port}: a holder portcheck cannot see: {why}");
    }
    if opts.dry_run && !plan.targets.is_empty() {
        let who: Vec<String> =
            plan.targets.iter().map(|t| format!("{} ({})", t.pid, escape(&t.name))).collect();
        let _ = writeln!(
            out,
            "Dry run: would send {} to pid {}, then SIGKILL after {:?} to any still running.",
            crate::kill::signal_name(opts.signal),
            who.join(", "),
            opts.grace
        );
    }
    out
}

/// What `--kill` did, and the ports afterwards.
pub(crate) fn kill_result(
    style: &Style,
    r: &super::KillReport,
    opts: &crate::kill::KillOptions,
) -> String {
    use crate::kill::Outcome;
    let mut out = String::new();
    if r.declined {
        out.push_str("Nothing was killed.\n");
        return out;
    }
    // Refusals decided by the plan were shown with it; a target that let
    // go of the socket before its signal is news.
    let news = |a: &&crate::kill::Action| {
        a.result != Outcome::Refused || a.reason.as_deref() == Some(crate::kill::LET_GO)
    };
    for a in r.actions.iter().filter(news) {
        let sig = a.signal.as_deref().unwrap_or("no signal");
        let what = match a.result {
            Outcome::Exited if a.signal.is_none() => "exited before its signal".into(),
            Outcome::Exited if a.reason.as_deref() == Some(crate::kill::RELEASED) => {
                format!("{sig}: {}", crate::kill::RELEASED)
            }
            Outcome::Exited => format!("{sig}: exited"),
            Outcome::Killed if sig == "SIGKILL" && opts.signal.as_str() != "SIGKILL" => {
                format!("{} ignored for {:?}; SIGKILL: killed", opts.signal.as_str(), opts.grace)
            }
            Outcome::Killed => format!("{sig}: killed"),
            Outcome::Denied => format!("{sig}: permission denied (run with sudo)"),
            Outcome::Refused => {
                format!("not signalled: {}", escape(a.reason.as_deref().unwrap_or("refused")))
            }
            Outcome::DryRun => format!("would send {sig} (dry run)"),
            Outcome::TimedOut => format!("{sig}: still running (stuck in the kernel?)"),
        };
        let _ = writeln!(out, "pid {} ({}): {what}", a.pid, escape(&a.name));
    }
    for p in &r.ports {
        let respawned: Vec<&super::Respawn> =
            r.respawns.iter().filter(|x| x.port == p.port).collect();
        if !respawned.is_empty() {
            for x in respawned {
                let parent = match (x.ppid, &x.parent_name) {
                    (Some(pp), Some(n)) => format!("pid {pp} ({})", escape(n)),
                    (Some(pp), None) => format!("pid {pp}"),
                    _ => "an unknown parent".into(),
                };
                let _ = writeln!(
                    out,
                    "{} Port {} was taken again by pid {} ({}), started by {parent}: a supervisor restarts it.\n  to stop it for good: {}",
                    style.paint_str("Respawned:", "1;31"),
                    p.port,
                    x.pid,
                    escape(&x.name),
                    escape(&x.stop)
                );
            }
        } else if p.in_use {
            let holders = holder_names(p, "");
            let by = if holders.is_empty() {
                "a process portcheck cannot see".into()
            } else {
                format!("pid {}", holders.join(", "))
            };
            let _ = writeln!(
                out,
                "{} Port {} is still held by {by}.",
                style.paint_str("Held:", "1;31"),
                p.port
            );
        } else if !opts.dry_run {
            let _ =
                writeln!(out, "{} Port {} is free now.", style.paint_str("Freed:", "1;32"), p.port);
        }
    }
    out
}

/// `--suggest` for scripts: the numbers, one per line.
pub(crate) fn suggestion_numbers(s: &super::Suggestion) -> String {
    s.suggestions.iter().map(|p| format!("{p}\n")).collect()
}

/// `--suggest` on a terminal: why the base is taken, and lines to paste.
pub(crate) fn suggestion(
    style: &Style,
    s: &super::Suggestion,
    base: Option<&PortReport>,
) -> String {
    let mut out = String::new();
    if let Some(b) = base.filter(|b| b.in_use) {
        let holder = b
            .sockets
            .iter()
            .flat_map(|s| s.processes.iter())
            .next()
            .map(|p| {
                format!("pid {} ({}): {}", p.pid, escape(&p.name), command_line(&p.command, 60))
            })
            .unwrap_or_else(|| "a process portcheck cannot see".into());
        let _ = writeln!(out, "Port {} is taken by {holder}", s.base);
    } else if s.suggestions.first() != Some(&s.base) {
        let _ = writeln!(
            out,
            "Port {} is not suggested (taken, reserved or in the ephemeral range).",
            s.base
        );
    }
    let list: Vec<String> = s.suggestions.iter().map(u16::to_string).collect();
    let label = if s.suggestions.len() == 1 { "Free port:" } else { "Free ports:" };
    let _ = writeln!(out, "{} {}", style.paint_str(label, "1;32"), list.join(", "));
    let n = s.suggestions[0];
    let _ = writeln!(out, "  flask run --port {n}\n  PORT={n}\n  --port {n}");
    out
}

/// `--wait-free` / `--wait-listen`.
pub(crate) fn wait(style: &Style, w: &super::WaitReport) -> String {
    let mut out = String::new();
    let secs = w.waited_ms as f64 / 1000.0;
    for p in &w.ports {
        // The wait's own test decides, port by port.
        let ok = w.ready.contains(&p.port);
        let holders = holder_names(p, "pid ");
        let line = match (w.until, ok) {
            ("free", true) => format!("{} Port {} is free.", style.paint_str("OK", "1;32"), p.port),
            ("free", false) if holders.is_empty() && p.time_wait > 0 => format!(
                "{} Port {} still has {} connection{} in TIME_WAIT.",
                style.paint_str("Timed out:", "1;31"),
                p.port,
                p.time_wait,
                if p.time_wait == 1 { "" } else { "s" }
            ),
            ("free", false) => format!(
                "{} Port {} is still held by {}.",
                style.paint_str("Timed out:", "1;31"),
                p.port,
                if holders.is_empty() {
                    "a socket portcheck cannot see".into()
                } else {
                    holders.join(", ")
                }
            ),
            (_, true) if holders.is_empty() => {
                format!("{} Port {} is listening.", style.paint_str("OK", "1;32"), p.port)
            }
            (_, true) => format!(
                "{} Port {} is listening: {}.",
                style.paint_str("OK", "1;32"),
                p.port,
                holders.join(", ")
            ),
            (_, false) => format!(
                "{} Nothing listens on port {}.",
                style.paint_str("Timed out:", "1;31"),
                p.port
            ),
        };
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "Waited {secs:.2}s.");
    out
}
