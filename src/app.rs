//! Runs one command: dispatch the mode to the logic, hand its data to a
//! renderer, and return the exit status. This module and `main` are the
//! only ones that touch stdin, stdout and stderr: `emit`, `warn`, `ask`.

use std::io::{BufRead, Write};

use crate::cli::{Config, KillOptions, Mode, Parsed};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::inspect::{self, Context};
use crate::report::{self, text::Style};

pub(crate) fn run() -> anyhow::Result<ExitStatus> {
    let mut config = match crate::cli::parse()? {
        Parsed::Print(text) => {
            emit(&text)?;
            return Ok(ExitStatus::Yes);
        }
        Parsed::Run(config) => *config,
    };
    // The services table moves to the context: it is read once, never copied.
    let ctx = Context::new(std::mem::take(&mut config.services));
    let style = Style { color: config.color, width: config.width, wide: config.wide };
    if !config.json && !config.quiet {
        for p in &config.pasted {
            let answer = p.at.map(|a| (a, inspect::start_at(a.ip(), a.port())));
            emit(&report::text::pasted(&style, &p.note, answer.as_ref()))?;
        }
    }
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
            let mut r = inspect::ports(&ctx, config.select, &config.ports)?;
            dual_stack_note(&config, &mut r);
            if config.json {
                emit(&report::json::render(&r)?)?;
            } else if !config.quiet {
                let next = crate::advice::next_steps(&ctx, config.select, config.dual6, &r);
                emit(&report::text::ports(&style, &ctx.host, config.select, &r, &next))?;
            }
            Ok(ports_answer(&r.ports))
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
        if !config.quiet {
            // A script gets the number; the person reading its log the why.
            result.notes.iter().for_each(|n| warn(&n.to_string()));
        }
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
        let n = result.suggestions[0];
        // advice::remedy's one precedence, as the port report's: the
        // holder's remedy, else the project's here, else the generic one.
        let second = |b: u16| {
            crate::suggest::suggest(&host, config.select, b, 2).into_iter().find(|&x| x != n)
        };
        let remedy = crate::advice::remedy(holder.as_ref(), n, &second);
        emit(&report::text::suggestion(style, &result, holder.as_ref(), &remedy))?;
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
    crate::kill::prepare()?;
    let before = inspect::ports(ctx, config.select, &config.ports)?;
    let plan = crate::kill::plan(&before, &crate::kill::Me::current(), ctx.root);
    let summary = plan.summary(opts);
    if human {
        emit(&report::text::ports(style, &ctx.host, config.select, &before, &[]))?;
        emit(&report::text::kill_plan(style, &summary))?;
    }
    let terminal = config.stdin_tty || crate::seams::ask_on_a_pipe();
    let asks = !opts.dry_run && !opts.yes && !plan.targets.is_empty() && terminal;
    // The manual way, once: before the question and in a dry run.
    if let Some((end, find)) = crate::kill::by_hand(&summary).filter(|_| human)
        && (asks || opts.dry_run)
    {
        emit(&report::text::by_hand(style, &end, &find))?;
    }
    // With stdout piped (`| tee log`), the report may reach the screen
    // after the question starts: the question gets a line of its own.
    let lead = if config.stdout_tty { "" } else { "\n" };
    let declined = asks && !ask(&format!("{lead}{}", report::text::kill_prompt(&summary)))?;
    let outcome =
        crate::kill::carry_out(ctx, config.select, &config.ports, before, &plan, opts, declined)?;
    let shown = if config.json {
        report::json::render(&outcome.report).and_then(|t| emit(&t))
    } else if human {
        emit(&report::text::kill_result(style, &outcome.report))
    } else {
        Ok(())
    };
    // Interrupted by a terminal hangup, the report has nowhere to go
    // (EIO): the exit status still says what happened.
    if outcome.report.interrupted.is_none() {
        shown?;
    }
    if let Some(problem) = outcome.permission_problem() {
        warn(&problem);
        return Ok(ExitStatus::Failure);
    }
    if let Some(sig) = outcome.report.interrupted {
        return Ok(ExitStatus::interrupted(sig.number));
    }
    Ok(ports_answer(&outcome.report.ports))
}

/// Under a widened `-6`, a port in use with an IPv4 socket says why.
fn dual_stack_note(config: &Config, r: &mut report::PortsReport) {
    if !config.dual6 {
        return;
    }
    for p in r.ports.iter_mut().filter(|p| p.in_use) {
        if p.sockets.iter().any(|s| s.family == crate::net::Family::Ipv4 || s.address.contains('.'))
        {
            p.notes.push(crate::probe::dual_stack_note());
        }
    }
}

/// The answer of port reports: a port in use answers "no" (1); otherwise
/// a port whose probe could not run leaves the answer unknown (3), and
/// the ports whose reason goes to stderr come with it.
fn ports_status(ports: &[report::PortReport]) -> (ExitStatus, Vec<&report::PortReport>) {
    if ports.iter().any(|p| p.in_use) {
        return (ExitStatus::No, Vec::new());
    }
    let unknown: Vec<&report::PortReport> = ports.iter().filter(|p| p.unknown.is_some()).collect();
    let status = if unknown.is_empty() { ExitStatus::Yes } else { ExitStatus::Failure };
    (status, unknown)
}

/// The exit status of port reports, with each unknown answer's reason
/// said on stderr.
fn ports_answer(ports: &[report::PortReport]) -> ExitStatus {
    let (status, unknown) = ports_status(ports);
    unknown.into_iter().filter_map(report::text::unknown_line).for_each(|l| warn(&l));
    status
}

/// Set once stdout turned out to be a pipe nobody reads.
static STDOUT_GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes to stdout. A closed pipe (`portcheck | head -1`, `| grep -q`) is
/// not an error: the rest of the output is dropped quietly and the run
/// goes on, so the exit status still answers (1 when a port is in use).
pub(crate) fn emit(text: &str) -> anyhow::Result<()> {
    use std::sync::atomic::Ordering;
    if STDOUT_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => Ok(other?),
    }
}

/// An error as JSON on stdout, for `--json` callers that read only stdout:
/// `{"error": {"kind": "usage" | "permission" | "failure", "message": …}}`.
pub(crate) fn error_json(err: &anyhow::Error) {
    let kind = match error_status(err) {
        ExitStatus::Usage => "usage",
        _ if is_permission(err) => "permission",
        _ => "failure",
    };
    let value = serde_json::json!({ "error": { "kind": kind, "message": format!("{err:#}") } });
    if let Ok(text) = report::json::render(&value) {
        let _ = emit(&text);
    }
}

/// The error comes from the OS refusing an operation (EACCES, EPERM).
fn is_permission(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        matches!(e.downcast_ref::<Error>(), Some(Error::Permission(_)))
            || e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::PermissionDenied)
            || crate::host::is_os_permission_error(e)
    })
}

/// One diagnostic line on stderr, in portcheck's voice. It may quote what
/// the user typed (or a process name), so it is escaped like all such text.
pub(crate) fn warn(text: &str) {
    use std::io::IsTerminal;
    let width = std::io::stderr().is_terminal().then(crate::cli::terminal_width);
    let line = format!("portcheck: {}", crate::sanitize::escape(text));
    let _ = std::io::stderr().lock().write_all(report::text::line(width, &line).as_bytes());
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
        Some(Error::NoFreePort(_) | Error::Permission(_)) | None => ExitStatus::Failure,
    }
}
