//! Escaping text that other users control (process names, command lines)
//! before it reaches a terminal: control characters, bidirectional
//! overrides and zero-width characters are shown as escapes, so a process
//! cannot rewrite the screen, hide itself or reorder what is shown.

use std::fmt::Write;

/// Whether `c` must not reach a terminal as itself: control characters
/// (C0, DEL, C1), every format character of Unicode category Cf (bidi
/// controls, zero-width characters, invisible operators, prepended
/// concatenation marks, tag characters), the line and paragraph
/// separators, and characters that draw nothing but can hide text
/// (Hangul fillers, variation selectors, the combining grapheme joiner).
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{0600}'..='\u{0605}' // Arabic number signs (Cf)
            | '\u{061C}' // Arabic letter mark
            | '\u{06DD}' | '\u{070F}' | '\u{0890}' | '\u{0891}' | '\u{08E2}' // Cf
            | '\u{115F}' | '\u{1160}' // Hangul choseong/jungseong fillers
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels (invisible)
            | '\u{180B}'..='\u{180F}' // Mongolian variation selectors, vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM/RLM
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated format controls
            | '\u{3164}' // Hangul filler
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{FEFF}' // zero-width no-break space
            | '\u{FFA0}' // halfwidth Hangul filler
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
            | '\u{110BD}' | '\u{110CD}' // Kaithi number signs (Cf)
            | '\u{13430}'..='\u{1343F}' // Egyptian hieroglyph format controls
            | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}' // musical symbol format controls
            | '\u{E0000}'..='\u{E007F}' // tag characters
            | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
        )
}

/// `s` with every unsafe character escaped: `\n`, `\t`, `\e`, `\x7f`,
/// `\u{202e}`. A backslash stays as it is.
pub(crate) fn escape(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !is_unsafe(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    out
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\x1b[2Jb"), "a\\e[2Jb");
        assert_eq!(escape("x\ny\t\x07"), "x\\ny\\t\\x07");
        assert_eq!(escape("\u{9b}31m"), "\\x9b31m");
        assert_eq!(escape("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(escape("a\u{200b}b\u{feff}"), "a\\u{200b}b\\u{feff}");
        assert_eq!(escape("café ü 日本"), "café ü 日本");
    }

    #[test]
    fn escapes_every_invisible_format_character() {
        // Tag characters spell hidden text ("ALL CLEAR" in tags).
        assert_eq!(escape("a\u{E0041}\u{E004C}b"), "a\\u{e0041}\\u{e004c}b");
        assert_eq!(escape("\u{E0001}\u{E007F}"), "\\u{e0001}\\u{e007f}");
        assert_eq!(escape("x\u{2028}y\u{2029}"), "x\\u{2028}y\\u{2029}");
        for filler in ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}'] {
            assert_eq!(escape(&filler.to_string()), format!("\\u{{{:x}}}", filler as u32));
        }
        // The rest of category Cf, and the invisible joiners and selectors.
        for c in [
            '\u{0600}',
            '\u{0605}',
            '\u{06DD}',
            '\u{070F}',
            '\u{0890}',
            '\u{08E2}',
            '\u{180E}',
            '\u{2065}',
            '\u{206A}',
            '\u{206F}',
            '\u{110BD}',
            '\u{110CD}',
            '\u{13430}',
            '\u{1343F}',
            '\u{1BCA0}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{034F}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{17B4}',
        ] {
            assert!(escape(&c.to_string()).starts_with("\\u{"), "U+{:04X}", c as u32);
        }
        // Visible text around them is untouched.
        assert_eq!(escape("한글 ㄱ ﾡ"), "한글 ㄱ ﾡ");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("python3 -m flask run", 80), "python3 -m flask run");
        let shown = truncate(&"a".repeat(1_000_000), 50);
        assert_eq!(shown.chars().count(), 50);
        assert!(shown.ends_with('…'));
    }
}
