//! `portcheck PORT...`: one block per port in use, free ports on a line.
//! Every sentence is a message of the catalog (`report-*`, src/i18n).

use std::fmt::Write;

use super::table::{self, wrapped};
use super::{Style, socket_rows, styles};
use crate::i18n::{Msg, msg, t};
use crate::net::{Family, Selection};
use crate::port::{Class, HostPorts};
use crate::report::{
    Exposure, NextSteps, PortReport, PortsReport, ProcessReport, RunState, SocketReport,
};
use crate::sanitize::escape;
use crate::shell::{Command, Step};

/// The diagnostic line for a port whose probe could not run (said on
/// stderr, where the exit status 3 is explained): `None` for a port with
/// an answer. `app::warn` escapes it.
pub(crate) fn unknown_line(p: &PortReport) -> Option<String> {
    p.unknown.as_ref().map(|why| t!("report-unknown-line", port = p.port, why = why.to_string()))
}

/// The report on each queried port, with `next` steps for the ports in use.
pub(crate) fn ports(
    style: &Style,
    host: &HostPorts,
    select: Selection,
    r: &PortsReport,
    next: &[NextSteps],
) -> String {
    let mut out = String::new();
    for port in r.ports.iter().filter(|p| p.in_use) {
        in_use(&mut out, style, host, port);
        if let Some(steps) = next.iter().find(|n| n.port == port.port) {
            next_steps(&mut out, style, steps);
        }
        out.push('\n');
    }
    for port in r.ports.iter().filter(|p| !p.in_use && p.unknown.is_some()) {
        let line = format!(
            "{} {}  {}",
            style.styled(&t!("report-port", port = port.port), styles::HEADING),
            style.styled(&t!("report-unknown"), styles::WARN),
            describe_port(host, port)
        );
        out.push_str(&wrapped(style, &line));
        notes(&mut out, style, &port.notes);
        out.push('\n');
    }
    let free: Vec<&PortReport> =
        r.ports.iter().filter(|p| !p.in_use && p.unknown.is_none()).collect();
    if !free.is_empty() {
        free_ports(&mut out, style, host, select, &free);
    }
    for n in &r.notes {
        out.push_str(&wrapped(style, &t!("report-note", note = escape(&n.to_string()))));
    }
    out
}

/// A port's notes, indented below it.
fn notes(out: &mut String, style: &Style, notes: &[Msg]) {
    for n in notes {
        let line = t!("report-note", note = escape(&n.to_string()));
        out.push_str(&wrapped(style, &format!("  {line}")));
    }
}

/// The table's column headings, in the reader's language.
pub(super) fn headings(exposure: bool) -> Vec<String> {
    let mut out = vec![t!("report-col-proto"), t!("report-col-address"), t!("report-col-state")];
    if exposure {
        out.push(t!("report-col-exposure"));
    }
    out.extend([t!("report-col-pid"), t!("report-col-user")]);
    out
}

/// One port in use: heading, table, exposure, ancestors, notes.
fn in_use(out: &mut String, style: &Style, host: &HostPorts, port: &PortReport) {
    let status = match port.refused {
        Some(why) => {
            let cannot = style.styled(&t!("report-cannot-be-bound"), styles::BAD);
            format!("{cannot}: {}", why.words())
        }
        None => style.styled(&t!("report-in-use"), styles::BAD),
    };
    out.push_str(&wrapped(
        style,
        &format!(
            "{} {status}  {}",
            style.styled(&t!("report-port", port = port.port), styles::HEADING),
            describe_port(host, port)
        ),
    ));
    let rows: Vec<_> = port.sockets.iter().flat_map(|s| socket_rows(s, false)).collect();
    if !rows.is_empty() {
        let header = headings(false);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&table::render(style, &header, &rows));
    }
    exposure(out, style, port);
    if let Some(b) = &port.beside {
        beside(out, style, port.port, b);
    }
    for p in port.holders() {
        holder_life(out, style, p);
    }
    notes(out, style, &port.notes);
    if !port.fix.is_empty() {
        let _ = writeln!(out, "  {}", style.styled(&t!("report-what-to-do"), styles::HEADING));
        for s in &port.fix {
            out.push_str(&table::step(style, 4, None, s));
        }
    }
}

/// The URL that reaches a holder on one address, and where a second
/// server could start beside it, each answer a bind as Flask's makes it.
fn beside(out: &mut String, style: &Style, port: u16, b: &crate::report::Beside) {
    let answers = match &b.not_url {
        Some(not) => t!("report-answers-at-not", url = b.url.as_str(), not = not.as_str()),
        None => t!("report-answers-at", url = b.url.as_str()),
    };
    out.push_str(&wrapped(style, &format!("  {answers}")));
    let list = |ok: bool| -> Vec<String> {
        let tried = b.could_start.iter().filter(|s| s.ok == ok && s.unknown.is_none());
        tried.map(|s| escape(&s.address)).collect()
    };
    let (yes, no) = (list(true), list(false));
    let mut parts = Vec::new();
    if !yes.is_empty() {
        parts.push(t!("report-could-start", addrs = yes.join(", ")));
    }
    if !no.is_empty() {
        parts.push(t!("report-could-not-start", addrs = no.join(", ")));
    }
    for s in b.could_start.iter().filter(|s| s.unknown.is_some()) {
        let why = escape(&s.unknown.as_ref().map(ToString::to_string).unwrap_or_default());
        parts.push(t!("report-start-unknown", addr = escape(&s.address), why = why));
    }
    let parts = parts.join("; ");
    let line = t!("report-beside", port = port, parts = parts, tried = super::tried());
    out.push_str(&wrapped(style, &format!("  {line}")));
}

/// Where a holder came from and when (local time), whether its reloader
/// has exited (with its age), and whether it is stopped or traced.
fn holder_life(out: &mut String, style: &Style, p: &ProcessReport) {
    let who = format!("pid {} ({})", p.pid, escape(&p.name));
    let at = p.life.local_start.as_ref().or(p.started.as_ref());
    let at = at.map(|t| t!("report-life-at", time = escape(t))).unwrap_or_default();
    let chain: Vec<String> =
        p.parents.iter().map(|a| format!("{} ({})", a.pid, escape(&a.name))).collect();
    let chain = chain.join(" < ");
    if p.life.parent_exited {
        let age = p.life.age.map(|a| t!("report-life-age", ago = crate::report::ago(a)));
        let under = (!chain.is_empty()).then(|| t!("report-life-under", chain = chain.as_str()));
        let (age, under) = (age.unwrap_or_default(), under.unwrap_or_default());
        let line = t!("report-life-exited", who = who.as_str(), age = age, at = at, under = under);
        out.push_str(&wrapped(style, &format!("  {line}")));
    } else if !chain.is_empty() {
        let line = t!("report-life-started-by", who = who.as_str(), chain = chain, at = at);
        out.push_str(&wrapped(style, &format!("  {line}")));
    }
    let line = match p.life.state {
        Some(RunState::Stopped) => t!("report-life-stopped", who = who),
        Some(RunState::Traced) => t!("report-life-traced", who = who),
        None => return,
    };
    out.push_str(&wrapped(style, &format!("  {line}")));
}

/// What each bound address means, once per address, with its warning;
/// the exposure word coloured as in the listing.
fn exposure(out: &mut String, style: &Style, port: &PortReport) {
    let mut seen: Vec<&SocketReport> = Vec::new();
    for s in &port.sockets {
        if !seen.iter().any(|x| x.address == s.address && x.device == s.device) {
            seen.push(s);
        }
    }
    for s in seen {
        let (word, colour) = super::exposure_word(s.exposure);
        // Bound without listening (or only a connection's end): nothing
        // connects to it, whatever its address.
        let meaning = if s.state.is_listener()
            || matches!(s.exposure, Exposure::Loopback | Exposure::Unassigned)
        {
            s.exposure.meaning()
        } else {
            t!("report-exposure-not-listening")
        };
        let mut line = format!("  {} ({}): {meaning}", s.host(), style.styled(&word, colour));
        if s.exposure == Exposure::AllInterfaces && !s.reachable_at.is_empty() {
            let shown: Vec<&str> = s.reachable_at.iter().take(3).map(String::as_str).collect();
            let (addrs, more) = (shown.join(", "), s.reachable_at.len().saturating_sub(3));
            line.push_str(&match more {
                0 => t!("report-reachable-at", addrs = addrs),
                _ => t!("report-reachable-at-more", addrs = addrs, more = more),
            });
        }
        let ip = s.address.parse::<std::net::IpAddr>();
        if ip.is_ok_and(|a| crate::net::may_take_ipv4(s.family, &a, s.v6only)) {
            line.push_str(&t!("report-may-take-ipv4"));
        }
        out.push_str(&wrapped(style, &line));
        let warning =
            port.sockets.iter().filter(|x| x.address == s.address).find_map(|x| x.warning.as_ref());
        if let Some(w) = warning {
            let label = style.styled(&t!("report-warning-label"), styles::WARN);
            out.push_str(&wrapped(style, &format!("  {label} {w}")));
        }
    }
}

/// The free ports, bind-checked or not, and their notes.
fn free_ports(
    out: &mut String,
    style: &Style,
    host: &HostPorts,
    select: Selection,
    free: &[&PortReport],
) {
    // Only the families bound: never one this host lacks.
    let unbound = |f: Family| free.iter().any(|p| p.bind_checked && p.unbound.contains(&f));
    let families = match (select.v4 && !unbound(Family::Ipv4), select.v6 && !unbound(Family::Ipv6))
    {
        (true, true) => t!("report-free-both"),
        (true, false) => t!("report-free-ipv4"),
        (false, true) => t!("report-free-ipv6"),
        (false, false) => t!("report-free-no-ipv6"),
    };
    let label = |p: &&PortReport| match p.protocols.as_slice() {
        [only] => format!("{}/{}", p.port, only.name()),
        _ => p.port.to_string(),
    };
    let checked: Vec<&PortReport> = free.iter().filter(|p| p.bind_checked).copied().collect();
    let unchecked: Vec<&PortReport> = free.iter().filter(|p| !p.bind_checked).copied().collect();
    let free_label = style.styled(&t!("report-free-label"), styles::GOOD);
    if !checked.is_empty() {
        let line = format!("{free_label} {}  ({families})", classed(host, &checked));
        out.push_str(&wrapped(style, &line));
    }
    if !unchecked.is_empty() {
        let ports = classed(host, &unchecked);
        let line = t!("report-free-unchecked", label = free_label.as_str(), ports = ports);
        out.push_str(&wrapped(style, &line));
    }
    let ephemeral: Vec<String> = free.iter().filter(|p| p.ephemeral).map(label).collect();
    if !ephemeral.is_empty() {
        let line = t!(
            "report-free-ephemeral",
            label = style.styled(&t!("report-warning-label"), styles::WARN),
            ports = summarize(&ephemeral),
            low = host.ephemeral.0,
            high = host.ephemeral.1,
            count = ephemeral.len()
        );
        out.push_str(&wrapped(style, &format!("  {line}")));
    }
    for p in free {
        for n in &p.notes {
            let line = t!("report-note-port", port = p.port, note = escape(&n.to_string()));
            out.push_str(&wrapped(style, &format!("  {line}")));
        }
    }
}

/// `portcheck --kill PORT`, with `-6` after a widened `-6` query.
fn kill_argv(n: &NextSteps) -> Vec<String> {
    let mut argv = vec!["portcheck".to_string()];
    if n.kill_ipv6 {
        argv.push("-6".into());
    }
    argv.extend(["--kill".into(), n.port.to_string()]);
    argv
}

/// The next steps: `--kill`, the commands that stop refused holders, and
/// the free port with the way to start a server on it. Commands to paste
/// are never wrapped.
fn next_steps(out: &mut String, style: &Style, n: &NextSteps) {
    let _ = writeln!(out, "  {}", style.styled(&t!("report-next-steps"), styles::HEADING));
    for first in &n.first {
        out.push_str(&table::step(style, 4, None, first));
    }
    if !n.kill.is_empty() {
        let pids: Vec<String> = n.kill.iter().map(u32::to_string).collect();
        let note = msg!("report-stop-pids", pids = pids.join(", "));
        let kill = Step::explained(note, Command::new(kill_argv(n)));
        out.push_str(&table::step(style, 4, None, &kill));
    }
    for stop in &n.stop {
        out.push_str(&table::step(style, 4, None, stop));
    }
    // "or" only after another step: the first step never starts with it.
    let or = u8::from(!(n.first.is_empty() && n.kill.is_empty() && n.stop.is_empty()));
    if let Some(p) = n.free {
        match &n.remedy {
            Some(r) => {
                let why = escape(&r.why.to_string());
                let head = if r.moves {
                    t!("report-use-port-why", or = or, port = p, why = why)
                } else {
                    t!("report-move-it", or = or, why = why)
                };
                out.push_str(&wrapped(style, &format!("    {head}")));
                for line in &r.lines {
                    out.push_str(&table::step(style, 6, None, line));
                }
            }
            None => {
                let _ = writeln!(out, "    {}", t!("report-use-port", or = or, port = p));
            }
        }
    }
}

/// The first port of a class as IANA counts it (0, 1024, 49152): port 0
/// is never bound, so the search range of the well-known class starts at 1.
fn class_low(c: Class) -> u16 {
    match c.range().0 {
        1 => 0,
        lo => lo,
    }
}

/// "registered port · commplex-main, flask-dev · inside the ephemeral range".
fn describe_port(host: &HostPorts, p: &PortReport) -> String {
    let (lo, hi) = (class_low(p.class), p.class.range().1);
    let class = p.class.label();
    let mut parts = vec![t!("report-class-port", class = class, low = lo, high = hi)];
    if !p.services.is_empty() {
        parts.push(p.services.iter().map(|s| escape(s)).collect::<Vec<_>>().join(", "));
    }
    if p.privileged {
        parts.push(t!("report-privileged", start = host.unprivileged_start));
    }
    if p.ephemeral {
        let (low, high) = host.ephemeral;
        parts.push(t!("report-in-ephemeral", low = low, high = high));
    }
    parts.join(" · ")
}

/// The free ports with their class, ports of one class together:
/// "80 (well-known, binding needs root), 8000, 8001 (registered)".
fn classed(host: &HostPorts, ports: &[&PortReport]) -> String {
    // Ports group by what their tag says (class, and whether binding
    // needs root here); the tag's words are made once per group, not
    // once per port (a range of 10,000 free ports is one group).
    let needs = host.needs_root();
    let key = |p: &PortReport| (p.class, p.privileged && !needs.is_empty());
    let mut groups: Vec<((Class, bool), Vec<String>)> = Vec::new();
    for p in ports {
        let label = match p.protocols.as_slice() {
            [only] => format!("{}/{}", p.port, only.name()),
            _ => p.port.to_string(),
        };
        let k = key(p);
        match groups.last_mut() {
            Some((last, list)) if *last == k => list.push(label),
            _ => groups.push((k, vec![label])),
        }
    }
    let tag = |(class, root): (Class, bool)| {
        let class = t!("report-class", class = class.label());
        if root { format!("{class}, {needs}") } else { class }
    };
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(k, list)| (tag(k), list))
        .map(|(t, list)| match list.len() {
            n if n > 12 => {
                let (first, last) = (list[..5].join(", "), list[n - 1].as_str());
                t!(
                    "report-many-ports-class",
                    first = first,
                    last = last,
                    count = n,
                    class = t.as_str()
                )
            }
            _ => format!("{} ({t})", list.join(", ")),
        })
        .collect();
    parts.join(", ")
}

/// "3000, 3001, …, 3010 (11 ports)" for long lists.
fn summarize(list: &[String]) -> String {
    if list.len() <= 12 {
        return list.join(", ");
    }
    let (first, last) = (list[..5].join(", "), list[list.len() - 1].as_str());
    t!("report-many-ports", first = first, last = last, count = list.len())
}
