//! The command line: argv → [`Parsed`]. Everything about argv lives here,
//! one file per job: `args.rs` (the clap struct and its command, and the
//! flags turned into a [`Config`]), `value.rs` (PORT, DURATION and SIG
//! parsing), `reshape.rs` (the argv checks before clap and clap's errors
//! reshaped into one line, with flag lists read from the clap command),
//! `target.rs` (what people paste as PORT), `exit_status.rs` (the exit
//! statuses `--help` lists), `clap_says.rs` (clap's own errors said
//! through the catalog); signal names and the flags a platform cannot
//! honour in `unix.rs` / `windows.rs`. This file ties them together,
//! finds `--lang` before clap parses (so that usage errors are in that
//! language too) and reads the terminal's width ([`terminal_width`]:
//! `args.rs` once for stdout, `app::warn` for stderr). clap types stop at
//! this module's boundary.

use std::ffi::OsString;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};

use crate::error::usage;
use crate::i18n::msg;
use crate::net::{PortQuery, Selection};
use crate::report::{Signal, Until};
use crate::services::Services;

/// What portcheck was asked to do, ready to use.
#[derive(Debug)]
pub(crate) struct Config {
    /// `-6` widened to IPv4 too: IPv6 servers bind dual-stack here.
    pub(crate) dual6: bool,
    /// The ports to report on, in the order given, without repeats; empty
    /// for the listing.
    pub(crate) ports: Vec<PortQuery>,
    /// The protocols and address families selected by `-t/-u/-4/-6`.
    pub(crate) select: Selection,
    /// Print JSON instead of tables.
    pub(crate) json: bool,
    /// Print nothing but what a script needs.
    pub(crate) quiet: bool,
    /// Colour the human output.
    pub(crate) color: bool,
    /// The terminal's width when stdout is a terminal.
    pub(crate) width: Option<u16>,
    /// `--wide`: command lines whole.
    pub(crate) wide: bool,
    /// Whether stdout is a terminal (`--suggest` prints more there).
    pub(crate) stdout_tty: bool,
    /// Whether stdin is a terminal (`--kill` asks there).
    pub(crate) stdin_tty: bool,
    /// The services database PORT names were resolved in.
    pub(crate) services: Services,
    /// What to do with the ports.
    pub(crate) mode: Mode,
    /// How each pasted PORT was read (`127.0.0.1:5000 → port 5000`).
    pub(crate) pasted: Vec<Pasted>,
}

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Parsed {
    /// Run a mode.
    Run(Box<Config>),
    /// Print this text and exit 0 (`--help`, `--version`, `--completions`).
    Print(String),
}

/// The command portcheck runs.
#[derive(Debug)]
pub(crate) enum Mode {
    /// No PORT: list every listening socket (`exposed`: only those
    /// reachable from other machines).
    List { exposed: bool },
    /// Report on each PORT.
    Ports,
    /// `--kill`: stop the holders of each PORT.
    Kill(KillOptions),
    /// `--suggest`: free ports near `base`.
    Suggest { base: u16, count: usize },
    /// `--wait-free` / `--wait-listen`.
    Wait { until: Until, limit: Duration },
}

/// How `--kill` was asked to behave (the `kill` module reads it).
#[derive(Clone, Debug)]
pub(crate) struct KillOptions {
    /// The first signal (SIGTERM unless `--signal` or `--force`).
    pub(crate) signal: Signal,
    /// How long holders get to exit before SIGKILL.
    pub(crate) grace: Duration,
    /// How long the port is watched after it is freed, to catch a respawn.
    pub(crate) settle: Duration,
    /// Show what would be signalled; signal nothing.
    pub(crate) dry_run: bool,
    /// Skip the question on a terminal.
    pub(crate) yes: bool,
}

/// Parses this process's arguments. Every error is a usage error naming
/// the bad value.
pub(crate) fn parse() -> anyhow::Result<Parsed> {
    parse_from(std::env::args_os().collect())
}

/// `--lang`'s value in this process's arguments, found before clap
/// parses them: the language is chosen first, so that even a usage error
/// is said in it.
pub(crate) fn lang_flag() -> Option<String> {
    split_lang(std::env::args_os().collect()).0
}

/// The last `--lang TAG` or `--lang=TAG` before any `--` (clap keeps the
/// last of a repeated flag too), and `args` without them: the language is
/// chosen already, and clap sees the rest alone, so that `--lang ko
/// --completions zsh` is not refused by `--completions`'s standing alone.
/// A `--lang` without a value is left for clap to name.
fn split_lang(args: Vec<OsString>) -> (Option<String>, Vec<OsString>) {
    let mut found = None;
    let mut out = Vec::with_capacity(args.len());
    let mut rest = args.into_iter().peekable();
    out.extend(rest.next());
    while let Some(a) = rest.next() {
        match a.to_str() {
            Some("--") => {
                out.push(a);
                break;
            }
            Some("--lang") if rest.peek().is_some_and(|v| v != "--") => {
                found = rest.next().map(|v| v.to_string_lossy().into_owned());
            }
            Some(w) if w.starts_with("--lang=") => found = Some(w["--lang=".len()..].to_string()),
            _ => out.push(a),
        }
    }
    out.extend(rest);
    (found, out)
}

/// Whether `args` may ask for `--help` (`--help`, or `-h` alone or in a
/// cluster of short flags, before any `--`): only then is the command's
/// text formatted from the catalog. A guess too many costs time only.
fn asks_for_help(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .map(|a| a.to_str().unwrap_or(""))
        .take_while(|a| *a != "--")
        .any(|a| a == "--help" || (a.starts_with('-') && !a.starts_with("--") && a.contains('h')))
}

fn parse_from(args: Vec<OsString>) -> anyhow::Result<Parsed> {
    if let Some(bad) = args.iter().skip(1).find(|a| a.to_str().is_none()) {
        return Err(usage(msg!("cli-not-utf8", arg = bad.to_string_lossy().into_owned())));
    }
    let (_, args) = split_lang(args);
    if let Some(bad) = reshape::negative_port(&args) {
        return Err(usage(msg!("cli-port-signed", arg = bad)));
    }
    if let Some(bad) = reshape::unsupported_flag(&args) {
        return Err(usage(bad));
    }
    if let Some(bad) = target::flag_with_value(&args) {
        return Err(bad);
    }
    if let Some(bad) = reshape::bare_duration_before_a_port(&args) {
        return Err(usage(bad));
    }
    // The help texts are formatted only for a run that may print them:
    // a plain run parses with the bare command (the same flags).
    let cmd = if asks_for_help(&args) { args::command() } else { Cli::command() };
    let parsed = cmd
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut Cli::command())));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::MissingRequiredArgument => {
            return Err(reshape::missing_mode(&args)
                .unwrap_or_else(|| usage(msg!("cli-clap-error", clap = e.kind().to_string()))));
        }
        Err(e) => return reshape::clap_error(&e),
    };
    if let Some(shell) = cli.completions() {
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut args::english_command(), "portcheck", &mut out);
        return Ok(Parsed::Print(String::from_utf8_lossy(&out).into_owned()));
    }
    let services = Services::load();
    Ok(Parsed::Run(Box::new(cli.into_config(services)?)))
}

/// The terminal's width: `$COLUMNS`, else what the terminal on stdout
/// says (`host::terminal_columns`; asked only when stdout is a
/// terminal), else 100. Zero (`COLUMNS=0`, or a terminal that reports no
/// size, as a fresh pseudo-terminal does) is no width at all: the default
/// applies.
pub(crate) fn terminal_width() -> u16 {
    use std::io::IsTerminal;
    let cols = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok());
    cols.filter(|&w| w > 0)
        .or_else(|| std::io::stdout().is_terminal().then(crate::host::terminal_columns).flatten())
        .filter(|&w| w > 0)
        .unwrap_or(100)
}

mod args;
mod clap_says;
mod exit_status;
mod help;
#[cfg(test)]
mod man;
mod reshape;
mod target;
#[cfg(unix)]
mod unix;
mod value;
#[cfg(windows)]
mod windows;

use args::Cli;
pub(crate) use target::Pasted;
#[cfg(unix)]
use unix::{UNSUPPORTED_FLAGS, parse_signal};
#[cfg(windows)]
use windows::{UNSUPPORTED_FLAGS, parse_signal};

#[cfg(test)]
mod tests;
