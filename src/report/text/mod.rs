//! The human renderers, one module per mode, and what they share: the
//! [`Style`] (colour and width, measured once) and the socket rows of a
//! table. Every name, command line and user name passes through
//! `sanitize` first.

mod kill;
mod listing;
mod ports;
mod suggest;
mod wait;

pub(crate) use kill::{kill_plan, kill_prompt, kill_result};
pub(crate) use listing::listing;
pub(crate) use ports::ports;
pub(crate) use suggest::{suggestion, suggestion_numbers};
pub(crate) use wait::wait;

use std::fmt::Write;

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use super::{Exposure, PortReport, SocketReport};
use crate::net::{Family, Protocol};
use crate::sanitize::{command_line, escape};

/// The longest command line shown in a table cell; JSON has it whole.
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
    /// A warning.
    pub(crate) const WARN: Style = AnsiColor::Yellow.on_default().bold();
}

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

    /// `text` in `style`, when colour is on.
    fn styled(&self, text: &str, style: anstyle::Style) -> String {
        if self.color { format!("{style}{text}{style:#}") } else { text.to_string() }
    }

    fn table(&self, header: &[&str]) -> Table {
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
        t.set_header(header.iter().map(|n| self.paint(n, Color::DarkGrey)).collect::<Vec<_>>());
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

fn exposure_cell(style: &Style, e: Exposure) -> Cell {
    match e {
        Exposure::Loopback => style.paint("local", Color::Green),
        Exposure::AllInterfaces => style.paint("network", Color::Yellow),
        Exposure::Specific => style.paint("interface", Color::Cyan),
        Exposure::Unassigned => style.paint("nowhere", Color::DarkGrey),
    }
}

/// One row per process holding the socket (one row when none is seen).
fn socket_rows(style: &Style, s: &SocketReport, with_exposure: bool) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let lead = |rows: &mut Vec<Vec<Cell>>, tail: Vec<Cell>| {
        let mut row =
            vec![Cell::new(proto_label(s)), Cell::new(s.endpoint()), Cell::new(s.state.as_str())];
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
                style.paint(&format!("({})", escape(why)), Color::DarkGrey),
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

/// "PREFIX41230 (python3)" for each process holding the port, once each.
fn holder_names(p: &PortReport, prefix: &str) -> Vec<String> {
    p.holders().iter().map(|x| format!("{prefix}{} ({})", x.pid, escape(&x.name))).collect()
}

#[cfg(test)]
mod tests;
