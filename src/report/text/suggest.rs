//! `--suggest`: the numbers for scripts, and why and what to paste on a
//! terminal. Every sentence is a message of the catalog (`suggest-*`).

use super::{Style, styles};
use crate::i18n::t;
use crate::remedy::Remedy;
use crate::report::{PortReport, Suggestion};
use crate::sanitize::escape;

/// `--suggest` for scripts: the numbers, one per line.
pub(crate) fn suggestion_numbers(s: &Suggestion) -> String {
    s.suggestions.iter().map(|p| format!("{p}\n")).collect()
}

/// `--suggest` on a terminal: why the base is taken, and lines to paste.
pub(crate) fn suggestion(
    style: &Style,
    s: &Suggestion,
    base: Option<&PortReport>,
    remedy: &Remedy,
) -> String {
    let mut out = String::new();
    if let Some(b) = base.filter(|b| b.in_use) {
        let holder = b
            .sockets
            .iter()
            .flat_map(|s| s.processes.iter())
            .next()
            .map(|p| {
                let who = format!("pid {} ({}): ", p.pid, escape(&p.name));
                let lead = t!("suggest-taken-by", port = s.base, holder = who.as_str());
                let lead = super::table::visible_width(&lead);
                let room = style.width.map(|w| usize::from(w).saturating_sub(lead));
                let cmd = super::table::command(style, &p.command, room.map(|r| r.max(30)));
                format!("{who}{cmd}")
            })
            .unwrap_or_else(|| t!("suggest-unseen-holder"));
        let line = t!("suggest-taken-by", port = s.base, holder = holder);
        out.push_str(&super::table::wrapped(style, &line));
    } else if s.suggestions.first() != Some(&s.base) && s.notes.is_empty() {
        let line = t!("suggest-taken", port = s.base);
        out.push_str(&super::table::wrapped(style, &line));
    }
    for n in &s.notes {
        let label = style.styled(&t!("suggest-note-label"), styles::WARN);
        let line = format!("{label} {}", escape(&n.to_string()));
        out.push_str(&super::table::wrapped(style, &line));
    }
    let list: Vec<String> = s.suggestions.iter().map(u16::to_string).collect();
    let label = t!("suggest-free-label", count = s.suggestions.len());
    let line = format!("{} {}", style.styled(&label, styles::GOOD), list.join(", "));
    out.push_str(&super::table::wrapped(style, &line));
    out.push_str(&super::table::wrapped(style, &format!("{}:", escape(&remedy.why.to_string()))));
    for line in &remedy.lines {
        out.push_str(&super::table::step(style, 2, None, line));
    }
    out
}
