//! A holder's life as the report tells it: stopped (Ctrl+Z) or traced,
//! whether the parent that started it has exited (a reloader's child left
//! behind), and its start in local time with its age for people.

use serde::Serialize;

use crate::i18n::t;

/// A process that cannot run now: it holds its port but answers nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RunState {
    /// State `T`: stopped by a signal (Ctrl+Z sends SIGTSTP).
    Stopped,
    /// State `t`: stopped by a debugger or tracer (gdb, strace).
    Traced,
}

/// JSON: `state` (`stopped`, `traced`) and `parent_exited`, each only when
/// it applies; the local time and the age are for the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Life {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) state: Option<RunState>,
    /// The reloader that started this server child has exited.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) parent_exited: bool,
    /// The start in local time, `2026-12-01 20:55:07 CET`.
    #[serde(skip)]
    pub(crate) local_start: Option<String>,
    /// Seconds since the start, when the report was made.
    #[serde(skip)]
    pub(crate) age: Option<u64>,
}

/// "12 minutes ago", "3 hours ago", "2 days ago", "just now", in the
/// reader's language.
pub(crate) fn ago(secs: u64) -> String {
    match secs {
        0..60 => t!("report-just-now"),
        60..3600 => t!("report-minutes-ago", count = secs / 60),
        3600..86400 => t!("report-hours-ago", count = secs / 3600),
        _ => t!("report-days-ago", count = secs / 86400),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ages_in_words() {
        let cases =
            [(5, "just now"), (60, "1 minute ago"), (725, "12 minutes ago"), (7300, "2 hours ago")];
        for (secs, words) in cases {
            assert_eq!(super::ago(secs), words);
        }
        assert_eq!(super::ago(86400 * 3 + 5), "3 days ago");
    }
}
