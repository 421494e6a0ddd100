//! `--help` in the reader's language: the clap command's texts (about,
//! each flag's help, the headings, the text after the options) taken from
//! the catalog. In English the result is the plain command's help; in
//! another language clap's own words (`Usage:`, `Options:`,
//! `[default: …]`) are replaced too. The man page and `--completions`
//! keep the plain command, whose doc comments are the English catalog's.

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command};

use crate::i18n::{Lang, t};

/// A flag's help, by clap id (the field's name).
pub(super) fn help_of(id: &str) -> Option<String> {
    Some(match id {
        "ports" => t!("help-ports"),
        "tcp" => t!("help-tcp"),
        "udp" => t!("help-udp"),
        "ipv4" => t!("help-ipv4"),
        "ipv6" => t!("help-ipv6"),
        "json" => t!("help-json"),
        "quiet" => t!("help-quiet"),
        "completions" => t!("help-completions"),
        "exposed" => t!("help-exposed"),
        "wide" => t!("help-wide"),
        "color" => t!("help-color"),
        "lang" => t!("help-lang"),
        "kill" => t!("help-kill"),
        "yes" => t!("help-yes"),
        "grace" => t!("help-grace"),
        "signal" => t!("help-signal"),
        "force" => t!("help-force"),
        "dry_run" => t!("help-dry-run"),
        "settle" => t!("help-settle"),
        "suggest" => t!("help-suggest"),
        "count" => t!("help-count"),
        "wait_free" => t!("help-wait-free"),
        "wait_listen" => t!("help-wait-listen"),
        _ => return None,
    })
}

/// A heading of the derive (`help_heading = "Kill"`), said in the
/// current language.
fn heading_of(heading: &str) -> String {
    match heading {
        "Kill" => t!("help-heading-kill"),
        "Suggest" => t!("help-heading-suggest"),
        "Wait" => t!("help-heading-wait"),
        other => other.to_string(),
    }
}

/// `cmd` with its texts from the catalog in the current language.
pub(super) fn localize(cmd: Command) -> Command {
    let cmd = cmd.about(t!("help-about")).after_help(after_help()).mut_args(|a| {
        let a = match help_of(a.get_id().as_str()) {
            Some(help) => a.help(help),
            None => a,
        };
        match a.get_help_heading().map(heading_of) {
            Some(h) => a.help_heading(h),
            None => a,
        }
    });
    // help and version last, as clap puts them.
    let cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(t!("help-help")))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("help-version")),
        );
    if crate::i18n::current() == Lang::En {
        return cmd;
    }
    // clap says these in English only: said here instead.
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("help-usage-heading")
    );
    cmd.help_template(template).override_usage(t!("help-usage")).mut_args(said_by_us)
}

/// An argument's heading, default and possible values said in the
/// current language: clap's `Arguments:`, `Options:`, `[default: 5s]`
/// and `[possible values: …]` are English.
fn said_by_us(a: Arg) -> Arg {
    let heading = match a.get_help_heading() {
        Some(h) => h.to_string(),
        None if a.is_positional() => t!("help-heading-arguments"),
        None => t!("help-heading-options"),
    };
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let takes = a.get_action().takes_values();
    let defaults: Vec<String> =
        a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        help.push(' ');
        help.push_str(&t!("help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(PossibleValue::get_name)
        .map(String::from)
        .collect();
    if takes && !possible.is_empty() && !a.is_hide_possible_values_set() {
        help.push(' ');
        help.push_str(&t!("help-possible", values = possible.join(", ")));
    }
    let a = a.help_heading(heading).help(help);
    if takes { a.hide_default_value(true).hide_possible_values(true) } else { a }
}

/// `--help`'s text after the options: PORT, DURATION, the exit statuses
/// and the examples.
pub(super) fn after_help() -> String {
    format!(
        "{}\n\n{}\n\n{}\n\n{}\n{}",
        t!("help-port-text"),
        t!("help-free-text"),
        t!("help-duration-text"),
        super::exit_status::help_block(),
        examples()
    )
}

/// The examples: each command (code, the same in every language) and
/// what it does, in a column 30 in; a longer command has its own line.
fn examples() -> String {
    let rows = [
        ("portcheck 5000", t!("help-example-port")),
        ("portcheck 3000-3010 53/udp", t!("help-example-range")),
        ("portcheck", t!("help-example-list")),
        ("portcheck --exposed", t!("help-example-exposed")),
        ("portcheck -q 5432 6379", t!("help-example-quiet")),
        ("portcheck --kill 5000", t!("help-example-kill")),
        ("portcheck --suggest 5000", t!("help-example-suggest")),
        ("portcheck --wait-listen 30s 8000", t!("help-example-wait")),
        ("portcheck --json 5000", t!("help-example-json")),
    ];
    let mut out = vec![t!("help-examples-heading")];
    for (cmd, what) in rows {
        if cmd.len() <= 26 {
            out.push(format!("  {cmd:<28}{what}"));
        } else {
            out.push(format!("  {cmd}\n{:30}{what}", ""));
        }
    }
    out.join("\n")
}
