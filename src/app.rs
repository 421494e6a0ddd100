//! Runs one command: dispatch the mode to the logic, hand its data to a
//! renderer, and return the exit status. This module and `main` are the
//! only ones that touch stdin, stdout and stderr: `emit`, `warn`, `ask`.

use std::io::{BufRead, Write};

use crate::cli::{Config, Mode, Parsed};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::inspect::{self, Context};
use crate::kill::KillOptions;
use crate::report::{self, text::Style};

pub(crate) fn run() -> anyhow::Result<ExitStatus> {
    let config = match crate::cli::parse()? {
        Parsed::Print(text) => {
            emit(&text)?;
            return Ok(ExitStatus::Yes);
        }
        Parsed::Run(config) => *config,
    };
    let style = Style { color: config.color, width: config.width };
    let ctx = Context::new(config.services.clone());
    match &config.mode {
        Mode::List { exposed } => {
            let listing = if *exposed {
                inspect::exposed(&ctx, config.select)?
            } else {
                inspect::listing(&ctx, config.select)?
            };
            if config.json {
                emit(&report::json::render(&listing)?)?;
            } else if !config.quiet {
                emit(&report::text::listing(&style, &listing))?;
            }
            Ok(ExitStatus::Yes)
        }
        Mode::Ports => {
            let r = inspect::ports(&ctx, config.select, &config.ports)?;
            if config.json {
                emit(&report::json::render(&r)?)?;
            } else if !config.quiet {
                let next = crate::advice::next_steps(&ctx, config.select, &r);
                emit(&report::text::ports(&style, &ctx.host, config.select, &r, &next))?;
            }
            Ok(ExitStatus::answer(!r.any_in_use()))
        }
        Mode::Kill(opts) => kill(&ctx, &config, &style, opts),
        Mode::Suggest { base, count } => suggest(&ctx, &config, &style, *base, *count),
        Mode::Wait { until, limit } => {
            if config.quiet && !config.json {
                let waited = crate::wait::wait(config.select, &config.ports, *until, *limit)?;
                return Ok(ExitStatus::answer(waited.ok));
            }
            let r = crate::wait::report(&ctx, config.select, &config.ports, *until, *limit)?;
            if config.json {
                emit(&report::json::render(&r)?)?;
            } else if !config.quiet {
                emit(&report::text::wait(&style, &r))?;
            }
            Ok(ExitStatus::answer(r.ok))
        }
    }
}

fn suggest(
    ctx: &Context,
    config: &Config,
    style: &Style,
    base: u16,
    count: usize,
) -> anyhow::Result<ExitStatus> {
    let host = ctx.host.clone().refined();
    let result = crate::suggest::suggestion(&host, config.select, base, count)?;
    if config.json {
        emit(&report::json::render(&result)?)?;
    } else if config.quiet || !config.stdout_tty {
        emit(&report::text::suggestion_numbers(&result))?;
    } else {
        // Say who holds the base: worth the /proc walk on a terminal only.
        let holder = if result.suggestions.first() == Some(&base) {
            None
        } else {
            let q = crate::net::PortQuery {
                port: base,
                tcp: config.select.tcp,
                udp: config.select.udp,
            };
            inspect::ports(ctx, config.select, &[q])?.ports.into_iter().next()
        };
        emit(&report::text::suggestion(style, &result, holder.as_ref()))?;
    }
    Ok(ExitStatus::Yes)
}

fn kill(
    ctx: &Context,
    config: &Config,
    style: &Style,
    opts: &KillOptions,
) -> anyhow::Result<ExitStatus> {
    let human = !config.json && !config.quiet;
    let before = inspect::ports(ctx, config.select, &config.ports)?;
    let plan = crate::kill::plan(&before, &crate::kill::Me::current(), ctx.root);
    let summary = plan.summary(opts);
    if human {
        emit(&report::text::ports(style, &ctx.host, config.select, &before, &[]))?;
        emit(&report::text::kill_plan(&summary))?;
    }
    let asks = !opts.dry_run && !opts.yes && !plan.targets.is_empty() && config.stdin_tty;
    let declined = asks && !ask(&report::text::kill_prompt(&summary))?;
    let outcome =
        crate::kill::carry_out(ctx, config.select, &config.ports, before, &plan, opts, declined)?;
    if config.json {
        emit(&report::json::render(&outcome.report)?)?;
    } else if human {
        emit(&report::text::kill_result(style, &outcome.report))?;
    }
    if let Some(problem) = outcome.permission_problem() {
        warn(&problem);
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::answer(!outcome.report.ports.iter().any(|p| p.in_use)))
}

/// Writes to stdout; a closed pipe surfaces as an error that `main` treats
/// as success.
pub(crate) fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// One diagnostic line on stderr, in portcheck's voice. It may quote what
/// the user typed (or a process name), so it is escaped like all such text.
pub(crate) fn warn(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "portcheck: {}", crate::sanitize::escape(text));
}

/// Asks `question` on stderr and reads the answer; anything but y/yes is no.
fn ask(question: &str) -> anyhow::Result<bool> {
    let mut err = std::io::stderr().lock();
    err.write_all(question.as_bytes())?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let answer = line.trim().to_ascii_lowercase();
    Ok(answer == "y" || answer == "yes")
}

/// The exit status of an error: usage 2, anything else 3.
pub(crate) fn error_status(err: &anyhow::Error) -> ExitStatus {
    match err.downcast_ref::<Error>() {
        Some(Error::Usage(_)) => ExitStatus::Usage,
        Some(Error::NoFreePort(_)) | None => ExitStatus::Failure,
    }
}
