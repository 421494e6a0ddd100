//! Runs one command: parse, dispatch to the mode, render, and return the
//! exit status. The renderers build text; only `emit` and `warn` write it.

use std::io::{BufRead, IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::Parser;

use crate::cli::{self, Config, Mode};
use crate::error;
use crate::exit::ExitStatus;
use crate::inspect::{self, Context};
use crate::kill::{self, KillOptions, Outcome};
use crate::report::{self, KillReport, Respawn, table::NextSteps, table::Style};
use crate::scan::{self, Scope};
use crate::services::Services;
use crate::wait::Until;

pub(crate) fn run() -> anyhow::Result<ExitStatus> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(bad) = args.iter().skip(1).find(|a| a.to_str().is_none()) {
        return Err(error::usage(format!(
            "invalid argument '{}': not valid UTF-8",
            bad.to_string_lossy()
        )));
    }
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
    if let Some(shell) = cli.completions {
        use clap::CommandFactory;
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut cli::Cli::command(), "portcheck", &mut out);
        emit(&String::from_utf8_lossy(&out))?;
        return Ok(ExitStatus::Yes);
    }
    let services = Services::load();
    let config = cli.into_config(&services)?;
    let ctx = Context::new(services);
    let style = Style {
        color: config.color,
        width: if std::io::stdout().is_terminal() { terminal_width() } else { None },
    };
    match &config.mode {
        Mode::List { exposed } => {
            let mut listing = inspect::listing(&ctx, config.select)?;
            if *exposed {
                listing.sockets.retain(|s| s.exposure != report::Exposure::Loopback);
            }
            if config.json {
                emit(&report::json::render(&listing)?)?;
            } else if !config.quiet {
                emit(&report::table::listing(&style, &listing))?;
            }
            Ok(ExitStatus::Yes)
        }
        Mode::Query => {
            let query = inspect::query(&ctx, config.select, &config.ports)?;
            if config.json {
                emit(&report::json::render(&query)?)?;
            } else if !config.quiet {
                let next = next_steps(&ctx, config.select, &query);
                emit(&report::table::query(&style, &ctx.host, config.select, &query, &next))?;
            }
            Ok(if query.ports.iter().any(|p| p.in_use) { ExitStatus::No } else { ExitStatus::Yes })
        }
        Mode::Kill(opts) => kill(&ctx, &config, &style, opts),
        Mode::Suggest { base, count } => suggest(&ctx, &config, &style, *base, *count),
        Mode::Wait { until, limit } => wait(&ctx, &config, &style, *until, *limit),
    }
}

fn suggest(
    ctx: &Context,
    config: &Config,
    style: &Style,
    base: u16,
    count: usize,
) -> anyhow::Result<ExitStatus> {
    let found = crate::suggest::suggest(&ctx.host, config.select, base, count);
    if found.is_empty() {
        let (lo, hi) = crate::port::Class::of(base).range();
        return Err(anyhow::Error::new(error::Error::NoFreePort(format!(
            "no free port to suggest in {lo}-{hi} (the {} class of {base}) outside the ephemeral range {}-{}",
            crate::port::Class::of(base).label(),
            ctx.host.ephemeral.0,
            ctx.host.ephemeral.1
        ))));
    }
    let result = report::Suggestion { base, suggestions: found };
    if config.json {
        emit(&report::json::render(&result)?)?;
    } else if config.quiet || !std::io::stdout().is_terminal() {
        emit(&report::table::suggestion_numbers(&result))?;
    } else {
        // Say who holds the base: worth the /proc walk on a terminal only.
        let holder = if result.suggestions.first() == Some(&base) {
            None
        } else {
            let q = inspect::query(
                ctx,
                config.select,
                &[cli::PortQuery { port: base, tcp: config.select.tcp, udp: config.select.udp }],
            )?;
            q.ports.into_iter().next()
        };
        emit(&report::table::suggestion(style, &result, holder.as_ref()))?;
    }
    Ok(ExitStatus::Yes)
}

fn wait(
    ctx: &Context,
    config: &Config,
    style: &Style,
    until: Until,
    limit: Duration,
) -> anyhow::Result<ExitStatus> {
    let outcome = crate::wait::wait(config.select, &config.ports, until, limit)?;
    let (ok, waited) = (outcome.ok, outcome.elapsed);
    if config.quiet && !config.json {
        return Ok(if ok { ExitStatus::Yes } else { ExitStatus::No });
    }
    let query = inspect::query(ctx, config.select, &config.ports)?;
    let result = report::WaitReport {
        ok,
        waited_ms: waited.as_millis() as u64,
        ready: outcome.ready,
        until: match until {
            Until::Free => "free",
            Until::Listening => "listening",
        },
        ports: query.ports,
    };
    if config.json {
        emit(&report::json::render(&result)?)?;
    } else {
        emit(&report::table::wait(style, &result))?;
    }
    Ok(if ok { ExitStatus::Yes } else { ExitStatus::No })
}

fn kill(
    ctx: &Context,
    config: &Config,
    style: &Style,
    opts: &KillOptions,
) -> anyhow::Result<ExitStatus> {
    let human = !config.json && !config.quiet;
    let before = inspect::query(ctx, config.select, &config.ports)?;
    if human {
        emit(&report::table::query(style, &ctx.host, config.select, &before, &[]))?;
    }
    let plan = kill::plan(&before, kill::Me::current(), ctx.root);
    if human {
        emit(&report::table::kill_plan(&plan, opts))?;
    }
    let mut declined = false;
    if !opts.dry_run && !opts.yes && !plan.targets.is_empty() && std::io::stdin().is_terminal() {
        declined = !confirm(&plan)?;
    }
    let actions = if declined { plan.refused.clone() } else { kill::execute(&plan, opts) };
    let after = if opts.dry_run || declined || plan.targets.is_empty() {
        before.clone()
    } else {
        settle(ctx, config, opts.settle)?
    };
    let respawns = respawns(&before, &after);
    let denied = actions.iter().any(|a| a.result == Outcome::Denied);
    let hidden = !ctx.root && !plan.unseen.is_empty();
    let outcome =
        KillReport { ports: after.ports, actions, respawns, declined, notes: after.notes };
    if config.json {
        emit(&report::json::render(&outcome)?)?;
    } else if human {
        emit(&report::table::kill_result(style, &outcome, opts))?;
    }
    if denied {
        let pids: Vec<String> = outcome
            .actions
            .iter()
            .filter(|a| a.result == Outcome::Denied)
            .map(|a| a.pid.to_string())
            .collect();
        warn(&format!(
            "permission denied: pid {} belongs to another user; run with sudo to stop it",
            pids.join(", ")
        ));
        return Ok(ExitStatus::Failure);
    }
    if hidden {
        let mut ports: Vec<u16> = plan.unseen.iter().map(|(p, _)| *p).collect();
        ports.sort_unstable();
        ports.dedup();
        let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
        warn(&format!(
            "permission denied: port {} has a holder that cannot be seen without root; run with sudo",
            ports.join(", ")
        ));
        return Ok(ExitStatus::Failure);
    }
    Ok(if outcome.ports.iter().any(|p| p.in_use) { ExitStatus::No } else { ExitStatus::Yes })
}

/// For each port in use: what `--kill` would signal, what it would refuse
/// (with the command that stops it), and the nearest free port. At most
/// 16 ports get a suggestion (each costs a few binds).
fn next_steps(ctx: &Context, select: scan::Selection, query: &report::Query) -> Vec<NextSteps> {
    let plan = kill::plan(query, kill::Me::current(), ctx.root);
    query
        .ports
        .iter()
        .filter(|p| p.in_use)
        .take(16)
        .map(|p| NextSteps {
            port: p.port,
            kill: plan
                .targets
                .iter()
                .filter(|t| t.ports.contains(&p.port))
                .map(|t| t.pid)
                .collect(),
            free: crate::suggest::suggest(&ctx.host, select, p.port, 1).first().copied(),
            stop: p
                .sockets
                .iter()
                .flat_map(|s| s.processes.iter())
                .filter_map(|x| plan.refused.iter().find(|a| a.pid == x.pid))
                .filter_map(|a| a.stop.clone())
                .fold(Vec::new(), |mut v, s| {
                    if !v.contains(&s) {
                        v.push(s);
                    }
                    v
                }),
        })
        .collect()
}

/// Asks on the terminal; anything but y/yes is no.
fn confirm(plan: &kill::Plan) -> anyhow::Result<bool> {
    let mut ports: Vec<u16> = plan.targets.iter().flat_map(|t| t.ports.iter().copied()).collect();
    ports.sort_unstable();
    ports.dedup();
    let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
    let n = plan.targets.len();
    let mut err = std::io::stderr().lock();
    write!(
        err,
        "Kill {n} process{} holding {}? [y/N] ",
        if n == 1 { "" } else { "es" },
        ports.join(", ")
    )?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let answer = line.trim().to_ascii_lowercase();
    Ok(answer == "y" || answer == "yes")
}

/// The ports after the kill. A port that came free is watched for the
/// settle window: a holder that appears meanwhile is a respawn.
fn settle(ctx: &Context, config: &Config, window: Duration) -> anyhow::Result<report::Query> {
    let deadline = Instant::now() + window;
    let mut first = inspect::query(ctx, config.select, &config.ports)?;
    // A port held by a socket with no visible process right after the
    // kill is most likely a respawn caught mid-start: look again.
    let unseen = |q: &report::Query| {
        q.ports.iter().any(|p| p.in_use && p.sockets.iter().all(|s| s.processes.is_empty()))
    };
    while unseen(&first) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50).min(deadline - Instant::now()));
        first = inspect::query(ctx, config.select, &config.ports)?;
    }
    let mut free: Vec<u16> = first.ports.iter().filter(|p| !p.in_use).map(|p| p.port).collect();
    free.sort_unstable();
    if free.is_empty() || window.is_zero() {
        return Ok(first);
    }
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50).min(deadline - Instant::now()));
        // As in the query: -4 must see a dual-stack IPv6 respawn too; the
        // query that follows decides what counts.
        let sel = scan::Selection { v6: config.select.v6 || config.select.v4, ..config.select };
        let snap = scan::snapshot(sel, Scope::Ports(&free), false)?;
        if snap.sockets.iter().any(|s| s.state.holds_port()) {
            return inspect::query(ctx, config.select, &config.ports);
        }
    }
    Ok(first)
}

/// Holders after the kill that were not holders before.
fn respawns(before: &report::Query, after: &report::Query) -> Vec<Respawn> {
    let old: Vec<u32> = before
        .ports
        .iter()
        .flat_map(|p| p.sockets.iter().flat_map(|s| s.processes.iter().map(|x| x.pid)))
        .collect();
    let mut out: Vec<Respawn> = Vec::new();
    for port in &after.ports {
        for s in &port.sockets {
            for p in &s.processes {
                if !old.contains(&p.pid)
                    && !out.iter().any(|r| r.pid == p.pid && r.port == port.port)
                {
                    out.push(Respawn {
                        port: port.port,
                        pid: p.pid,
                        name: p.name.clone(),
                        ppid: p.ppid,
                        parent_name: p.parent_name.clone(),
                        stop: kill::supervisor_stop(p.pid, p.ppid),
                    });
                }
            }
        }
    }
    out
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

fn terminal_width() -> Option<u16> {
    let cols = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<u16>().ok());
    cols.or_else(|| comfy_table::Table::new().width()).or(Some(100))
}
