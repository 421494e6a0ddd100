//! `portcheck` without PORT: every listening socket with its owners.
//! Every sentence is a message of the catalog (`listing-*`, `report-*`).

use super::{Style, socket_rows, table};
use crate::i18n::t;
use crate::report::Listing;
use crate::sanitize::escape;

pub(crate) fn listing(style: &Style, l: &Listing) -> String {
    let mut out = String::new();
    if l.sockets.is_empty() {
        out.push_str(&format!("{}\n", t!("listing-none")));
    } else {
        let rows: Vec<_> = l.sockets.iter().flat_map(|s| socket_rows(s, true)).collect();
        let header = super::ports::headings(true);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&table::render(style, &header, &rows));
    }
    for n in &l.notes {
        out.push_str(&table::wrapped(style, &t!("report-note", note = escape(&n.to_string()))));
    }
    out
}
