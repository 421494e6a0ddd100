//! The clap command: the flags as clap parses them ([`Cli`], with
//! `--help`'s text), and the flags turned into a [`Config`] and its
//! [`Mode`].

use std::io::IsTerminal;
use std::time::Duration;

use clap::{ArgAction, CommandFactory, Parser, ValueEnum};

use super::value::{PortSpec, duration_arg, parse_port_spec, port_queries, signal_arg};
use super::{Config, KillOptions, Mode, target, terminal_width};
use crate::error::usage;
use crate::i18n::msg;
use crate::net::{PortQuery, Selection};
use crate::report::{Signal, Until};
use crate::services::Services;

/// The localized command for parsing and `--help`: clap's command with
/// every text a person reads taken from the catalog in the current
/// language (`help.rs`; the doc comments below are the English text, for
/// the reader of this file).
pub(super) fn command() -> clap::Command {
    super::help::localize(Cli::command())
}

/// The command in English whatever the language: the man page and
/// `--completions` are made from it.
pub(super) fn english_command() -> clap::Command {
    crate::i18n::scoped(crate::i18n::Lang::En, command)
}

/// Raw command-line flags, as clap parses them.
#[derive(Debug, Parser)]
#[command(name = "portcheck", version, disable_help_subcommand = true)]
pub(crate) struct Cli {
    /// Ports to check: 5000, 3000-3010, http, 53/udp.
    #[arg(value_name = "PORT")]
    ports: Vec<String>,

    /// Only TCP.
    #[arg(short = 't', long = "tcp")]
    tcp: bool,

    /// Only UDP.
    #[arg(short = 'u', long = "udp")]
    udp: bool,

    /// Only IPv4.
    #[arg(short = '4', long = "ipv4")]
    ipv4: bool,

    /// Only IPv6.
    #[arg(short = '6', long = "ipv6")]
    ipv6: bool,

    /// Machine-readable output: one JSON object, every mode.
    #[arg(long)]
    json: bool,

    /// Print nothing but what a script needs (the numbers of --suggest);
    /// the exit status carries the answer. --json still prints JSON.
    #[arg(short = 'q', long = "quiet", action = ArgAction::SetTrue)]
    quiet: bool,

    /// Print a shell completion script for SHELL and exit.
    #[arg(long, value_name = "SHELL", value_enum, exclusive = true)]
    completions: Option<clap_complete::Shell>,

    /// List only sockets reachable from other machines (not loopback).
    #[arg(long, conflicts_with_all = ["kill", "suggest", "wait_free", "wait_listen"])]
    exposed: bool,

    /// Show command lines whole (on a terminal they are shortened to fit).
    #[arg(long)]
    wide: bool,

    /// When to use colour; `auto` honours NO_COLOR and never colours a pipe.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// The language of the output: en or ko (else PORTCHECK_LANG, else the locale).
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,

    /// Stop every process holding PORT: SIGTERM, wait --grace, then SIGKILL.
    #[arg(short = 'k', long = "kill", help_heading = "Kill")]
    kill: bool,

    /// Do not ask before killing (without a terminal, --kill is the consent).
    #[arg(short = 'y', long = "yes", requires = "kill", help_heading = "Kill")]
    yes: bool,

    /// How long holders get to exit before SIGKILL.
    #[arg(
        long,
        value_name = "DURATION",
        allow_hyphen_values = true,
        default_value = "5s",
        value_parser = duration_arg,
        requires = "kill",
        help_heading = "Kill"
    )]
    grace: Duration,

    /// The first signal to send: a name (TERM, INT, HUP) or a number.
    #[arg(
        long,
        value_name = "SIG",
        allow_hyphen_values = true,
        value_parser = signal_arg,
        requires = "kill",
        conflicts_with = "force",
        help_heading = "Kill"
    )]
    signal: Option<Signal>,

    /// Send SIGKILL at once (refusals still apply).
    #[arg(long, requires = "kill", help_heading = "Kill")]
    force: bool,

    /// Show what would be signalled; signal nothing.
    #[arg(long = "dry-run", requires = "kill", help_heading = "Kill")]
    dry_run: bool,

    /// How long to watch a freed port for a respawned holder.
    #[arg(
        long,
        value_name = "DURATION",
        allow_hyphen_values = true,
        default_value = "1s",
        value_parser = duration_arg,
        requires = "kill",
        help_heading = "Kill"
    )]
    settle: Duration,

    /// Print the nearest free port at or above PORT (else $PORT, else 8000),
    /// bind-checked, outside the ephemeral range.
    #[arg(long, conflicts_with_all = ["kill", "wait_free", "wait_listen"], help_heading = "Suggest")]
    suggest: bool,

    /// How many free ports to suggest.
    #[arg(
        short = 'n',
        long = "count",
        value_name = "N",
        default_value_t = 1,
        value_parser = clap::value_parser!(u16).range(1..=1000),
        requires = "suggest",
        help_heading = "Suggest"
    )]
    count: u16,

    /// Wait until every PORT is free (bindable); exit 1 at the deadline.
    #[arg(long = "wait-free", value_name = "DURATION", allow_hyphen_values = true, value_parser = duration_arg, conflicts_with_all = ["kill", "wait_listen"], help_heading = "Wait")]
    wait_free: Option<Duration>,

    /// Wait until every PORT has a listener (IPv4 or IPv6); exit 1 at the deadline.
    #[arg(
        long = "wait-listen",
        value_name = "DURATION",
        allow_hyphen_values = true,
        value_parser = duration_arg,
        conflicts_with = "kill",
        help_heading = "Wait"
    )]
    wait_listen: Option<Duration>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// `--completions SHELL`: the shell to print a completion script for.
    pub(super) fn completions(&self) -> Option<clap_complete::Shell> {
        self.completions
    }

    /// Converts the raw flags into a [`Config`]; every error is a usage error
    /// naming the bad value.
    pub(super) fn into_config(self, services: Services) -> anyhow::Result<Config> {
        let select = Selection {
            tcp: self.tcp || !self.udp,
            udp: self.udp || !self.tcp,
            v4: self.ipv4 || !self.ipv6,
            v6: self.ipv6 || !self.ipv4,
        };
        let (words, pasted) = target::expand(&self.ports, &target::this_machine)?;
        let ports = port_queries(&words, select, &services)?;
        let stdout_tty = std::io::stdout().is_terminal();
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // A Windows console shows escape sequences only once asked to
            // (`terminal_takes_colour`); where it will not, no colour.
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && stdout_tty
                    && crate::host::terminal_takes_colour()
            }
        };
        let mode = self.mode(&ports, &services)?;
        // -6 asks whether an IPv6 server can bind; where one binds
        // dual-stack by default it needs the IPv4 port too (a listing
        // with -6 still lists IPv6 sockets only).
        let dual6 = self.ipv6
            && !self.ipv4
            && !matches!(mode, Mode::List { .. })
            && crate::probe::ipv6_servers_take_ipv4();
        let select = if dual6 { Selection { v4: true, ..select } } else { select };
        Ok(Config {
            dual6,
            ports,
            select,
            json: self.json,
            quiet: self.quiet,
            color,
            width: if stdout_tty { Some(terminal_width()) } else { None },
            wide: self.wide,
            stdout_tty,
            stdin_tty: std::io::stdin().is_terminal(),
            services,
            mode,
            pasted,
        })
    }

    /// The mode the flags ask for.
    fn mode(&self, ports: &[PortQuery], services: &Services) -> anyhow::Result<Mode> {
        if self.suggest {
            return Ok(Mode::Suggest {
                base: self.suggest_base(ports, services)?,
                count: usize::from(self.count),
            });
        }
        if let Some(limit) = self.wait_free.or(self.wait_listen) {
            let until = if self.wait_free.is_some() { Until::Free } else { Until::Listening };
            if ports.is_empty() {
                return Err(usage(msg!("cli-wait-needs-port")));
            }
            return Ok(Mode::Wait { until, limit });
        }
        if self.kill {
            if ports.is_empty() {
                return Err(usage(msg!("cli-kill-needs-port")));
            }
            return Ok(Mode::Kill(KillOptions {
                signal: if self.force { Signal::KILL } else { self.signal.unwrap_or(Signal::TERM) },
                grace: self.grace,
                settle: self.settle,
                dry_run: self.dry_run,
                yes: self.yes,
            }));
        }
        if ports.is_empty() {
            return Ok(Mode::List { exposed: self.exposed });
        }
        if self.exposed {
            return Err(usage(msg!("cli-exposed-takes-no-port")));
        }
        Ok(Mode::Ports)
    }

    /// The base of `--suggest`: PORT, else `$PORT`, else 8000.
    fn suggest_base(&self, ports: &[PortQuery], services: &Services) -> anyhow::Result<u16> {
        match (self.ports.as_slice(), ports) {
            ([], _) => match std::env::var("PORT") {
                Ok(v) if !v.is_empty() => match parse_port_spec(&v, services) {
                    Ok(PortSpec { first, last, protocol: None }) if first == last => Ok(first),
                    _ => Err(usage(msg!("cli-bad-port-variable", value = v))),
                },
                _ => Ok(8000),
            },
            ([_], [one]) => Ok(one.port),
            _ => Err(usage(msg!("cli-suggest-one-base"))),
        }
    }
}
