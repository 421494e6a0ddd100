//! clap's own errors said through the catalog, in one line. clap writes
//! them in English only; the kinds people meet (an unknown flag, a bad
//! value, two flags that exclude each other, a flag given twice) become
//! messages of the catalog built from the error's context. Each is
//! checked against clap's own English line: a message that would say it
//! differently (a kind or a tip this file does not know) is not used, and
//! clap's line is quoted whole instead.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Msg, msg};

/// The usage error for clap's error `e`: a message of the catalog when
/// one says exactly what clap says, else clap's first line (and its tip)
/// quoted.
pub(super) fn said(e: &clap::Error) -> Msg {
    let quoted = msg!("cli-clap-error", clap = english(e));
    match ours(e) {
        Some(m) if m.english() == quoted.english() => m,
        _ => quoted,
    }
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

/// The catalog's message for the error, when its kind is one this file
/// knows.
fn ours(e: &clap::Error) -> Option<Msg> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg)?;
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let similar = match e.get(ContextKind::SuggestedArg) {
                Some(ContextValue::String(s)) => Some(s.clone()),
                None => None,
                _ => return None,
            };
            // clap's other tip: `to pass '-x' as a value, use '-- -x'`.
            let as_value = e.get(ContextKind::Suggested).is_some();
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
            Some(ContextValue::Strings(_)) => None,
            _ => Some(msg!("cli-flag-alone", arg = arg)),
        },
        ErrorKind::InvalidValue => match text(ContextKind::InvalidValue) {
            Some(value) if value.is_empty() => Some(msg!("cli-value-missing", arg = arg)),
            Some(value) => Some(msg!("cli-value-invalid", arg = arg, value = value)),
            None => None,
        },
        _ => None,
    }
}
