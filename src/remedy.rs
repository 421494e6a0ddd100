//! "Use another port", said the way each framework really takes a port:
//! the holder's own command line rewritten for the new port when portcheck
//! recognises it (Flask, Django, `python -m http.server`, gunicorn,
//! uvicorn, hypercorn, Vite, Next.js, webpack), else the project in the
//! current directory (see `project`), else generic forms that say what
//! they assume. Pure: argv in, commands (words, `shell`) out.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::hint::{Kind, Role};
use crate::i18n::{Msg, msg};
use crate::secret::REDACTED;
use crate::shell::{Command, Step};
use crate::started::Started;

mod command;
mod in_words;
mod node;
mod python;

use in_words::{vscode, web_server};
use node::node;
use python::python;
pub(crate) use python::{django, flask_run};

/// How to start a server on `port` instead: why these forms, and the
/// steps (a command, an explanation, or both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Remedy {
    /// What the lines are for: "Flask reads --port or FLASK_RUN_PORT, not PORT".
    pub(crate) why: Msg,
    pub(crate) lines: Vec<Step>,
    /// Whether the steps start a server on the new port (false: the port
    /// is set elsewhere, a web server's configuration).
    pub(crate) moves: bool,
}

impl Remedy {
    /// A remedy in words alone: no command to paste.
    pub(crate) fn words(why: Msg, say: Msg) -> Remedy {
        Remedy { why, lines: vec![Step::say(say)], moves: true }
    }

    /// The same remedy, which does not move the server to a new port.
    pub(crate) fn staying(mut self) -> Remedy {
        self.moves = false;
        self
    }
}

/// The command of these words, as a step.
fn run<W: Into<std::ffi::OsString>>(words: impl IntoIterator<Item = W>) -> Step {
    Step::run(Command::new(words))
}

/// What is known of a holder on one socket: how it was started, its
/// role there, its argv (secrets redacted) and the socket's address.
pub(crate) struct Holder<'a> {
    pub(crate) origin: &'a Started,
    pub(crate) role: Role,
    pub(crate) address: &'a str,
    /// Under `python -m debugpy --listen`: the `--listen` value the new
    /// instance takes (a free debugger port), set by [`for_holder`].
    pub(crate) listen: Option<String>,
}

/// Who reads the advice: portcheck's own folder, user and PATH, and how
/// to find a second free port (a debugger's).
pub(crate) struct Here<'a> {
    pub(crate) cwd: Option<PathBuf>,
    pub(crate) uid: Option<u32>,
    pub(crate) path: Option<OsString>,
    pub(crate) free: &'a dyn Fn(u16) -> Option<u16>,
}

impl Here<'_> {
    /// portcheck's own context, with `free` for second ports.
    pub(crate) fn current(free: &dyn Fn(u16) -> Option<u16>) -> Here<'_> {
        Here {
            cwd: std::env::current_dir().ok(),
            uid: crate::host::my_uid(),
            path: std::env::var_os("PATH"),
            free,
        }
    }
}

/// The remedy for a recognised holder: its command again on `port`, as
/// the person reading it must type it (in the holder's folder, as its
/// user). A line with a word that holds a control or invisible
/// character, or a secret's place, is not advised (a remedy left with
/// none is no remedy).
pub(crate) fn for_holder(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let listen = new_listen(h.origin, here);
    finish(&Holder { listen, ..*h }, here, port)
}

/// debugpy's adapter on its own port, moved: the program it debugs
/// (`debuggee`, under `python -m debugpy --listen [HOST:]P`) started again
/// with `--listen [HOST:]port`, its app on a second free port (the first
/// session still holds the app's).
pub(crate) fn for_debugger(debuggee: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = debuggee.origin;
    let listen = match o.debugpy_opt("--listen")?.rsplit_once(':') {
        Some((host, _)) => format!("{host}:{port}"),
        None => port.to_string(),
    };
    let app = (here.free)(o.settings.port.as_ref()?.value.saturating_add(1))?;
    let mut r = finish(&Holder { listen: Some(listen), ..*debuggee }, here, app)?;
    r.why = msg!("remedy-debugger-moved", port = port, app = app);
    Some(r)
}

/// The remedy of a holder whose new `--listen` (if any) is decided.
fn finish(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let listen = h.listen.clone();
    let mut r = recognised(h, here, port)?;
    if let Some(l) = &listen
        && r.lines.iter().any(|s| s.run.is_some())
    {
        let port = l.rsplit(':').next().unwrap_or(l);
        r.lines.push(Step::say(msg!("remedy-then-connect", connect = connect(port))));
    }
    let secret = |c: &Command| c.argv().iter().any(|w| w.to_string_lossy().contains(REDACTED));
    if r.lines.iter().any(|l| l.run.as_ref().is_some_and(secret)) {
        r.lines = vec![Step::say(msg!("remedy-secret", port = port))];
    }
    // A line portcheck will not print (a control character in the folder
    // or a word) still says how this server takes a port, in words: the
    // generic forms (PORT, --port) can be wrong for it.
    let had = r.lines.iter().any(|l| l.run.is_some());
    r.lines.retain(|l| l.run.as_ref().is_none_or(|c| c.unsafe_word().is_none()));
    if had && !r.lines.iter().any(|l| l.run.is_some()) {
        r.lines.insert(0, Step::say(msg!("remedy-unprintable", port = port)));
    }
    (!r.lines.is_empty()).then_some(r)
}

fn recognised(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    if h.role == Role::Session {
        return Some(
            Remedy::words(msg!("remedy-session-why"), msg!("remedy-session-stop")).staying(),
        );
    }
    if o.by_vscode() {
        return Some(vscode(o, port));
    }
    if o.kind == Kind::DebugpyAdapter {
        return Some(Remedy::words(
            msg!("remedy-debugpy-why"),
            msg!("remedy-debugpy-listen", port = port, connect = connect(&port.to_string())),
        ));
    }
    if o.kind.is_web_server() {
        return Some(web_server(o));
    }
    if h.role == Role::Inspector {
        return Some(Remedy::words(
            msg!("remedy-inspector-why"),
            msg!("remedy-inspector-flag", port = port),
        ));
    }
    python(h, here, port).or_else(|| node(h, here, port))
}

/// The attach configuration's setting for a debugger on `port`, as
/// `launch.json` writes it (code: the same in every language).
fn connect(port: &str) -> String {
    format!("\"connect\": {{\"port\": {port}}}")
}

/// Under `python -m debugpy --listen [HOST:]P`: the new instance's
/// `--listen`, a free port above P on the same host.
fn new_listen(o: &Started, here: &Here) -> Option<String> {
    let listen = o.debugpy_opt("--listen")?;
    let (host, old) = match listen.rsplit_once(':') {
        Some((host, p)) => (Some(host), p.parse::<u16>().ok()?),
        None => (None, listen.parse().ok()?),
    };
    let next = (here.free)(old.saturating_add(1))?;
    Some(host.map_or(next.to_string(), |h| format!("{h}:{next}")))
}

/// Generic forms, for a program portcheck does not recognise: they say
/// what they assume.
/// There is no command to give without the app's own: sentences.
pub(crate) fn generic(port: u16) -> Remedy {
    Remedy {
        why: msg!("remedy-generic-why"),
        lines: vec![
            Step::say(msg!("remedy-generic-env", port = port)),
            Step::say(msg!("remedy-generic-flag", port = port)),
        ],
        moves: true,
    }
}

/// `PORT=N WORD…`.
pub(crate) fn with_port<W: Into<std::ffi::OsString>>(
    port: &str,
    words: impl IntoIterator<Item = W>,
) -> Step {
    Step::run(with_env(Command::new(words), "PORT", port))
}

/// `cmd` with `NAME=value` first. `name` is portcheck's own (PORT,
/// FLASK_RUN_PORT), always a shell name; were it not, the command alone.
pub(crate) fn with_env(cmd: Command, name: &str, value: impl Into<OsString>) -> Command {
    cmd.clone().env(name, value).unwrap_or(cmd)
}

/// Where `name` starts in `argv`: as a script (`/venv/bin/flask`, after the
/// interpreter a shebang put first) or as `python -m name`. Returns the
/// command to type for it and the arguments that follow.
pub(crate) fn tool(argv: &[String], name: &str) -> Option<(Vec<String>, Vec<String>)> {
    for (i, a) in argv.iter().enumerate() {
        if i <= 1 && base(a) == name {
            // The tool as the holder ran it; `command` shortens it to its
            // name when that is the same file here.
            return Some((vec![a.clone()], argv[i + 1..].to_vec()));
        }
        if a == "-m" && argv.get(i + 1).is_some_and(|m| m == name) {
            return Some((argv[..i + 2].to_vec(), argv[i + 2..].to_vec()));
        }
    }
    None
}

/// `args` without `flag VALUE`, `flag=VALUE` and `-pVALUE` for each flag.
fn without_flag(args: &[String], flags: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if std::mem::take(&mut skip) {
            continue;
        }
        if flags.contains(&a.as_str()) {
            skip = true;
            continue;
        }
        let glued = flags.iter().any(|f| {
            a.strip_prefix(f).is_some_and(|v| {
                v.starts_with('=') || (f.len() == 2 && v.bytes().all(|b| b.is_ascii_digit()))
            })
        });
        if !glued {
            out.push(a.clone());
        }
    }
    out
}

fn base(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

#[cfg(test)]
impl Remedy {
    /// The command lines as this machine's shell reads them (tests).
    pub(crate) fn shown(&self) -> Vec<String> {
        self.lines.iter().map(Step::headline).collect()
    }
}

#[cfg(test)]
mod tests;
