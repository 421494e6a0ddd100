//! clap's own errors said through the catalog, in one line. clap writes
//! them in English only; the kinds people meet (an unknown flag, a bad
//! value, two flags that exclude each other, a flag given twice) become
//! messages of the catalog built from the error's typed context (its
//! kind and `ContextKind` values). An error with a context this file does
//! not say (another kind, a tip it has no message for) quotes clap's line
//! whole instead. The tests pin each message's English to clap's own line.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Msg, msg};

/// The usage error for clap's error `e`: a message of the catalog when
/// one says what clap says, else clap's first line (and its tip) quoted.
pub(super) fn said(e: &clap::Error) -> Msg {
    ours(e).unwrap_or_else(|| msg!("cli-clap-error", clap = english(e)))
}

/// clap's line: its first line without `error: `, and its tip (`a
/// similar argument exists: '--suggest'`) joined after a `; `.
fn english(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let tip = text.lines().find_map(|l| l.trim().strip_prefix("tip: "));
    let tip = tip.map(|t| format!("; {t}")).unwrap_or_default();
    format!("{first}{tip}")
}

/// The catalog's message for the error, when its kind and every tip
/// clap adds to it are ones this file says.
fn ours(e: &clap::Error) -> Option<Msg> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let unknown = e.kind() == ErrorKind::UnknownArgument;
    let has = |kind| e.get(kind).is_some();
    let untold = has(ContextKind::SuggestedSubcommand)
        || has(ContextKind::SuggestedValue)
        || (!unknown && (has(ContextKind::SuggestedArg) || has(ContextKind::Suggested)));
    if untold {
        return None;
    }
    let arg = text(ContextKind::InvalidArg)?;
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let similar = match e.get(ContextKind::SuggestedArg) {
                Some(ContextValue::String(s)) => Some(s.clone()),
                None => None,
                _ => return None,
            };
            // clap's other tip: `to pass '-x' as a value, use '-- -x'`.
            let as_value = match e.get(ContextKind::Suggested) {
                Some(ContextValue::StyledStrs(tips)) if tips.len() == 1 => true,
                None => false,
                _ => return None,
            };
            match (similar, as_value) {
                (Some(similar), false) => {
                    Some(msg!("cli-unknown-flag-similar", arg = arg, similar = similar))
                }
                (None, true) => Some(msg!("cli-unknown-flag-as-value", arg = arg)),
                (None, false) => Some(msg!("cli-unknown-flag", arg = arg)),
                (Some(_), true) => None,
            }
        }
        ErrorKind::ArgumentConflict => match e.get(ContextKind::PriorArg) {
            Some(ContextValue::String(prior)) if *prior == arg => {
                Some(msg!("cli-flag-twice", arg = arg))
            }
            Some(ContextValue::String(prior)) => {
                Some(msg!("cli-flags-conflict", arg = arg, prior = prior.clone()))
            }
            // clap lists the others on lines of their own; with no
            // prior argument at all, its sentence stops at "with".
            Some(ContextValue::Strings(_)) | None => None,
            Some(_) => Some(msg!("cli-flag-alone", arg = arg)),
        },
        ErrorKind::InvalidValue => match text(ContextKind::InvalidValue) {
            Some(value) if value.is_empty() => Some(msg!("cli-value-missing", arg = arg)),
            Some(value) => Some(msg!("cli-value-invalid", arg = arg, value = value)),
            None => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn error(argv: &[&str]) -> clap::Error {
        super::super::args::Cli::command().try_get_matches_from(argv).expect_err("clap refuses")
    }

    /// Each message this file says is, in English, clap's own line: the
    /// kinds and tips it knows, each from a command line that makes clap
    /// say it.
    #[test]
    fn each_message_says_in_english_what_clap_says() {
        for (argv, id) in [
            (&["portcheck", "--sugest"][..], "cli-unknown-flag-similar"),
            (&["portcheck", "--bogus"], "cli-unknown-flag-as-value"),
            (&["portcheck", "--json", "--json", "1"], "cli-flag-twice"),
            (&["portcheck", "--exposed", "--kill", "1"], "cli-flags-conflict"),
            (&["portcheck", "--color", "blue"], "cli-value-invalid"),
            (&["portcheck", "--color="], "cli-value-missing"),
        ] {
            let e = error(argv);
            let m = ours(&e).unwrap_or_else(|| panic!("{argv:?}: {:?} not said", e.kind()));
            assert_eq!(m.id(), id, "{argv:?}");
            let clap = english(&e);
            let clap = format!("{clap} (see 'portcheck --help')");
            assert_eq!(m.english(), clap, "{argv:?}");
        }
    }

    /// A tip no message says (a similar value) quotes clap's line whole.
    #[test]
    fn a_tip_no_message_says_quotes_clap() {
        let e = error(&["portcheck", "--color", "alway"]);
        assert_eq!(ours(&e), None);
        let said = said(&e).english();
        assert!(said.contains("'alway'") && said.contains("a similar value exists"), "{said}");
    }
}
