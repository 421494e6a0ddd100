//! The exit statuses, said once: `--help` (in the reader's language) and
//! the man page's EXIT STATUS (in English) are both made from [`rows`].

use crate::i18n::{Msg, msg, t};

/// (status, meaning), in the order they are listed.
pub(crate) fn rows() -> [(&'static str, Msg); 5] {
    [
        ("0", msg!("exit-yes")),
        ("1", msg!("exit-no")),
        ("2", msg!("exit-usage")),
        ("3", msg!("exit-failure")),
        ("129, 130, 143", msg!("exit-interrupted")),
    ]
}

/// `--help`'s "Exit status:" block: each meaning wrapped at 76 columns,
/// continued 5 columns in.
pub(super) fn help_block() -> String {
    let lang = crate::i18n::current();
    let cols = |s: &str| crate::i18n::columns(s, lang);
    let mut out = format!("{}\n", t!("help-exit-heading"));
    for (code, text) in rows() {
        let mut line = format!("  {code} ");
        for word in text.to_string().split(' ') {
            if cols(&line) + 1 + cols(word) > 76 {
                out.push_str(line.trim_end());
                out.push('\n');
                line = "    ".into();
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The man page's EXIT STATUS section, in roff (in English).
#[cfg(test)]
pub(super) fn man_section(roff: impl Fn(&str) -> String) -> String {
    let mut out = String::from(".SH EXIT STATUS\n");
    for (code, text) in rows() {
        out.push_str(&format!(".TP\n.B {code}\n{}\n", roff(&text.english())));
    }
    out
}
