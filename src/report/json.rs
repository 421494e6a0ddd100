//! The JSON renderer (schema: docs/json.md).
//!
//! JSON is often read on a terminal (`portcheck --json 5000` by hand, `jq`
//! without `-r` passing escapes through), so every character that must not
//! reach a terminal as itself (`sanitize::is_unsafe`: DEL, C1 controls,
//! U+2028/2029, bidi and other format characters) is written as a `\uXXXX`
//! escape, a character beyond the BMP as its surrogate pair. serde_json
//! already escapes C0 controls; the decoded strings are unchanged.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::sanitize::is_unsafe;

/// `value` as pretty-printed JSON with a final newline.
pub(crate) fn render<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    out.push(b'\n');
    Ok(String::from_utf8(out)?)
}

/// serde_json's pretty formatter, with unsafe characters escaped.
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in s.char_indices().filter(|&(_, c)| is_unsafe(c)) {
            w.write_all(&s.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&s.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn unsafe_characters_are_escaped_and_decode_unchanged() {
        let s =
            "a\u{7f}b\u{85}c\u{9b}d\u{2028}e\u{2029}f\u{202e}g\u{200b}h\u{E0041}i\x1bj é 日本 🙂";
        let out = render(&serde_json::json!({ "s": s, "k\u{202e}": [s] })).unwrap();
        assert_eq!(out.lines().nth(1).unwrap(), "  \"k\\u202e\": [", "keys are escaped too: {out}");
        assert!(out.contains(
            r#""a\u007fb\u0085c\u009bd\u2028e\u2029f\u202eg\u200bh\udb40\udc41i\u001bj é 日本 🙂""#
        ));
        let raw = |c: char| c != '\n' && crate::sanitize::is_unsafe(c);
        assert!(!out.chars().any(raw), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["s"], s);
        assert_eq!(back["k\u{202e}"][0], s);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let v = serde_json::json!({ "a": [1, {"b": null}], "c": [], "d": {} });
        assert_eq!(render(&v).unwrap(), format!("{}\n", serde_json::to_string_pretty(&v).unwrap()));
    }
}
