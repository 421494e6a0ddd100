//! What to do about the ports in use: the next steps at the end of a
//! report, from the same kill plan `--kill` would carry out and the same
//! search `--suggest` runs.

use crate::hint::{Kind, Role};
use crate::i18n::msg;
use crate::inspect::Context;
use crate::kill::{Me, plan};
use crate::net::Selection;
use crate::remedy::{Here, Holder, Remedy};
use crate::report::{NextSteps, PortReport, PortsReport, ProcessReport};
use crate::shell::{Command, Step};

/// How many ports in use get next steps (each costs a `--suggest` search,
/// a few binds).
const MAX_PORTS: usize = 16;

/// For each port in use: what `--kill` would signal, what it would refuse
/// (with the command that stops it), and the nearest free port.
/// `dual6`: the query was a widened `-6`, which `--kill` is advised with.
pub(crate) fn next_steps(
    ctx: &Context,
    select: Selection,
    dual6: bool,
    report: &PortsReport,
) -> Vec<NextSteps> {
    if !report.ports.iter().any(|p| p.in_use) {
        // Nothing to advise; and who portcheck's ancestors are costs a
        // few reads per generation.
        return Vec::new();
    }
    let plan = plan(report, &Me::current(), ctx.root);
    // Where `--kill` would refuse to run, it is not advised: its reason is.
    let no_kill = crate::kill::unavailable();
    report
        .ports
        .iter()
        .filter(|p| p.in_use)
        .take(MAX_PORTS)
        .map(|p| {
            let mut stop: Vec<Step> = Vec::new();
            if let Some(why) = &no_kill {
                stop.push(Step::say(msg!("advice-no-kill", why = why)));
            }
            for holder in p.holders() {
                let refusal = plan.refused.iter().find(|a| a.pid == holder.pid);
                let own = refusal.is_none().then(|| web_server_stop(holder)).flatten();
                if let Some(s) = refusal.and_then(|a| a.stop.clone()).or(own)
                    && !stop.contains(&s)
                {
                    stop.push(s);
                }
            }
            let free = crate::suggest::suggest(&ctx.host, select, p.port, 1).first().copied();
            let second = |base: u16| {
                crate::suggest::suggest(&ctx.host, select, base, 2)
                    .into_iter()
                    .find(|&n| Some(n) != free)
            };
            NextSteps {
                port: p.port,
                first: first(p),
                kill: if no_kill.is_some() {
                    Vec::new()
                } else {
                    plan.targets_of(p.port).map(|t| t.pid).collect()
                },
                kill_ipv6: dual6,
                free,
                remedy: free.map(|n| remedy(Some(p), n, &second)),
                stop,
            }
        })
        .collect()
}

/// What comes before `--kill`: a VS Code launch session is stopped in VS
/// Code (Shift+F5), which ends the debuggee and its adapter together.
fn first(p: &PortReport) -> Vec<Step> {
    let by_vscode = p.holders().iter().any(|h| h.origin.by_vscode());
    let session = p.holders().iter().any(|h| h.role == Role::Session);
    // A debuggee's `--connect HOST:P` is its adapter's port: the session's.
    let adapter = p.holders().iter().find_map(|h| {
        let at = h.origin.debugpy_opt("--connect")?;
        Some(at.rsplit(':').next().unwrap_or(at).to_string())
    });
    let ends = match adapter {
        Some(port) => msg!("advice-vscode-stop-adapter", port = port),
        None => msg!("advice-vscode-stop"),
    };
    if by_vscode || session { vec![Step::say(ends)] } else { Vec::new() }
}

/// A web server's own stop command (one systemd runs is refused with its
/// unit's `systemctl stop` instead).
fn web_server_stop(h: &crate::report::ProcessReport) -> Option<Step> {
    let words: Vec<String> = match h.origin.kind {
        // As its master was started: `-c`/`-p` name the pid file `-s` reads.
        Kind::Nginx if !h.origin.control.is_empty() => {
            h.origin.control.iter().cloned().chain(["-s".into(), "stop".into()]).collect()
        }
        Kind::Nginx => vec!["nginx".into(), "-s".into(), "stop".into()],
        Kind::Apache => vec!["apachectl".into(), "stop".into()],
        Kind::Caddy => vec!["caddy".into(), "stop".into()],
        _ => return None,
    };
    let cmd = Command::new(words);
    cmd.unsafe_word().is_none().then(|| Step::explained(msg!("advice-stop-web-server"), cmd))
}

/// How to start a server on `port` instead of the one `p` holds: the one
/// precedence the report and `--suggest` share. The holder's own way
/// (what it was started with, from the model) first, else the project in
/// the current directory, else generic forms. `free` finds a second free
/// port (a debugger's).
pub(crate) fn remedy(
    p: Option<&PortReport>,
    port: u16,
    free: &dyn Fn(u16) -> Option<u16>,
) -> Remedy {
    p.and_then(|p| of_holders(p, port, free))
        .or_else(|| here(port))
        .unwrap_or_else(|| crate::remedy::generic(port))
}

/// The remedy of the first recognised holder of `p`.
fn of_holders(p: &PortReport, port: u16, free: &dyn Fn(u16) -> Option<u16>) -> Option<Remedy> {
    let here = Here::current(free);
    p.sockets.iter().flat_map(|s| s.processes.iter().map(move |h| (s, h))).find_map(|(s, h)| {
        let holder = Holder { origin: &h.origin, role: h.role, address: &s.address, listen: None };
        debugger(h, &here, port).or_else(|| crate::remedy::for_holder(&holder, &here, port))
    })
}

/// debugpy's adapter on its own port: the program it debugs (the process
/// under `debugpy --listen` on that port; read only then) started again
/// with a free debugger port.
fn debugger(h: &ProcessReport, here: &Here, port: u16) -> Option<Remedy> {
    if h.origin.kind != Kind::DebugpyAdapter || h.role != Role::Debugger {
        return None;
    }
    let own = crate::started::flag_value(&h.command, &["--port"])?.parse().ok()?;
    let (pid, _) = crate::process::debuggee_of(own)?;
    let info = crate::process::describe(&[pid]).remove(&pid)?;
    let origin = crate::started::of(&info, &[]);
    let debuggee = Holder { origin: &origin, role: Role::Server, address: "", listen: None };
    crate::remedy::for_debugger(&debuggee, here, port)
}

/// The remedy for the project in the current directory, if it says.
fn here(port: u16) -> Option<Remedy> {
    let dir = std::env::current_dir().ok()?;
    crate::project::remedy(&dir, port)
}

#[cfg(test)]
mod tests;
