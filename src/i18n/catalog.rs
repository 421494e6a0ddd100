//! The embedded catalog: build.rs's table of each message's Fluent source
//! per language (`CATALOG`, sorted by id), and its lookup.

use super::Lang;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The Fluent source of message `id` in `lang` (`id = …`, parsed alone).
pub(super) fn source(lang: Lang, id: &str) -> Option<&'static str> {
    let at = CATALOG.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
    CATALOG[at].1.get(lang.index()).copied()
}

/// Every message id, sorted.
#[cfg(test)]
pub(super) fn ids() -> impl Iterator<Item = &'static str> {
    CATALOG.iter().map(|(id, _)| *id)
}
