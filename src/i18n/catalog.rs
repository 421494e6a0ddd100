//! The embedded catalog: build.rs's `TEXT` (every message's Fluent source,
//! one after another) and `INDEX` (for each message, sorted by id, where
//! its source is in each language), and their lookup. A source starts with
//! its id (`id = …`), so the index holds numbers only.

use super::Lang;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The text of a span of `TEXT`.
fn at((start, len): (u32, u32)) -> &'static str {
    TEXT.get(start as usize..start as usize + len as usize).unwrap_or_default()
}

/// The id of an index entry: its English source up to ` =`.
fn id_of(entry: &[(u32, u32); Lang::ALL.len()]) -> &'static str {
    let source = at(entry[0]);
    source.split_once(" =").map_or(source, |(id, _)| id)
}

/// The Fluent source of message `id` in `lang` (`id = …`, parsed alone).
pub(super) fn source(lang: Lang, id: &str) -> Option<&'static str> {
    let found = INDEX.binary_search_by(|e| id_of(e).cmp(id)).ok()?;
    INDEX[found].get(lang.index()).map(|&span| at(span))
}

/// Every message id, sorted.
#[cfg(test)]
pub(super) fn ids() -> impl Iterator<Item = &'static str> {
    INDEX.iter().map(id_of)
}
