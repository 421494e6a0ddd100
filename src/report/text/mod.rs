//! The human renderers, one module per mode, and what they share: the
//! [`Style`] (colour and width, measured once) and the socket rows of a
//! table. Every name, command line and user name passes through
//! `sanitize` first.

mod by_hand;
mod kill;
mod listing;
mod ports;
mod reasons;
mod suggest;
mod table;
mod wait;

pub(crate) use by_hand::by_hand;
pub(crate) use kill::{kill_plan, kill_prompt, kill_result};
pub(crate) use listing::listing;
pub(crate) use ports::{ports, unknown_line};
pub(crate) use suggest::{suggestion, suggestion_numbers};
pub(crate) use wait::wait;

use super::{Exposure, PortReport, SocketReport};
use crate::i18n::t;
use crate::net::{Family, Protocol};
use crate::sanitize::escape;

/// The longest command line shown on a pipe; JSON and `--wide` have it whole.
const COMMAND_MAX: usize = 120;

/// Named text styles.
pub(crate) mod styles {
    use anstyle::{AnsiColor, Style};

    /// A heading: `Port 5000`, `next steps:`.
    pub(crate) const HEADING: Style = Style::new().bold();
    /// Bad news: `in use`, `Held:`, `Timed out:`.
    pub(crate) const BAD: Style = AnsiColor::Red.on_default().bold();
    /// Good news: `Free:`, `Freed:`, `OK`.
    pub(crate) const GOOD: Style = AnsiColor::Green.on_default().bold();
    /// A warning. Magenta, not yellow: yellow is hard to read on a light
    /// background; the standard (not bright) colours read on both.
    pub(crate) const WARN: Style = AnsiColor::Magenta.on_default().bold();
}

/// How to render for this terminal (or pipe).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) color: bool,
    /// The terminal's width; `None` for a pipe (no wrapping).
    pub(crate) width: Option<u16>,
    /// `--wide`: command lines whole, never shortened.
    pub(crate) wide: bool,
}

impl Style {
    /// `text` in `style`, when colour is on.
    fn styled(&self, text: &str, style: anstyle::Style) -> String {
        if self.color { format!("{style}{text}{style:#}") } else { text.to_string() }
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

/// The exposure's word and colour: the same in the listing and in port
/// reports. Standard (not bright) colours, readable on light and dark
/// backgrounds; the security-relevant "network" stands out in bold.
fn exposure_word(e: Exposure) -> (String, anstyle::Style) {
    use anstyle::AnsiColor;
    match e {
        Exposure::Loopback => (t!("report-exposure-local"), AnsiColor::Green.on_default()),
        Exposure::AllInterfaces => {
            (t!("report-exposure-network"), AnsiColor::Magenta.on_default().bold())
        }
        Exposure::Specific => (t!("report-exposure-interface"), AnsiColor::Blue.on_default()),
        Exposure::Unassigned => (t!("report-exposure-nowhere"), anstyle::Style::new().dimmed()),
    }
}

/// One row per process holding the socket (one row when none is seen).
fn socket_rows(s: &SocketReport, with_exposure: bool) -> Vec<table::Row> {
    let lead = || {
        let mut cells = vec![
            (proto_label(s), None),
            (s.endpoint(), None),
            (s.state.as_str().to_string(), None),
        ];
        if with_exposure {
            let (word, style) = exposure_word(s.exposure);
            cells.push((word, Some(style)));
        }
        cells
    };
    let mut rows = Vec::new();
    if s.processes.is_empty() {
        let who = s.user.clone().or(s.uid.map(|u| u.to_string())).unwrap_or_else(|| "?".into());
        let why = s.hidden.as_ref().map_or_else(|| t!("report-no-process"), ToString::to_string);
        let mut cells = lead();
        cells.extend([("-".to_string(), None), (escape(&who), None)]);
        let why = Some(format!("({})", escape(&why)));
        rows.push(table::Row { cells, hint: why, command: vec![] });
    }
    for p in &s.processes {
        let user = p.user.clone().or_else(|| s.user.clone()).unwrap_or_else(|| "?".into());
        let mut cells = lead();
        cells.extend([(p.pid.to_string(), None), (escape(&user), None)]);
        rows.push(table::Row {
            cells,
            hint: p.hint.as_ref().map(|h| format!("[{}]", escape(&h.to_string()))),
            command: p.command.clone(),
        });
    }
    rows
}

/// One line of text (an error on stderr) wrapped at `width`, if any.
pub(crate) fn line(width: Option<u16>, text: &str) -> String {
    table::wrapped(&Style { color: false, width, wide: false }, text)
}

/// What the per-address probe did, in words true on every platform
/// (Windows binds without SO_REUSEADDR; see `probe::probe_as_werkzeug`).
fn tried() -> String {
    t!("report-tried")
}

/// How a pasted PORT was read (`127.0.0.1:5000 → port 5000`), and for
/// the address it names, whether a server could start there now.
pub(crate) fn pasted(
    style: &Style,
    note: &str,
    at: Option<&(std::net::SocketAddr, super::StartAt)>,
) -> String {
    let note = escape(note);
    let line = match at {
        None => note,
        Some((a, s)) => {
            let at = a.to_string();
            match &s.unknown {
                Some(why) => {
                    let why = escape(&why.to_string());
                    t!("report-pasted-unknown", note = note, at = at, why = why)
                }
                None if s.ok => t!("report-pasted-ok", note = note, at = at, tried = tried()),
                None => t!("report-pasted-taken", note = note, at = at),
            }
        }
    };
    table::wrapped(style, &line)
}

/// "PREFIX41230 (python3)" for each process holding the port, once each.
fn holder_names(p: &PortReport, prefix: &str) -> Vec<String> {
    p.holders().iter().map(|x| format!("{prefix}{} ({})", x.pid, escape(&x.name))).collect()
}

#[cfg(test)]
mod kill_tests;
#[cfg(test)]
mod ko_tests;
#[cfg(test)]
pub(crate) mod tests;
