//! `--wait-free` / `--wait-listen`: each port's end, and the time waited.
//! Every sentence is a message of the catalog (`wait-*`, src/i18n).

use std::fmt::Write;

use super::{Style, holder_names, styles};
use crate::i18n::t;
use crate::port::Refused;
use crate::report::{Until, WaitReport};

/// `--wait-free` / `--wait-listen`.
pub(crate) fn wait(style: &Style, w: &WaitReport) -> String {
    let mut out = String::new();
    let secs = w.waited_ms as f64 / 1000.0;
    let ok = style.styled(&t!("wait-ok"), styles::GOOD);
    let timed_out = style.styled(&t!("wait-timed-out"), styles::BAD);
    for p in &w.ports {
        // The wait's own test decides, port by port.
        let ready = w.ready.contains(&p.port);
        let holders = holder_names(p, "pid ").join(", ");
        let (label, port) = (if ready { ok.as_str() } else { timed_out.as_str() }, p.port);
        let line = match (w.until, ready) {
            (Until::Free, true) => t!("wait-free", label = label, port = port),
            (Until::Free, false) if holders.is_empty() && p.refused.is_some() => {
                let reason = p.refused.map(refused).unwrap_or_default();
                t!("wait-refused", label = label, port = port, reason = reason)
            }
            (Until::Free, false) if holders.is_empty() && p.time_wait > 0 => {
                t!("wait-time-wait", label = label, port = port, count = p.time_wait)
            }
            (Until::Free, false) if holders.is_empty() => {
                t!("wait-held-unseen", label = label, port = port)
            }
            (Until::Free, false) => {
                t!("wait-held", label = label, port = port, holders = holders.as_str())
            }
            (_, true) if holders.is_empty() => t!("wait-listening", label = label, port = port),
            (_, true) => {
                t!("wait-listening-by", label = label, port = port, holders = holders.as_str())
            }
            (_, false) => t!("wait-nothing-listens", label = label, port = port),
        };
        out.push_str(&super::table::wrapped(style, &line));
    }
    let seconds = format!("{secs:.2}");
    let _ = writeln!(out, "{}", t!("wait-waited", seconds = seconds));
    out
}

/// Why nothing can bind a port nobody holds, in the reader's language.
fn refused(r: Refused) -> String {
    match r {
        Refused::ExcludedRange => t!("refused-excluded-range"),
        Refused::ExclusiveBind => t!("refused-exclusive-bind"),
        Refused::AccessDenied => t!("refused-access-denied"),
    }
}
