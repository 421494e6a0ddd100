//! `portcheck` without PORT: every listening socket with its owners.

use std::fmt::Write;

use super::{Style, socket_rows};
use crate::report::Listing;

pub(crate) fn listing(style: &Style, l: &Listing) -> String {
    let mut out = String::new();
    if l.sockets.is_empty() {
        out.push_str("No listening sockets.\n");
    } else {
        let mut t =
            style.table(&["PROTO", "ADDRESS", "STATE", "EXPOSURE", "PID", "USER", "COMMAND"]);
        for s in &l.sockets {
            for row in socket_rows(style, s, true) {
                t.add_row(row);
            }
        }
        let _ = writeln!(out, "{}", t.trim_fmt());
    }
    for n in &l.notes {
        let _ = writeln!(out, "note: {}", crate::sanitize::escape(n));
    }
    out
}
