//! The socket table, laid out for the terminal's width: fixed columns
//! that never break (an address is never split), then the hint (wrapped
//! at word boundaries) before the command line (one line, shortened to
//! fit unless `--wide`). Below a width where the table cannot hold, one
//! block per socket. And the word wrapping of free-text lines.

use super::Style;
use crate::i18n::t;
use crate::sanitize::escape;
use crate::shell::{Command, Step};

/// The fewest columns the COMMAND column may have before the table turns
/// into blocks.
const MIN_COMMAND: usize = 30;

/// One row: fixed cells (text and an optional style), then what the
/// process is and its command line (both already escaped).
pub(crate) struct Row {
    pub(crate) cells: Vec<(String, Option<anstyle::Style>)>,
    /// What the process is, `[Flask development server]`, or why none is
    /// shown, `(no process found)`: wrapped, before the command.
    pub(crate) hint: Option<String>,
    /// The holder's argv as it is (quoted for the shell when shown).
    pub(crate) command: Vec<String>,
}

/// The table, or one block per row when `style.width` is too narrow.
pub(crate) fn render(style: &Style, header: &[&str], rows: &[Row]) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| cols(h)).collect();
    for r in rows {
        for (i, (c, _)) in r.cells.iter().enumerate().take(n) {
            widths[i] = widths[i].max(cols(c));
        }
    }
    let indent = 1 + widths.iter().map(|w| w + 2).sum::<usize>();
    let room = style.width.map(|w| usize::from(w).saturating_sub(indent));
    if room.is_some_and(|r| r < MIN_COMMAND) {
        return blocks(style, rows);
    }
    let mut out = String::from(" ");
    for (h, w) in header.iter().zip(&widths) {
        out.push_str(&style.styled(&pad(h, *w), super::styles::HEADING));
        out.push_str("  ");
    }
    out.push_str(&style.styled(&t!("report-col-command"), super::styles::HEADING));
    out.push('\n');
    for r in rows {
        let mut line = String::from(" ");
        for ((c, s), w) in r.cells.iter().zip(&widths) {
            let cell = pad(c, *w);
            line.push_str(&s.map_or_else(|| cell.clone(), |s| style.styled(&cell, s)));
            line.push_str("  ");
        }
        let cmd = command(style, &r.command, room);
        let tail: Vec<String> = match (&r.hint, room) {
            (None, _) => vec![cmd],
            // A pipe: one line per process, for grep.
            (Some(h), None) => vec![format!("{h} {cmd}").trim_end().to_string()],
            (Some(h), Some(room)) => {
                let mut t = wrap_words(h, room);
                t.extend(Some(cmd).filter(|c| !c.is_empty()));
                t
            }
        };
        let blank = " ".repeat(indent);
        for (i, t) in tail.iter().enumerate() {
            out.push_str(if i == 0 { &line } else { &blank });
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

/// One block per row: the socket on one line, then the process, what it
/// is and its command, indented.
fn blocks(style: &Style, rows: &[Row]) -> String {
    let width = style.width.map_or(usize::MAX, usize::from);
    let mut out = String::new();
    for r in rows {
        let (socket, who) = r.cells.split_at(r.cells.len().saturating_sub(2));
        let head: Vec<String> = socket
            .iter()
            .map(|(c, s)| s.map_or_else(|| c.clone(), |s| style.styled(c, s)))
            .collect();
        out.push_str(&head.join(" "));
        out.push('\n');
        let who: Vec<&str> = who.iter().map(|(c, _)| c.as_str()).collect();
        let mut about = match who.as_slice() {
            ["-", user] => (*user).to_string(),
            [pid, user] => format!("pid {pid} {user}"),
            _ => String::new(),
        };
        if let Some(h) = &r.hint {
            about.push_str(&format!(" · {h}"));
        }
        for l in wrap_words(&about, width.saturating_sub(2)) {
            out.push_str(&format!("  {l}\n"));
        }
        if !r.command.is_empty() {
            let cmd = command(style, &r.command, Some(width.saturating_sub(2)));
            out.push_str(&format!("  {cmd}\n"));
        }
    }
    out
}

/// The holder's command line, its words quoted for this machine's shell
/// by the one renderer (`shell`), so a whole line pastes back as exactly
/// those words and no word shows as shell syntax: whole with `--wide` or on
/// a pipe (up to the cut the pipe has always had), else shortened to
/// `room`: long paths to their last part, then cut with an ellipsis.
pub(crate) fn command(style: &Style, words: &[String], room: Option<usize>) -> String {
    let quoted = |words: &[&str]| {
        crate::shell::tokens(&crate::shell::Command::new(words), crate::shell::here())
    };
    let whole = quoted(&words.iter().map(String::as_str).collect::<Vec<_>>()).join(" ");
    let Some(room) = room.filter(|_| !style.wide) else {
        return if style.width.is_none() && !style.wide {
            crate::sanitize::truncate(&whole, super::COMMAND_MAX)
        } else {
            whole
        };
    };
    if cols(&whole) <= room {
        return whole;
    }
    // A long path shows as `…/` and its last part, quoted alone.
    let parts: Vec<(bool, &str)> = words
        .iter()
        .map(|w| match w.rsplit_once('/') {
            Some((dir, last)) if !dir.is_empty() && !last.is_empty() && !w.contains(' ') => {
                (true, last)
            }
            _ => (false, w.as_str()),
        })
        .collect();
    let tokens = quoted(&parts.iter().map(|(_, w)| *w).collect::<Vec<_>>());
    let short: Vec<String> = parts
        .iter()
        .zip(tokens)
        .map(|((cut, _), t)| if *cut { format!("…/{t}") } else { t })
        .collect();
    cut(&short.join(" "), room)
}

/// `s` cut to `room` columns, with an ellipsis when cut.
fn cut(s: &str, room: usize) -> String {
    if cols(s) <= room {
        return s.to_string();
    }
    let ellipsis = cols("…");
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = cols(c.encode_utf8(&mut [0; 4]));
        if used + w + ellipsis > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The columns `s` takes in the reader's language (`i18n::columns`: in
/// Korean, `…` and `·` take two).
fn cols(s: &str) -> usize {
    crate::i18n::columns(s, crate::i18n::current())
}

fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(cols(s))))
}

/// `text` broken at spaces into lines of at most `room` columns; a word
/// longer than that stands alone (never broken). Runs of spaces inside a
/// line are kept; at a break they are dropped.
pub(crate) fn wrap_words(text: &str, room: usize) -> Vec<String> {
    wrap_first(text, room, room)
}

/// [`wrap_words`] with a first line of `first` columns and the others of `rest`.
fn wrap_first(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut gap = 0;
    for word in text.split(' ') {
        if word.is_empty() {
            gap += 1;
            continue;
        }
        let sep = if cur.is_empty() { 0 } else { gap + 1 };
        let room = if lines.is_empty() { first } else { rest };
        if !cur.is_empty() && visible_width(&cur) + sep + visible_width(word) > room {
            lines.push(std::mem::take(&mut cur));
        } else {
            cur.push_str(&" ".repeat(sep));
        }
        cur.push_str(word);
        gap = 0;
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The columns `s` takes on a terminal, colour escapes aside.
pub(super) fn visible_width(s: &str) -> usize {
    let mut plain = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    cols(&plain)
}

/// A free-text line for the terminal: `line` (leading spaces are its
/// indent) wrapped at word boundaries to the width, continuation lines
/// indented two more; unchanged on a pipe. Ends with a newline.
pub(crate) fn wrapped(style: &Style, line: &str) -> String {
    let Some(width) = style.width.map(usize::from) else {
        return format!("{line}\n");
    };
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let mut out = String::new();
    let first = width.saturating_sub(indent).max(20);
    let rest = width.saturating_sub(indent + 2).max(20);
    for (i, l) in wrap_first(body, first, rest).iter().enumerate() {
        let pad = if i == 0 { indent } else { indent + 2 };
        out.push_str(&" ".repeat(pad));
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// A command to paste, indented by `indent`: whole when it fits, else
/// broken between its words with a trailing ` \` (the shell joins the
/// lines again). Ends with a newline.
pub(crate) fn paste_line(style: &Style, indent: usize, cmd: &Command) -> String {
    paste_line_in(style, indent, cmd, crate::shell::here())
}

/// [`paste_line`] for `shell`: its quoting, its line continuation (` \`,
/// `` ` `` or ` ^`), and below the line the variables it leaves set
/// (cmd.exe's `set`, PowerShell's `$env:`).
pub(crate) fn paste_line_in(
    style: &Style,
    indent: usize,
    cmd: &Command,
    shell: crate::shell::Shell,
) -> String {
    let pad = " ".repeat(indent);
    // The renderer writes control and invisible characters as `$'…'`
    // escapes; the terminal escaping is the second guard.
    let words: Vec<String> = crate::shell::tokens(cmd, shell).iter().map(|w| escape(w)).collect();
    let line = words.join(" ");
    let width = style.width.map_or(usize::MAX, usize::from);
    // cmd's `set` and PowerShell's `$env:` outlive the line: said below it.
    let after = cmd.stays_set(shell).map(|s| format!("{pad}({s})\n")).unwrap_or_default();
    if indent + cols(&line) <= width {
        return format!("{pad}{line}\n{after}");
    }
    let room = width.saturating_sub(indent + 4).max(20);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in words {
        if !cur.is_empty() && cols(&cur) + 1 + cols(&w) > room {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&w);
    }
    lines.push(cur);
    let last = lines.len() - 1;
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        let lead = if i == 0 { pad.clone() } else { format!("{pad}  ") };
        let join = if i < last { shell.continuation() } else { "" };
        out.push_str(&format!("{lead}{l}{join}\n"));
    }
    out.push_str(&after);
    out
}

/// One step of advice at `indent`: the label and the explanation on one
/// wrapped line, the command on its own line below it, two further in (at
/// `indent` when there is neither label nor explanation).
pub(crate) fn step(style: &Style, indent: usize, label: Option<&str>, step: &Step) -> String {
    let pad = " ".repeat(indent);
    let note = step.note.as_ref().map(|n| escape(&n.to_string()));
    let head = match (label, note) {
        (Some(l), Some(n)) => Some(format!("{l}: {n}")),
        (Some(l), None) => Some(l.to_string()),
        (None, n) => n,
    };
    let mut out = String::new();
    match (head, &step.run) {
        (Some(h), Some(cmd)) => {
            out.push_str(&wrapped(style, &format!("{pad}{h}:")));
            out.push_str(&paste_line(style, indent + 2, cmd));
        }
        (Some(h), None) => out.push_str(&wrapped(style, &format!("{pad}{h}"))),
        (None, Some(cmd)) => out.push_str(&paste_line(style, indent, cmd)),
        (None, None) => {}
    }
    out
}
