//! `portcheck` without PORT: every listening socket with its owners.

use super::{Style, socket_rows, table};
use crate::report::Listing;
use crate::sanitize::escape;

pub(crate) fn listing(style: &Style, l: &Listing) -> String {
    let mut out = String::new();
    if l.sockets.is_empty() {
        out.push_str("No listening sockets.\n");
    } else {
        let rows: Vec<_> = l.sockets.iter().flat_map(|s| socket_rows(s, true)).collect();
        let header = ["PROTO", "ADDRESS", "STATE", "EXPOSURE", "PID", "USER"];
        out.push_str(&table::render(style, &header, &rows));
    }
    for n in &l.notes {
        out.push_str(&table::wrapped(style, &format!("note: {}", escape(&n.to_string()))));
    }
    out
}
