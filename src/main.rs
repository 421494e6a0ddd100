//! portcheck: who holds this port, how it is bound, what kind of port it
//! is, and what to do about it.
//!
//! `main` is thin: `run` returns a typed outcome, and this file alone maps
//! it (or an error) to an exit status and prints the error.

mod cli;
mod error;
mod exit;
mod hint;
mod inspect;
mod port;
mod probe;
mod process;
mod report;
mod sanitize;
mod scan;
mod services;

use std::io::{IsTerminal, Write};

use clap::Parser;

use crate::error::Error;
use crate::exit::ExitStatus;
use crate::report::table::Style;

fn main() {
    let status = match run() {
        Ok(status) => status,
        Err(err) => {
            if is_broken_pipe(&err) {
                ExitStatus::Yes
            } else {
                let status = match err.downcast_ref::<Error>() {
                    Some(Error::Usage(_)) => ExitStatus::Usage,
                    _ => ExitStatus::Failure,
                };
                let mut stderr = std::io::stderr().lock();
                let _ = writeln!(stderr, "portcheck: {err:#}");
                status
            }
        }
    };
    std::process::exit(status.code());
}

fn run() -> anyhow::Result<ExitStatus> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(bad) = cli::negative_port(&args) {
        return Err(error::usage(format!(
            "invalid port '{bad}': ports are numbers from 1 to 65535"
        )));
    }
    let cli = match cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                emit(&e.render().to_string())?;
                return Ok(ExitStatus::Yes);
            }
            // clap's first line names the bad value; the usage lines that
            // follow are what `--help` is for.
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            return Err(error::usage(format!("{first} (see 'portcheck --help')")));
        }
    };
    let services = services::Services::load();
    let config = cli.into_config(&services)?;
    let ctx = inspect::Context::new(services);
    let style = Style {
        color: config.color,
        width: if std::io::stdout().is_terminal() { terminal_width() } else { None },
    };
    if config.ports.is_empty() {
        let listing = inspect::listing(&ctx, config.select)?;
        if config.json {
            emit(&report::json::render(&listing)?)?;
        } else if !config.quiet {
            emit(&report::table::listing(&style, &listing))?;
        }
        return Ok(ExitStatus::Yes);
    }
    let query = inspect::query(&ctx, config.select, &config.ports)?;
    if config.json {
        emit(&report::json::render(&query)?)?;
    } else if !config.quiet {
        emit(&report::table::query(&style, &ctx.host, config.select, &query))?;
    }
    Ok(if query.ports.iter().any(|p| p.in_use) { ExitStatus::No } else { ExitStatus::Yes })
}

/// Writes to stdout; a closed pipe surfaces as an error that `main` treats
/// as success.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn terminal_width() -> Option<u16> {
    let cols = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<u16>().ok());
    cols.or_else(|| comfy_table::Table::new().width()).or(Some(100))
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
