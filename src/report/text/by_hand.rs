//! `--kill`'s manual way, shown once before the question and in a dry
//! run (never after the kill, when those pids are gone or reused):
//! `by hand: kill 2993 3079` and `find them: lsof -i :5000`.

use super::Style;
use super::table::{step, visible_width};
use crate::i18n::msg;
use crate::shell::{Command, Step, here};

/// "by hand: COMMAND" and "find them: COMMAND", each on one line when it
/// fits the width, else the label on its line and the command below.
pub(crate) fn by_hand(style: &Style, end: &Command, find: &Step) -> String {
    let mut out = labelled(style, &Step::explained(msg!("kill-by-hand"), end.clone()));
    out.push_str(&labelled(style, find));
    out
}

fn labelled(style: &Style, s: &Step) -> String {
    let (Some(note), Some(cmd)) = (&s.note, &s.run) else {
        return step(style, 0, None, s);
    };
    let line = format!("{}: {}", crate::sanitize::escape(&note.to_string()), cmd.render(here()));
    match style.width {
        Some(w) if visible_width(&line) > usize::from(w) => step(style, 0, None, s),
        _ => format!("{line}\n"),
    }
}
