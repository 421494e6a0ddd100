//! Arguments checked before clap, and clap's errors reshaped into one
//! line that names the bad value. The flag lists these checks need (which
//! flags take a value, which take a DURATION, which need a mode flag) are
//! read from the clap command, never written out a second time.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::Parsed;
use super::args::Cli;
use crate::error::{Error, usage};
use crate::i18n::{Msg, msg};

/// The flags (not PORT) of the clap command.
fn flags(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments().filter(|a| !a.is_positional())
}

/// Whether `word` is the whole name of a flag that takes a value
/// (`--grace`, `-n`): the next argument is that value. `--completions`
/// is not counted: it stands alone (clap's `exclusive`), so a `-1` beside
/// it is a stray port, named as one.
pub(super) fn takes_a_value(cmd: &Command, word: &str) -> bool {
    let valued = |a: &&Arg| a.get_action().takes_values() && !a.is_exclusive_set();
    flags(cmd).filter(valued).any(|a| {
        a.get_long().is_some_and(|l| word.strip_prefix("--") == Some(l))
            || a.get_short().is_some_and(|s| {
                let mut rest = word.strip_prefix('-').unwrap_or("").chars();
                rest.next() == Some(s) && rest.next().is_none()
            })
    })
}

/// The flags whose value is a DURATION: `--grace`, `--wait-free`, ….
pub(super) fn duration_flags(cmd: &Command) -> Vec<String> {
    flags(cmd)
        .filter(|a| a.get_value_names().is_some_and(|v| v.iter().any(|n| n.as_str() == "DURATION")))
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect()
}

/// A flag clap refuses without another one (its `requires`): `--yes`
/// needs `--kill`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct NeedsMode {
    /// `--yes`.
    pub(super) long: String,
    /// `y`, when the flag has a short form.
    pub(super) short: Option<char>,
    /// The flag it needs: `--kill`.
    pub(super) mode: String,
}

/// Every flag that clap refuses without a mode flag, with that mode, in
/// the command's order. clap keeps `requires` to itself, so the command
/// is asked: each flag alone (any value accepted) is parsed, and clap's
/// "required arguments were not provided" names the flag it needs.
pub(super) fn needs_mode() -> Vec<NeedsMode> {
    let cmd = Cli::command().mut_args(|a| {
        if a.get_action().takes_values() {
            a.value_parser(clap::builder::NonEmptyStringValueParser::new())
        } else {
            a
        }
    });
    flags(&cmd)
        .filter_map(|a| {
            let long = format!("--{}", a.get_long()?);
            let value = a.get_action().takes_values().then_some("x");
            let argv = ["portcheck", &long].into_iter().chain(value);
            let err = cmd.clone().try_get_matches_from(argv).err()?;
            if err.kind() != ErrorKind::MissingRequiredArgument {
                return None;
            }
            let Some(ContextValue::Strings(missing)) = err.get(ContextKind::InvalidArg) else {
                return None;
            };
            // clap names the missing flag as usage does: `--kill`.
            let mode = missing.first()?.split_whitespace().next()?.to_string();
            Some(NeedsMode { long, short: a.get_short(), mode })
        })
        .collect()
}

/// clap's "required arguments were not provided" said in one line: which
/// flag needs which mode. The user's other arguments are not echoed: a
/// line built from them would be one to paste that nobody rendered.
pub(super) fn missing_mode(args: &[OsString]) -> Option<anyhow::Error> {
    let needs = needs_mode();
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let (flag, mode) = words.iter().find_map(|w| {
        needs.iter().find_map(|n| {
            let long = n.long.as_str();
            let is_long = *w == long || w.strip_prefix(long).is_some_and(|r| r.starts_with('='));
            let in_cluster =
                n.short.filter(|_| w.starts_with('-') && !w.starts_with("--")).filter(|&short| {
                    w[1..].chars().take_while(char::is_ascii_alphabetic).any(|c| c == short)
                });
            match (is_long, in_cluster) {
                (true, _) => Some((long.to_string(), n.mode.as_str())),
                (false, Some(short)) => Some((format!("-{short}"), n.mode.as_str())),
                (false, None) => None,
            }
        })
    })?;
    Some(usage(msg!("cli-needs-mode", flag = flag, mode = mode)))
}

/// The first flag of `args` this platform cannot honour (`--signal` and
/// `--grace` on Windows: there are no signals), as the usage error to
/// print.
pub(super) fn unsupported_flag(args: &[OsString]) -> Option<Msg> {
    args.iter().skip(1).filter_map(|a| a.to_str()).take_while(|a| *a != "--").find_map(|a| {
        let flag = a.split_once('=').map_or(a, |(f, _)| f);
        super::UNSUPPORTED_FLAGS
            .contains(&flag)
            .then(|| msg!("cli-flag-not-on-windows", flag = flag))
    })
}

/// `--help` and `--version` are text to print; any other clap error is
/// one usage line: clap's first line names the bad value (our own parsers'
/// messages stand alone), and the usage lines that follow are what
/// `--help` is for.
pub(super) fn clap_error(e: &clap::Error) -> anyhow::Result<Parsed> {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return Ok(Parsed::Print(e.render().to_string()));
    }
    if e.kind() == ErrorKind::ValueValidation
        && let Some(ours) = std::error::Error::source(e)
    {
        return Err(match ours.downcast_ref::<Error>() {
            Some(Error::Usage(m)) => usage(m.clone()),
            // A validator of clap's own (`--count`'s range): its words,
            // as written, as before the catalog.
            _ => usage(msg!("as-written", text = ours.to_string())),
        });
    }
    Err(usage(super::clap_says::said(e)))
}

/// A DURATION flag whose value is a bare number of 1024 or more with a
/// PORT after it (`--wait-listen 5432 6379`): most likely a port given
/// where the duration goes, so it is refused with what to write instead
/// (`5432s`). Smaller bare numbers are seconds, as documented.
pub(super) fn bare_duration_before_a_port(args: &[OsString]) -> Option<Msg> {
    let durations = duration_flags(&Cli::command());
    let is_duration = |f: &str| durations.iter().any(|d| d == f);
    let args: Vec<&str> = args.iter().skip(1).map(|a| a.to_str().unwrap_or("")).collect();
    let args = &args[..args.iter().position(|a| *a == "--").unwrap_or(args.len())];
    args.iter().enumerate().find_map(|(i, a)| {
        let (flag, value, next) = match a.split_once('=') {
            Some((f, v)) if is_duration(f) => (f, v, args.get(i + 1)),
            _ if is_duration(a) => (*a, *args.get(i + 1)?, args.get(i + 2)),
            _ => return None,
        };
        let n: u64 = value.parse().ok().filter(|n| *n >= 1024)?;
        let port = next.filter(|p| !p.starts_with('-'))?;
        Some(msg!("cli-bare-duration", n = n.to_string(), flag = flag, port = *port))
    })
}

/// clap refuses `-1` as an unknown flag; name it as the bad port it is
/// (a flag's value, such as `--signal -9`, is left to clap and the flag).
pub(super) fn negative_port(args: &[OsString]) -> Option<String> {
    let cmd = Cli::command();
    let args: Vec<&str> =
        args.iter().skip(1).map(|a| a.to_str().unwrap_or("")).take_while(|a| *a != "--").collect();
    args.iter().enumerate().find_map(|(i, s)| {
        if i > 0 && takes_a_value(&cmd, args[i - 1]) {
            return None;
        }
        let digits = s.strip_prefix('-')?;
        let is_number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let is_family_flags = digits.bytes().all(|b| b == b'4' || b == b'6');
        (is_number && !is_family_flags).then(|| s.to_string())
    })
}
