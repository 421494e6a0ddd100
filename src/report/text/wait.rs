//! `--wait-free` / `--wait-listen`: each port's end, and the time waited.

use std::fmt::Write;

use super::{Style, holder_names, styles};
use crate::report::{Until, WaitReport};

/// `--wait-free` / `--wait-listen`.
pub(crate) fn wait(style: &Style, w: &WaitReport) -> String {
    let mut out = String::new();
    let secs = w.waited_ms as f64 / 1000.0;
    for p in &w.ports {
        // The wait's own test decides, port by port.
        let ok = w.ready.contains(&p.port);
        let holders = holder_names(p, "pid ");
        let line = match (w.until, ok) {
            (Until::Free, true) => {
                format!("{} Port {} is free.", style.styled("OK", styles::GOOD), p.port)
            }
            (Until::Free, false) if holders.is_empty() && p.refused.is_some() => format!(
                "{} Port {} cannot be bound: {}; waiting does not change that.",
                style.styled("Timed out:", styles::BAD),
                p.port,
                p.refused.map_or("", crate::port::Refused::words)
            ),
            (Until::Free, false) if holders.is_empty() && p.time_wait > 0 => format!(
                "{} Port {} still has {} connection{} in TIME_WAIT.",
                style.styled("Timed out:", styles::BAD),
                p.port,
                p.time_wait,
                if p.time_wait == 1 { "" } else { "s" }
            ),
            (Until::Free, false) => format!(
                "{} Port {} is still held by {}.",
                style.styled("Timed out:", styles::BAD),
                p.port,
                if holders.is_empty() {
                    "a socket portcheck cannot see".into()
                } else {
                    holders.join(", ")
                }
            ),
            (_, true) if holders.is_empty() => {
                format!("{} Port {} is listening.", style.styled("OK", styles::GOOD), p.port)
            }
            (_, true) => format!(
                "{} Port {} is listening: {}.",
                style.styled("OK", styles::GOOD),
                p.port,
                holders.join(", ")
            ),
            (_, false) => format!(
                "{} Nothing listens on port {}.",
                style.styled("Timed out:", styles::BAD),
                p.port
            ),
        };
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "Waited {secs:.2}s.");
    out
}
