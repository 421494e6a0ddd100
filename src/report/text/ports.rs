//! `portcheck PORT...`: one block per port in use, free ports on a line.

use std::fmt::Write;

use super::table::{self, wrapped};
use super::{Style, socket_rows, styles};
use crate::net::{Family, Selection};
use crate::port::HostPorts;
use crate::report::{
    Exposure, NextSteps, PortReport, PortsReport, ProcessReport, RunState, SocketReport,
};
use crate::sanitize::escape;
use crate::shell::{Command, Step};

/// The diagnostic line for a port whose probe could not run (said on
/// stderr, where the exit status 3 is explained): `None` for a port with
/// an answer. `app::warn` escapes it.
pub(crate) fn unknown_line(p: &PortReport) -> Option<String> {
    p.unknown.as_ref().map(|why| format!("cannot tell whether port {} is free: {why}", p.port))
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
            style.styled(&format!("Port {}", port.port), styles::HEADING),
            style.styled("unknown", styles::WARN),
            describe_port(host, port)
        );
        out.push_str(&wrapped(style, &line));
        for n in &port.notes {
            out.push_str(&wrapped(style, &format!("  note: {}", escape(&n.to_string()))));
        }
        out.push('\n');
    }
    let free: Vec<&PortReport> =
        r.ports.iter().filter(|p| !p.in_use && p.unknown.is_none()).collect();
    if !free.is_empty() {
        free_ports(&mut out, style, host, select, &free);
    }
    for n in &r.notes {
        out.push_str(&wrapped(style, &format!("note: {}", escape(&n.to_string()))));
    }
    out
}

/// One port in use: heading, table, exposure, ancestors, notes.
fn in_use(out: &mut String, style: &Style, host: &HostPorts, port: &PortReport) {
    let status = match port.refused {
        Some(why) => format!("{}: {}", style.styled("cannot be bound", styles::BAD), why.words()),
        None => style.styled("in use", styles::BAD),
    };
    out.push_str(&wrapped(
        style,
        &format!(
            "{} {status}  {}",
            style.styled(&format!("Port {}", port.port), styles::HEADING),
            describe_port(host, port)
        ),
    ));
    let rows: Vec<_> = port.sockets.iter().flat_map(|s| socket_rows(s, false)).collect();
    if !rows.is_empty() {
        out.push_str(&table::render(style, &["PROTO", "ADDRESS", "STATE", "PID", "USER"], &rows));
    }
    exposure(out, style, port);
    if let Some(b) = &port.beside {
        beside(out, style, port.port, b);
    }
    for p in port.holders() {
        holder_life(out, style, p);
    }
    for n in &port.notes {
        out.push_str(&wrapped(style, &format!("  note: {}", escape(&n.to_string()))));
    }
    if !port.fix.is_empty() {
        let _ = writeln!(out, "  {}", style.styled("what to do:", styles::HEADING));
        for s in &port.fix {
            out.push_str(&table::step(style, 4, None, s));
        }
    }
}

/// The URL that reaches a holder on one address, and where a second
/// server could start beside it, each answer a bind as Flask's makes it.
fn beside(out: &mut String, style: &Style, port: u16, b: &crate::report::Beside) {
    let not = b.not_url.as_ref().map(|u| format!(", not {u}")).unwrap_or_default();
    out.push_str(&wrapped(style, &format!("  it answers at {}{not}", b.url)));
    let list = |ok: bool| -> Vec<String> {
        let tried = b.could_start.iter().filter(|s| s.ok == ok && s.unknown.is_none());
        tried.map(|s| escape(&s.address)).collect()
    };
    let (yes, no) = (list(true), list(false));
    let mut parts = Vec::new();
    if !yes.is_empty() {
        parts.push(format!("could start on {}", yes.join(", ")));
    }
    if !no.is_empty() {
        parts.push(format!("could not start on {}", no.join(", ")));
    }
    for s in b.could_start.iter().filter(|s| s.unknown.is_some()) {
        let why = escape(&s.unknown.as_ref().map(ToString::to_string).unwrap_or_default());
        parts.push(format!("on {} unknown ({why})", escape(&s.address)));
    }
    let line = format!(
        "  a second server on port {port} {} (each tried: {})",
        parts.join("; "),
        super::TRIED
    );
    out.push_str(&wrapped(style, &line));
}

/// Where a holder came from and when (local time), whether its reloader
/// has exited (with its age), and whether it is stopped or traced.
fn holder_life(out: &mut String, style: &Style, p: &ProcessReport) {
    let who = format!("  pid {} ({})", p.pid, escape(&p.name));
    let at = p.life.local_start.as_ref().or(p.started.as_ref());
    let at = at.map(|t| format!(", at {}", escape(t))).unwrap_or_default();
    let chain: Vec<String> =
        p.parents.iter().map(|a| format!("{} ({})", a.pid, escape(&a.name))).collect();
    if p.life.parent_exited {
        let age = p.life.age.map(|a| format!("; started {}", crate::report::ago(a)));
        let under = (!chain.is_empty()).then(|| format!("; now under {}", chain.join(" < ")));
        let line = format!(
            "{who}: its parent (the reloader) has exited{}{at}{}",
            age.unwrap_or_default(),
            under.unwrap_or_default()
        );
        out.push_str(&wrapped(style, &line));
    } else if !chain.is_empty() {
        out.push_str(&wrapped(style, &format!("{who}: started by {}{at}", chain.join(" < "))));
    }
    let state = match p.life.state {
        Some(RunState::Stopped) => {
            "is stopped (Ctrl+Z): it holds the port but answers nothing; in its terminal: `fg`, then Ctrl+C, or `kill %1`"
        }
        Some(RunState::Traced) => {
            "is traced (held by a debugger or tracer such as gdb or strace): it answers nothing until that lets it go"
        }
        None => return,
    };
    out.push_str(&wrapped(style, &format!("{who} {state}")));
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
            "bound without listening: nothing can connect to it until it listens"
        };
        let mut line = format!("  {} ({}): {meaning}", s.host(), style.styled(word, colour));
        if s.exposure == Exposure::AllInterfaces && !s.reachable_at.is_empty() {
            let shown: Vec<&str> = s.reachable_at.iter().take(3).map(String::as_str).collect();
            let more = s.reachable_at.len().saturating_sub(3);
            let _ = write!(
                line,
                ", at {}{}",
                shown.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            );
        }
        let ip = s.address.parse::<std::net::IpAddr>();
        if ip.is_ok_and(|a| crate::net::may_take_ipv4(s.family, &a, s.v6only)) {
            line.push_str("; may also take IPv4 (whether it set IPV6_V6ONLY is not known here)");
        }
        out.push_str(&wrapped(style, &line));
        let warning =
            port.sockets.iter().filter(|x| x.address == s.address).find_map(|x| x.warning.as_ref());
        if let Some(w) = warning {
            out.push_str(&wrapped(
                style,
                &format!("  {} {w}", style.styled("warning:", styles::WARN)),
            ));
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
        (true, true) => "bound and released on the wildcard address: IPv4 and IPv6",
        (true, false) => "bound and released on the wildcard address: IPv4",
        (false, true) => "bound and released on the wildcard address: IPv6",
        (false, false) => "IPv6 is not available on this host: nothing was bound",
    };
    let label = |p: &&PortReport| match p.protocols.as_slice() {
        [only] => format!("{}/{}", p.port, only.name()),
        _ => p.port.to_string(),
    };
    let checked: Vec<&PortReport> = free.iter().filter(|p| p.bind_checked).copied().collect();
    let unchecked: Vec<&PortReport> = free.iter().filter(|p| !p.bind_checked).copied().collect();
    if !checked.is_empty() {
        let line = format!(
            "{} {}  ({})",
            style.styled("Free:", styles::GOOD),
            classed(host, &checked),
            families
        );
        out.push_str(&wrapped(style, &line));
    }
    if !unchecked.is_empty() {
        let line = format!(
            "{} {}  (no socket bound; portcheck may not bind it, so it was not bind-checked)",
            style.styled("Free:", styles::GOOD),
            classed(host, &unchecked),
        );
        out.push_str(&wrapped(style, &line));
    }
    let ephemeral: Vec<String> = free.iter().filter(|p| p.ephemeral).map(label).collect();
    if !ephemeral.is_empty() {
        let line = format!(
            "  {} {} inside the ephemeral range {}-{}: outgoing connections may take {} \
             (portcheck --suggest finds a port outside it)",
            style.styled("warning:", styles::WARN),
            summarize(&ephemeral),
            host.ephemeral.0,
            host.ephemeral.1,
            if ephemeral.len() == 1 { "it" } else { "them" }
        );
        out.push_str(&wrapped(style, &line));
    }
    for p in free {
        for n in &p.notes {
            out.push_str(&wrapped(
                style,
                &format!("  note ({}): {}", p.port, escape(&n.to_string())),
            ));
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
    let _ = writeln!(out, "  {}", style.styled("next steps:", styles::HEADING));
    for first in &n.first {
        out.push_str(&table::step(style, 4, None, first));
    }
    if !n.kill.is_empty() {
        let pids: Vec<String> = n.kill.iter().map(u32::to_string).collect();
        let kill = Step::explained(
            crate::shell::untranslated(format!("stop pid {}", pids.join(", "))),
            Command::new(kill_argv(n)),
        );
        out.push_str(&table::step(style, 4, None, &kill));
    }
    for stop in &n.stop {
        out.push_str(&table::step(style, 4, None, stop));
    }
    // "or" only after another step: the first step never starts with it.
    let alone = n.first.is_empty() && n.kill.is_empty() && n.stop.is_empty();
    let or = if alone { "" } else { "or " };
    if let Some(p) = n.free {
        match &n.remedy {
            Some(r) => {
                let head = if r.moves {
                    format!("    {or}use port {p} ({}):", escape(&r.why.to_string()))
                } else {
                    format!("    {or}move it ({}):", escape(&r.why.to_string()))
                };
                out.push_str(&wrapped(style, &head));
                for line in &r.lines {
                    out.push_str(&table::step(style, 6, None, line));
                }
            }
            None => {
                let _ = writeln!(out, "    {or}use port {p}");
            }
        }
    }
}

/// "registered port · commplex-main, flask-dev · inside the ephemeral range".
fn describe_port(host: &HostPorts, p: &PortReport) -> String {
    let (lo, hi) = p.class.range();
    // IANA's well-known class is 0-1023 (port 0 is never bound, so the
    // search range starts at 1).
    let lo = if lo == 1 { 0 } else { lo };
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

/// The free ports with their class, ports of one class together:
/// "80 (well-known, binding needs root), 8000, 8001 (registered)".
fn classed(host: &HostPorts, ports: &[&PortReport]) -> String {
    let tag = |p: &PortReport| {
        let needs = host.needs_root();
        match p.privileged && !needs.is_empty() {
            true => format!("{}, {needs}", p.class.label()),
            false => p.class.label().to_string(),
        }
    };
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for p in ports {
        let label = match p.protocols.as_slice() {
            [only] => format!("{}/{}", p.port, only.name()),
            _ => p.port.to_string(),
        };
        let t = tag(p);
        match groups.last_mut() {
            Some((last, list)) if *last == t => list.push(label),
            _ => groups.push((t, vec![label])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(t, list)| match list.len() {
            n if n > 12 => format!("{}, …, {} ({n} ports, {t})", list[..5].join(", "), list[n - 1]),
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
    format!("{}, …, {} ({} ports)", list[..5].join(", "), list[list.len() - 1], list.len())
}
