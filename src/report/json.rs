//! The JSON renderer (schema: docs/json.md).

use serde::Serialize;

/// `value` as pretty-printed JSON with a final newline.
pub(crate) fn render<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}
