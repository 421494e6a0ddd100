//! The command line: argv → [`Parsed`]. Everything about argv lives here:
//! the UTF-8 check, negative ports, clap's errors reshaped into one line,
//! `--help`/`--version`/`--completions` text, PORT and DURATION parsing,
//! and the terminal facts measured once. clap types stop at this module's
//! boundary.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::time::Duration;

use clap::{ArgAction, CommandFactory, Parser, ValueEnum};

use crate::error::usage;
use crate::kill::KillOptions;
use crate::net::{PortQuery, Protocol, Selection};
use crate::report::{Signal, Until};
use crate::services::Services;

const HELP_HEAD: &str = "\
PORT is a number (5000), a range (3000-3010) or a service name (http,
postgresql), each optionally followed by /tcp or /udp (53/udp). What is
pasted is read as the port: :5000, localhost:5000, 127.0.0.1:5000,
[::1]:5000, http://localhost:5000/ (http:// alone is 80, https:// 443) and
5000,5001; a host that is not this machine is a usage error. Without PORT,
every listening TCP socket and bound UDP socket is listed.

A port reported free was bound by portcheck on the wildcard address for each
selected protocol and family, and released.

DURATION is a number with ms, s, m or h (500ms, 30s, 2m), at most 365 days;
a bare number is seconds (one of 1024 or more before a PORT is refused: write
5432s).";

const HELP_EXAMPLES: &str = "\
Examples:
  portcheck 5000              who holds port 5000, and what to do about it
  portcheck 3000-3010 53/udp  a range and a UDP port
  portcheck                   every listening socket with its owners
  portcheck --exposed         only the sockets other machines can reach
  portcheck -q 5432 6379      CI preflight: silent, exit 1 if one is taken
  portcheck --kill 5000       stop whatever holds 5000 (asks on a terminal)
  portcheck --suggest 5000    the nearest free port at or above 5000
  portcheck --wait-listen 30s 8000
                              CI: wait until the server you started listens
  portcheck --json 5000       the same report as one JSON object";

/// `--help`'s text after the options: PORT, DURATION, the exit statuses
/// (from the table the man page is made from too) and the examples.
fn after_help() -> String {
    format!("{HELP_HEAD}\n\n{}\n{HELP_EXAMPLES}", exit_status::help_block())
}

/// Raw command-line flags, as clap parses them.
#[derive(Debug, Parser)]
#[command(
    name = "portcheck",
    version,
    about = "Who holds this port, how it is bound, and what kind of port it is.",
    after_help = after_help(),
    disable_help_subcommand = true
)]
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
        value_parser = crate::kill::parse_signal,
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

/// Parses this process's arguments. Every error is a usage error naming
/// the bad value.
pub(crate) fn parse() -> anyhow::Result<Parsed> {
    parse_from(std::env::args_os().collect())
}

fn parse_from(args: Vec<OsString>) -> anyhow::Result<Parsed> {
    if let Some(bad) = args.iter().skip(1).find(|a| a.to_str().is_none()) {
        return Err(usage(format!(
            "invalid argument '{}': not valid UTF-8",
            bad.to_string_lossy()
        )));
    }
    if let Some(bad) = negative_port(&args) {
        return Err(usage(format!("invalid port '{bad}': ports are numbers from 1 to 65535")));
    }
    if let Some(bad) = crate::kill::unsupported_flag(&args) {
        return Err(usage(bad));
    }
    if let Some(bad) = target::flag_with_value(&args) {
        return Err(bad);
    }
    if let Some(bad) = bare_duration_before_a_port(&args) {
        return Err(usage(bad));
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::MissingRequiredArgument => {
            return Err(missing_mode(&args)
                .unwrap_or_else(|| usage(format!("{} (see 'portcheck --help')", e.kind()))));
        }
        Err(e) => return clap_error(&e),
    };
    if let Some(shell) = cli.completions {
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "portcheck", &mut out);
        return Ok(Parsed::Print(String::from_utf8_lossy(&out).into_owned()));
    }
    let services = Services::load();
    Ok(Parsed::Run(Box::new(cli.into_config(services)?)))
}

/// `--help` and `--version` are text to print; any other clap error is
/// one usage line: clap's first line names the bad value (our own parsers'
/// messages stand alone), and the usage lines that follow are what
/// `--help` is for.
fn clap_error(e: &clap::Error) -> anyhow::Result<Parsed> {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return Ok(Parsed::Print(e.render().to_string()));
    }
    if e.kind() == ErrorKind::ValueValidation
        && let Some(ours) = std::error::Error::source(e)
    {
        return Err(usage(ours.to_string()));
    }
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // clap's "tip: a similar argument exists: '--suggest'" joins the line.
    let tip = text.lines().find_map(|l| l.trim().strip_prefix("tip: "));
    let tip = tip.map(|t| format!("; {t}")).unwrap_or_default();
    Err(usage(format!("{first}{tip} (see 'portcheck --help')")))
}

/// Flags that only mean something with a mode flag: (long, short, mode).
const NEEDS_MODE: &[(&str, char, &str)] = &[
    ("--yes", 'y', "--kill"),
    ("--grace", '-', "--kill"),
    ("--signal", '-', "--kill"),
    ("--force", '-', "--kill"),
    ("--dry-run", '-', "--kill"),
    ("--settle", '-', "--kill"),
    ("--count", 'n', "--suggest"),
];

/// clap's "required arguments were not provided" said in one line: which
/// flag needs which mode. The user's other arguments are not echoed: a
/// line built from them would be one to paste that nobody rendered.
fn missing_mode(args: &[OsString]) -> Option<anyhow::Error> {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let (flag, mode) = words.iter().find_map(|w| {
        NEEDS_MODE.iter().find_map(|&(long, short, mode)| {
            let is_long = *w == long || w.strip_prefix(long).is_some_and(|r| r.starts_with('='));
            let in_cluster = short != '-'
                && w.starts_with('-')
                && !w.starts_with("--")
                && w[1..].chars().take_while(char::is_ascii_alphabetic).any(|c| c == short);
            (is_long || in_cluster)
                .then(|| (if is_long { long.to_string() } else { format!("-{short}") }, mode))
        })
    })?;
    Some(usage(format!("{flag} needs {mode}: add {mode} to the command")))
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

impl Cli {
    /// Converts the raw flags into a [`Config`]; every error is a usage error
    /// naming the bad value.
    fn into_config(self, services: Services) -> anyhow::Result<Config> {
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
                return Err(usage(
                    "--wait-free and --wait-listen need a PORT: portcheck --wait-free 30s 5000",
                ));
            }
            return Ok(Mode::Wait { until, limit });
        }
        if self.kill {
            if ports.is_empty() {
                return Err(usage("--kill needs a PORT: portcheck --kill 5000"));
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
            return Err(usage("--exposed lists every exposed socket; it takes no PORT"));
        }
        Ok(Mode::Ports)
    }

    /// The base of `--suggest`: PORT, else `$PORT`, else 8000.
    fn suggest_base(&self, ports: &[PortQuery], services: &Services) -> anyhow::Result<u16> {
        match (self.ports.as_slice(), ports) {
            ([], _) => match std::env::var("PORT") {
                Ok(v) if !v.is_empty() => match parse_port_spec(&v, services) {
                    Ok(PortSpec { first, last, protocol: None }) if first == last => Ok(first),
                    _ => Err(usage(format!("invalid $PORT '{v}': use a number from 1 to 65535"))),
                },
                _ => Ok(8000),
            },
            ([_], [one]) => Ok(one.port),
            _ => Err(usage("--suggest takes one base PORT, not a list or a range")),
        }
    }
}

/// The terminal's width: `$COLUMNS`, else what the terminal says, else 100.
/// Zero (`COLUMNS=0`, or a terminal that reports no size, as a fresh
/// pseudo-terminal does) is no width at all: the default applies.
pub(crate) fn terminal_width() -> u16 {
    let cols = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok());
    cols.filter(|&w| w > 0)
        .or_else(|| comfy_table::Table::new().width().filter(|&w| w > 0))
        .unwrap_or(100)
}

/// The PORT arguments as queries, in the order given, without repeats (a
/// port named twice gets both protocols).
fn port_queries(
    args: &[String],
    select: Selection,
    services: &Services,
) -> anyhow::Result<Vec<PortQuery>> {
    let mut ports: Vec<PortQuery> = Vec::new();
    // port -> index in `ports`: a 65,535-port range stays linear.
    let mut index: std::collections::HashMap<u16, usize> = std::collections::HashMap::new();
    for arg in args {
        let spec = parse_port_spec(arg, services)?;
        let tcp = select.tcp && spec.protocol.is_none_or(|p| p == Protocol::Tcp);
        let udp = select.udp && spec.protocol.is_none_or(|p| p == Protocol::Udp);
        if !tcp && !udp {
            return Err(usage(format!(
                "'{arg}' asks for {} but {} was selected",
                spec.protocol.map_or("a protocol", Protocol::name),
                if select.tcp { "only TCP" } else { "only UDP" }
            )));
        }
        for port in spec.first..=spec.last {
            match index.get(&port) {
                Some(&i) => {
                    ports[i].tcp |= tcp;
                    ports[i].udp |= udp;
                }
                None => {
                    index.insert(port, ports.len());
                    ports.push(PortQuery { port, tcp, udp });
                }
            }
        }
    }
    Ok(ports)
}

/// A parsed PORT argument: an inclusive range and an optional protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PortSpec {
    pub(crate) first: u16,
    pub(crate) last: u16,
    pub(crate) protocol: Option<Protocol>,
}

/// Parses `5000`, `3000-3010`, `http`, each optionally with `/tcp` or `/udp`.
pub(crate) fn parse_port_spec(arg: &str, services: &Services) -> anyhow::Result<PortSpec> {
    let (body, protocol) = match arg.rsplit_once('/') {
        Some((body, proto)) => match Protocol::parse(proto) {
            Some(p) => (body, Some(p)),
            None => {
                return Err(usage(format!(
                    "invalid protocol '{proto}' in '{arg}': use /tcp or /udp"
                )));
            }
        },
        None => (arg, None),
    };
    if body.is_empty() {
        return Err(usage(format!("invalid port '{arg}': empty; give a number from 1 to 65535")));
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        let port = parse_number(body, arg)?;
        return Ok(PortSpec { first: port, last: port, protocol });
    }
    if let Some((a, b)) = body.split_once('-')
        && !a.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
    {
        if b.is_empty() {
            return Err(usage(format!("invalid range '{arg}': missing the end port")));
        }
        let (first, last) = (parse_number(a, arg)?, parse_number(b, arg)?);
        if first > last {
            return Err(usage(format!(
                "invalid range '{arg}': {first} is greater than {last}; write {last}-{first}"
            )));
        }
        return Ok(PortSpec { first, last, protocol });
    }
    if body.starts_with('-') || body.starts_with('+') {
        return Err(usage(format!("invalid port '{arg}': ports are numbers from 1 to 65535")));
    }
    let valid_name = body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.+".contains(&b));
    match services.lookup(body, protocol).filter(|&p| p != 0) {
        Some(port) if valid_name => Ok(PortSpec { first: port, last: port, protocol }),
        _ => Err(usage(format!(
            "invalid port '{arg}': not a number from 1 to 65535 nor a known service name"
        ))),
    }
}

fn parse_number(digits: &str, arg: &str) -> anyhow::Result<u16> {
    match digits.parse::<u32>() {
        Ok(0) => Err(usage(format!("invalid port '{arg}': port 0 is not a real port (1-65535)"))),
        Ok(n) if n <= 65535 => Ok(n as u16),
        _ => Err(usage(format!("invalid port '{arg}': out of range, ports are 1-65535"))),
    }
}

/// clap's value parser for DURATION flags.
fn duration_arg(arg: &str) -> Result<Duration, String> {
    parse_duration(arg).map_err(|e| e.to_string())
}

/// Parses a DURATION: `500ms`, `30s`, `2m`, `1h`, or a bare number of seconds.
pub(crate) fn parse_duration(arg: &str) -> anyhow::Result<Duration> {
    let bad = || {
        usage(format!(
            "invalid duration '{arg}': use a number with ms, s, m or h, such as 500ms or 30s"
        ))
    };
    let split = arg.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(arg.len());
    let (number, unit) = arg.split_at(split);
    if number.is_empty() || number.starts_with('.') || number.ends_with('.') {
        return Err(bad());
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let seconds = match unit {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(bad()),
    };
    Duration::try_from_secs_f64(seconds).ok().filter(|d| *d <= MAX_DURATION).ok_or_else(|| {
        usage(format!("invalid duration '{arg}': at most 365 days (8760h, 525600m, 31536000s)"))
    })
}

/// The longest DURATION: a year.
const MAX_DURATION: Duration = Duration::from_secs(86400 * 365);

/// A DURATION flag whose value is a bare number of 1024 or more with a
/// PORT after it (`--wait-listen 5432 6379`): most likely a port given
/// where the duration goes, so it is refused with what to write instead
/// (`5432s`). Smaller bare numbers are seconds, as documented.
fn bare_duration_before_a_port(args: &[OsString]) -> Option<String> {
    const DURATIONS: &[&str] = &["--grace", "--settle", "--wait-free", "--wait-listen"];
    let args: Vec<&str> = args.iter().skip(1).map(|a| a.to_str().unwrap_or("")).collect();
    let args = &args[..args.iter().position(|a| *a == "--").unwrap_or(args.len())];
    args.iter().enumerate().find_map(|(i, a)| {
        let (flag, value, next) = match a.split_once('=') {
            Some((f, v)) if DURATIONS.contains(&f) => (f, v, args.get(i + 1)),
            _ if DURATIONS.contains(a) => (*a, *args.get(i + 1)?, args.get(i + 2)),
            _ => return None,
        };
        let n: u64 = value.parse().ok().filter(|n| *n >= 1024)?;
        let port = next.filter(|p| !p.starts_with('-'))?;
        Some(format!(
            "invalid duration '{n}' for {flag}: a bare number is seconds, and {n} looks like a port (PORT '{port}' follows); write {n}s if you mean {n} seconds, or give {flag} its duration before the ports"
        ))
    })
}

/// Flags whose value follows as the next argument.
const TAKES_VALUE: &[&str] = &[
    "--grace",
    "--signal",
    "--settle",
    "-n",
    "--count",
    "--wait-free",
    "--wait-listen",
    "--color",
];

/// clap refuses `-1` as an unknown flag; name it as the bad port it is
/// (a flag's value, such as `--signal -9`, is left to clap and the flag).
fn negative_port(args: &[OsString]) -> Option<String> {
    let args: Vec<&str> =
        args.iter().skip(1).map(|a| a.to_str().unwrap_or("")).take_while(|a| *a != "--").collect();
    args.iter().enumerate().find_map(|(i, s)| {
        if i > 0 && TAKES_VALUE.contains(&args[i - 1]) {
            return None;
        }
        let digits = s.strip_prefix('-')?;
        let is_number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let is_family_flags = digits.bytes().all(|b| b == b'4' || b == b'6');
        (is_number && !is_family_flags).then(|| s.to_string())
    })
}

mod exit_status;
#[cfg(test)]
mod man;
mod target;
pub(crate) use target::Pasted;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn services() -> Services {
        Services::load()
    }

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// docs/portcheck.1 is generated from the clap command; regenerate it
    /// with `UPDATE_MAN=1 cargo test man_page`.
    #[test]
    fn man_page_is_in_sync() {
        let page = man::page();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/portcheck.1");
        if std::env::var_os("UPDATE_MAN").is_some() {
            std::fs::write(path, &page).unwrap();
        }
        assert!(
            man::in_sync(std::path::Path::new(path), &page),
            "docs/portcheck.1 is out of date: run UPDATE_MAN=1 cargo test man_page"
        );
    }

    #[test]
    fn parses_numbers_ranges_names_and_protocols() {
        let s = services();
        let spec = |a| parse_port_spec(a, &s).unwrap();
        assert_eq!(spec("5000"), PortSpec { first: 5000, last: 5000, protocol: None });
        assert_eq!(spec("65535").last, 65535);
        assert_eq!(spec("3000-3010"), PortSpec { first: 3000, last: 3010, protocol: None });
        assert_eq!(spec("53/udp"), PortSpec { first: 53, last: 53, protocol: Some(Protocol::Udp) });
        assert_eq!(spec("8000-8001/tcp").protocol, Some(Protocol::Tcp));
        assert_eq!(spec("redis").first, 6379);
        assert_eq!(spec("postgresql/tcp").first, 5432);
    }

    #[test]
    fn rejects_bad_ports_with_the_value_named() {
        let s = services();
        for bad in [
            "abc",
            "0",
            "70000",
            "65536",
            "-1",
            "5000-4000",
            "5000/sctp",
            "",
            "nonesuch-svc",
            "5000-",
            "1-0",
            "/tcp",
            "99999999999999999999",
        ] {
            let err = parse_port_spec(bad, &s).expect_err(bad).to_string();
            assert!(err.contains(&format!("'{bad}'")) || err.contains("sctp"), "{bad}: {err}");
        }
    }

    proptest::proptest! {
        /// Any text: an answer or a usage error naming it, never a panic.
        #[test]
        fn port_specs_never_panic(arg in "\\PC{0,24}") {
            let s = Services::from_text("http 80/tcp\n");
            if let Err(e) = parse_port_spec(&arg, &s) {
                let named = e.to_string().contains(&format!("'{}'", arg)) || e.to_string().contains("protocol");
                proptest::prop_assert!(named, "{} does not name {:?}", e, arg);
            }
        }

        #[test]
        fn every_port_and_range_round_trips(a in 1u16..=65535, b in 1u16..=65535, udp: bool) {
            let s = Services::default();
            let suffix = if udp { "/udp" } else { "/tcp" };
            let proto = Some(if udp { Protocol::Udp } else { Protocol::Tcp });
            proptest::prop_assert_eq!(
                parse_port_spec(&a.to_string(), &s).unwrap(),
                PortSpec { first: a, last: a, protocol: None }
            );
            let (lo, hi) = (a.min(b), a.max(b));
            proptest::prop_assert_eq!(
                parse_port_spec(&format!("{lo}-{hi}{suffix}"), &s).unwrap(),
                PortSpec { first: lo, last: hi, protocol: proto }
            );
            if lo < hi {
                let reversed = format!("{}-{}", hi, lo);
                proptest::prop_assert!(parse_port_spec(&reversed, &s).is_err());
            }
        }

        #[test]
        fn out_of_range_numbers_are_rejected(n in 65536u64..u64::MAX) {
            proptest::prop_assert!(parse_port_spec(&n.to_string(), &Services::default()).is_err());
        }

        #[test]
        fn durations_never_panic(arg in "\\PC{0,16}") {
            let _ = parse_duration(&arg);
        }

        #[test]
        fn durations_round_trip(ms in 0u64..10_000_000) {
            proptest::prop_assert_eq!(parse_duration(&format!("{ms}ms")).unwrap(), Duration::from_millis(ms));
            proptest::prop_assert_eq!(parse_duration(&format!("{ms}s")).unwrap(), Duration::from_secs(ms));
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("30s").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("1.5s").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse_duration("5").unwrap(), Duration::from_secs(5));
        for bad in ["soon", "-1s", "10parsecs", "", "ms", ".5s", "1e9s", "s5"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn negative_numbers_are_named_as_ports() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(negative_port(&args(&["portcheck", "-1"])), Some("-1".into()));
        assert_eq!(negative_port(&args(&["portcheck", "-4", "-6", "80"])), None);
        assert_eq!(negative_port(&args(&["portcheck", "--", "-1"])), None);
        assert_eq!(negative_port(&args(&["portcheck", "-k", "--signal", "-9", "80"])), None);
    }

    #[test]
    fn repeated_ports_merge_protocols() {
        let cli = Cli::try_parse_from(["portcheck", "53/udp", "53/tcp", "80", "79-80"]).unwrap();
        let config = cli.into_config(services()).unwrap();
        assert_eq!(config.ports.len(), 3);
        assert!(config.ports[0].tcp && config.ports[0].udp);
        assert_eq!(config.ports[2].port, 79);
    }
}
