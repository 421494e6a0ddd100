//! "Use another port", said the way each framework really takes a port:
//! the holder's own command line rewritten for the new port when portcheck
//! recognises it (Flask, Django, `python -m http.server`, gunicorn,
//! uvicorn, hypercorn, Vite, Next.js, webpack), else the project in the
//! current directory (see `project`), else generic forms that say what
//! they assume. Pure: argv in, commands (words, `shell`) out.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::hint::{Kind, Launcher, Role};
use crate::secret::REDACTED;
use crate::shell::{Command, Step};
use crate::started::{Package, Setting, Source, Started};

/// How to start a server on `port` instead: why these forms, and the
/// steps (a command, an explanation, or both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Remedy {
    /// What the lines are for: "Flask reads --port or FLASK_RUN_PORT, not PORT".
    pub(crate) why: String,
    pub(crate) lines: Vec<Step>,
    /// Whether the steps start a server on the new port (false: the port
    /// is set elsewhere, a web server's configuration).
    pub(crate) moves: bool,
}

impl Remedy {
    /// A remedy in words alone: no command to paste.
    pub(crate) fn words(why: impl Into<String>, say: impl Into<String>) -> Remedy {
        Remedy { why: why.into(), lines: vec![Step::say(say)], moves: true }
    }

    /// The same remedy, which does not move the server to a new port.
    pub(crate) fn staying(mut self) -> Remedy {
        self.moves = false;
        self
    }

    /// The command lines as this machine's shell reads them (tests).
    #[cfg(test)]
    pub(crate) fn shown(&self) -> Vec<String> {
        self.lines.iter().map(Step::headline).collect()
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
    r.why = format!(
        "the debugger's port of a python -m debugpy --listen session; the same command on debugger port {port}, its app on port {app}: the first session holds the app's"
    );
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
        r.lines.push(Step::say(format!(
            "then set the attach configuration's \"connect\": {{\"port\": {port}}}"
        )));
    }
    let secret = |c: &Command| c.argv().iter().any(|w| w.to_string_lossy().contains(REDACTED));
    if r.lines.iter().any(|l| l.run.as_ref().is_some_and(secret)) {
        r.lines = vec![Step::say(format!(
            "start it again as before with port {port}: its command holds a secret portcheck does not print"
        ))];
    }
    // A line portcheck will not print (a control character in the folder
    // or a word) still says how this server takes a port, in words: the
    // generic forms (PORT, --port) can be wrong for it.
    let had = r.lines.iter().any(|l| l.run.is_some());
    r.lines.retain(|l| l.run.as_ref().is_none_or(|c| c.unsafe_word().is_none()));
    if had && !r.lines.iter().any(|l| l.run.is_some()) {
        r.lines.insert(0, Step::say(format!(
            "start it again as before with port {port}: its folder or command holds a character portcheck does not print"
        )));
    }
    (!r.lines.is_empty()).then_some(r)
}

fn recognised(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    if h.role == Role::Session {
        return Some(
            Remedy::words(
                "a port of a debug session: the debugger picks it anew each session",
                "nothing to move: stop the session in VS Code (Shift+F5)",
            )
            .staying(),
        );
    }
    if o.by_vscode() {
        return Some(vscode(o, port));
    }
    if o.kind == Kind::DebugpyAdapter {
        return Some(Remedy::words(
            "the debugger's port of a python -m debugpy --listen session",
            format!(
                "start the app again with --listen {port} (the debugpy option), and set the attach configuration's \"connect\": {{\"port\": {port}}}"
            ),
        ));
    }
    if o.kind.is_web_server() {
        return Some(web_server(o));
    }
    if h.role == Role::Inspector {
        return Some(Remedy::words(
            "the Node.js inspector's port",
            format!("start node with --inspect={port} (your app's own port stays)"),
        ));
    }
    python(h, here, port).or_else(|| node(h, here, port))
}

/// The Python servers, from the app's own argv.
fn python(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    let argv = &o.app;
    let line = |words: Vec<String>| Step::run(command(h, here, words, &[]));
    match o.kind {
        Kind::FlaskCli => {
            let (pre, rest) = tool(argv, "flask")?;
            Some(flask_cli(h, here, &pre, &rest, port))
        }
        Kind::FlaskScript => flask_script(h, here, port),
        Kind::Django => {
            let i = argv.iter().position(|a| base(a) == "manage.py")?;
            let mut r = django(&argv[..=i], &argv[i + 1..], port);
            r.lines = r.lines.into_iter().map(|l| relocate(h, here, l)).collect();
            Some(r)
        }
        Kind::HttpServer => {
            let (pre, rest) = tool(argv, "http.server")?;
            let mut r = http_server(&pre, &rest, port);
            r.lines = r.lines.into_iter().map(|l| relocate(h, here, l)).collect();
            Some(r)
        }
        Kind::Gunicorn => gunicorn(h, here, port),
        Kind::Hypercorn => {
            let (pre, rest) = tool(argv, "hypercorn")?;
            let mut r = bind_flag("hypercorn", &pre, &rest, port);
            r.lines = r.lines.into_iter().map(|l| relocate(h, here, l)).collect();
            Some(r)
        }
        Kind::Uvicorn => {
            let (mut words, rest) = tool(argv, "uvicorn")?;
            words.extend(without_flag(&rest, &["--port"]));
            words.extend(["--port".to_string(), port.to_string()]);
            Some(Remedy {
                why: "uvicorn takes --port (it does not read PORT)".into(),
                lines: vec![line(words)],
                moves: true,
            })
        }
        _ => None,
    }
}

/// A step's command run where and as the holder ran (`cd DIR &&`,
/// `sudo -u USER`, the tool's path unless the same file is on PATH here).
fn relocate(h: &Holder, here: &Here, step: Step) -> Step {
    match step.run {
        Some(c) => {
            let words: Vec<String> =
                c.argv().iter().map(|w| w.to_string_lossy().into_owned()).collect();
            Step { note: step.note, run: Some(command(h, here, words, &[])) }
        }
        None => step,
    }
}

/// The command `words` with `env` assignments, to run as the holder ran:
/// in its folder when that is not portcheck's, as its user when that is
/// not portcheck's (`sudo -u USER env NAME=V …`), its program by base name
/// only when that name on portcheck's PATH is the same file as the
/// holder's.
pub(crate) fn command(
    h: &Holder,
    here: &Here,
    mut words: Vec<String>,
    env: &[(&str, String)],
) -> Command {
    let o = h.origin;
    if let Some(first) = words.first_mut() {
        *first = short(first, o, here);
    }
    // The same debugpy wrapper, on a free port; its `--connect` and token
    // plumbing belong to the running instance and are never copied.
    if let Some(listen) = &h.listen
        && words.first().is_some_and(|w| base(w).starts_with("python"))
    {
        let mut wrap: Vec<String> =
            vec!["-m".into(), "debugpy".into(), "--listen".into(), listen.clone()];
        if o.debugpy_opt("--wait-for-client").is_some() {
            wrap.push("--wait-for-client".into());
        }
        words.splice(1..1, wrap);
    }
    let sudo = match (o.uid, here.uid) {
        (Some(theirs), Some(mine)) if theirs != mine => {
            Some(o.user.clone().unwrap_or_else(|| format!("#{theirs}")))
        }
        _ => None,
    };
    let mut cmd = match sudo {
        Some(user) => {
            let mut w: Vec<String> = vec!["sudo".into(), "-u".into(), user];
            if !env.is_empty() {
                w.push("env".into());
                w.extend(env.iter().map(|(n, v)| format!("{n}={v}")));
            }
            w.extend(words);
            Command::new(w)
        }
        None => env.iter().fold(Command::new(words), |c, (n, v)| {
            c.env(n, v.clone()).expect("advice variables are names")
        }),
    };
    if let Some(dir) = o.cwd_path()
        && here.cwd.as_deref() != Some(dir)
    {
        cmd = cmd.in_dir(dir);
    }
    cmd
}

/// `word` (a program as the holder ran it) as the reader types it: its
/// base name when that name on the reader's PATH is the very file the
/// holder ran (device and inode), else the path (the holder's own PATH
/// resolves a bare name).
fn short(word: &str, o: &Started, here: &Here) -> String {
    let name = base(word);
    let cwd = o.cwd_path();
    let theirs = if word.contains('/') {
        Some(cwd.map_or_else(|| PathBuf::from(word), |d| d.join(word)))
    } else {
        which(name, o.path.as_deref().map(OsStr::new), cwd)
    };
    let mine = which(name, here.path.as_deref(), here.cwd.as_deref());
    match (theirs, mine) {
        (Some(t), Some(m)) if crate::host::same_file(&t, &m) => name.to_string(),
        (Some(t), _) if !word.contains('/') && t.is_absolute() => t.to_string_lossy().into_owned(),
        _ => word.to_string(),
    }
}

/// The first `dir/name` on `path` that exists.
fn which(name: &str, path: Option<&OsStr>, cwd: Option<&Path>) -> Option<PathBuf> {
    std::env::split_paths(path?).find_map(|d| {
        let d = if d.is_relative() { cwd?.join(d) } else { d };
        let f = d.join(name);
        f.symlink_metadata().is_ok().then_some(f)
    })
}

/// `flask … run …` again on `port`, with what came from the environment
/// written out (`--app`, `--debug`, `--host`: a shell elsewhere has none of
/// the holder's variables), and the same with FLASK_RUN_PORT.
fn flask_cli(h: &Holder, here: &Here, pre: &[String], rest: &[String], port: u16) -> Remedy {
    let set = &h.origin.settings;
    fn from_env(s: Option<&Setting<String>>) -> Option<&Setting<String>> {
        s.filter(|s| matches!(s.source, Source::Env { .. }))
    }
    let mut words: Vec<String> = pre.to_vec();
    if let Some(app) = from_env(set.app.as_ref()) {
        words.extend(["--app".to_string(), app.value.clone()]);
    }
    let mut rest = without_flag(rest, &["--port", "-p"]);
    let run_at = rest.iter().position(|a| a == "run").map_or(rest.len(), |i| i + 1);
    let mut extra: Vec<String> = Vec::new();
    if let Some(host) = from_env(set.host.as_ref()) {
        extra.extend(["--host".to_string(), host.value.clone()]);
    }
    if set.debug.as_ref().is_some_and(|d| d.value && matches!(d.source, Source::Env { .. })) {
        extra.push("--debug".into());
    }
    rest.splice(run_at..run_at, extra);
    words.extend(rest);
    let env_line = command(h, here, words.clone(), &[("FLASK_RUN_PORT", port.to_string())]);
    words.extend(["--port".to_string(), port.to_string()]);
    Remedy {
        why: "flask run reads --port or FLASK_RUN_PORT, not PORT".into(),
        lines: vec![Step::run(command(h, here, words, &[])), Step::run(env_line)],
        moves: true,
    }
}

/// `python app.py`: `app.run()` as written with the port changed, the same
/// app through `flask run` with the same host and debug, and the PORT
/// form the guides teach, made true.
fn flask_script(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    let script = o.script.as_ref()?;
    let file = &script.word;
    let at = o.app.iter().position(|a| a == file)?;
    let again: Vec<String> = o.app[..=at].iter().chain(&o.app[at + 1..]).cloned().collect();
    let call = |port_arg: String| run_call(script, &port_arg);
    let set = &o.settings;
    let mut cli: Vec<String> = vec!["flask".into(), "--app".into(), module_of(file), "run".into()];
    if let Some(host) = &set.host {
        cli.extend(["--host".to_string(), host.value.clone()]);
    }
    if set.debug.as_ref().is_some_and(|d| d.value) {
        cli.push("--debug".into());
    }
    cli.extend(["--port".to_string(), port.to_string()]);
    let old = set.port.as_ref().map_or(5000, |p| p.value);
    let mut lines = vec![
        Step::explained(
            format!("in {file}, call {}, then", call(port.to_string())),
            command(h, here, again.clone(), &[]),
        ),
        Step::explained("or the same app through flask run", command(h, here, cli, &[])),
        Step::explained(
            format!(
                "or let PORT choose: in {file}, import os and call {}, then",
                call(format!("int(os.environ.get(\"PORT\", {old}))"))
            ),
            command(h, here, again, &[("PORT", port.to_string())]),
        ),
    ];
    if script.run_args.is_none() {
        lines.truncate(2);
    }
    Some(Remedy {
        why: format!(
            "{file} sets the port in {}.run(); Flask ignores PORT and FLASK_RUN_PORT there",
            script.var
        ),
        lines,
        moves: true,
    })
}

/// The script's `VAR.run(…)` as written, its port argument `port_arg`.
fn run_call(script: &crate::started::Script, port_arg: &str) -> String {
    let args = script.run_args.clone().unwrap_or_default();
    let mut keep: Vec<String> =
        args.into_iter().filter(|a| !a.trim_start().starts_with("port")).collect();
    keep.push(format!("port={port_arg}"));
    format!("{}.run({})", script.var, keep.join(", "))
}

/// `flask --app` takes a module name or a file path.
fn module_of(file: &str) -> String {
    if file.contains('/') { file.to_string() } else { file.trim_end_matches(".py").to_string() }
}

/// gunicorn: `-b HOST:N`, without the running instance's pidfile and
/// daemon flags; from a setproctitle title, `gunicorn -b HOST:N APP`.
fn gunicorn(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    if o.settings.app.as_ref().is_some_and(|a| a.source == Source::Title) {
        let app = o.settings.app.as_ref()?.value.clone();
        let host = if h.address.contains(':') {
            format!("[{}]", h.address)
        } else {
            h.address.to_string()
        };
        let words = vec!["gunicorn".into(), "-b".into(), format!("{host}:{port}"), app];
        return Some(Remedy {
            why: "gunicorn takes -b HOST:PORT; its title replaced its command line, so its other flags are unknown".into(),
            lines: vec![Step::run(command(h, here, words, &[]))],
            moves: true,
        });
    }
    let (pre, rest) = tool(&o.app, "gunicorn")?;
    let rest = without_flag(&rest, &["-p", "--pid"]);
    let rest: Vec<String> = rest.into_iter().filter(|a| a != "-D" && a != "--daemon").collect();
    let mut r = bind_flag("gunicorn", &pre, &rest, port);
    r.lines = r.lines.into_iter().map(|l| relocate(h, here, l)).collect();
    Some(r)
}

/// nginx, Apache, Caddy: their port is their configuration's.
fn web_server(o: &Started) -> Remedy {
    // nginx's `-T` reads the configuration its master's `-c`/`-p` name;
    // the words rendered with the shell's quoting (no control character).
    let nginx = match o.control.as_slice() {
        [] => None,
        words => Some(Command::new(words.iter().cloned().chain(["-T".to_string()])))
            .filter(|c| c.unsafe_word().is_none())
            .map(|c| format!("{} | grep -n listen", c.render(crate::shell::here()))),
    };
    let (what, find) = match o.kind {
        Kind::Nginx => ("nginx", nginx.unwrap_or_else(|| "nginx -T | grep -n listen".into())),
        Kind::Apache => ("Apache", "apachectl -S".into()),
        _ => ("Caddy", "caddy adapt --config /etc/caddy/Caddyfile".into()),
    };
    Remedy::words(
        format!("{what} serves the ports its configuration names"),
        format!("its port is its config's listen (see: {find}); change it there, or stop it"),
    )
    .staying()
}

/// A VS Code launch session (F5 / Ctrl+F5): nothing to paste; what to
/// change in `launch.json`.
fn vscode(o: &Started, port: u16) -> Remedy {
    let module = o.app.iter().position(|a| a == "-m").and_then(|i| o.app.get(i + 1));
    let set = &o.settings;
    let change = match (module.map(String::as_str), o.kind) {
        (Some("flask"), _) => match set.port.as_ref().map(|p| (&p.source, p.value)) {
            Some((Source::Argv, old)) => format!(
                "in launch.json, change \"--port\", \"{old}\" in \"args\" to \"--port\", \"{port}\"; then start it again"
            ),
            Some((Source::Env { .. }, _)) => format!(
                "in launch.json, set \"env\": {{\"FLASK_RUN_PORT\": \"{port}\"}}; then start it again"
            ),
            _ => format!(
                "in launch.json, add \"--port\", \"{port}\" to \"args\", or set \"env\": {{\"FLASK_RUN_PORT\": \"{port}\"}}; then start it again"
            ),
        },
        (_, Kind::FlaskScript) => match &o.script {
            Some(s) => {
                let file = s.word.rsplit('/').next().unwrap_or(&s.word);
                format!("in {file}, call {}; then start it again", run_call(s, &port.to_string()))
            }
            None => format!("in your program, call app.run(port={port}); then start it again"),
        },
        _ => format!(
            "in launch.json, pass port {port} the way your app takes it (\"args\" or \"env\"); then start it again"
        ),
    };
    Remedy::words("VS Code started it from launch.json", change)
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

/// Vite, Next.js, webpack and Node apps started by a package script.
fn node(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    let p = port.to_string();
    let script = o.launchers.iter().find_map(|l| match l {
        Launcher::PackageScript { tool, script } => Some((tool.clone(), script.clone())),
        _ => None,
    });
    let cmd = |words: &[&str], env: &[(&str, String)]| {
        Step::run(command(h, here, words.iter().map(|w| (*w).to_string()).collect(), env))
    };
    if let (Some((tool, name)), Some(pkg)) = (&script, &o.package) {
        let run: Vec<&str> =
            if name == "start" { vec![tool, "start"] } else { vec![tool, "run", name] };
        let (why, line) = match pkg {
            Package::PortFlag => {
                // npm passes a script's arguments after `--`; yarn and
                // pnpm pass what follows the script's name.
                let mut w = run.clone();
                if tool == "npm" {
                    w.push("--");
                }
                w.extend(["--port", &p]);
                ("its package.json script runs a server that takes --port", cmd(&w, &[]))
            }
            Package::PortEnv => (
                "its package.json script runs a server that reads PORT",
                cmd(&run, &[("PORT", p.clone())]),
            ),
            Package::Elsewhere { file } => {
                return Some(Remedy::words(
                    "its package.json script does not take a port portcheck can see",
                    format!(
                        "change the port where {file} sets it, then {tool} {} again",
                        if name == "start" { "start".to_string() } else { format!("run {name}") }
                    ),
                ));
            }
        };
        return Some(Remedy { why: why.into(), lines: vec![line], moves: true });
    }
    let r = |why: &str, lines: Vec<Step>| Some(Remedy { why: why.into(), lines, moves: true });
    match o.kind {
        Kind::Vite => r(
            "Vite takes --port (it does not read PORT)",
            vec![cmd(&["npx", "vite", "--port", &p], &[])],
        ),
        Kind::Next => {
            let sub = if o.app.iter().any(|a| a == "start") { "start" } else { "dev" };
            r(
                "Next.js takes -p/--port or reads PORT",
                vec![cmd(&["npx", "next", sub, "--port", &p], &[])],
            )
        }
        Kind::Webpack => r(
            "webpack-dev-server takes --port",
            vec![cmd(&["npx", "webpack", "serve", "--port", &p], &[])],
        ),
        _ => None,
    }
}

/// Generic forms, for a program portcheck does not recognise: they say
/// what they assume.
/// There is no command to give without the app's own: sentences.
pub(crate) fn generic(port: u16) -> Remedy {
    Remedy {
        why: "if your app reads $PORT, or takes a --port flag".into(),
        lines: vec![
            Step::say(format!(
                "if your app reads $PORT: start it with PORT={port} in its environment"
            )),
            Step::say(format!("if it takes --port: start it with --port {port}")),
        ],
        moves: true,
    }
}

/// `PORT=N WORD…`.
pub(crate) fn with_port<W: Into<std::ffi::OsString>>(
    port: &str,
    words: impl IntoIterator<Item = W>,
) -> Step {
    Step::run(Command::new(words).env("PORT", port).expect("PORT is a name"))
}

/// `flask … run …` again with `--port`, and the same with FLASK_RUN_PORT.
pub(crate) fn flask_run(pre: &[String], rest: &[String], port: u16) -> Remedy {
    let rest = without_flag(rest, &["--port", "-p"]);
    let mut with_flag: Vec<String> = pre.to_vec();
    with_flag.extend(rest.iter().cloned());
    let env_line = Command::new(with_flag.clone())
        .env("FLASK_RUN_PORT", port.to_string())
        .expect("FLASK_RUN_PORT is a name");
    with_flag.extend(["--port".to_string(), port.to_string()]);
    Remedy {
        why: "flask run reads --port or FLASK_RUN_PORT, not PORT".into(),
        lines: vec![run(with_flag), Step::run(env_line)],
        moves: true,
    }
}

/// `python manage.py runserver [ADDR:]N`.
pub(crate) fn django(pre: &[String], rest: &[String], port: u16) -> Remedy {
    let mut line: Vec<String> = pre.to_vec();
    let mut replaced = false;
    let mut after_runserver = false;
    for a in rest {
        if after_runserver && !replaced && !a.starts_with('-') {
            replaced = true;
            line.push(match a.rsplit_once(':') {
                Some((host, _)) => format!("{host}:{port}"),
                None if a.bytes().all(|b| b.is_ascii_digit()) => port.to_string(),
                None => format!("{a}:{port}"),
            });
            continue;
        }
        after_runserver |= a == "runserver";
        line.push(a.clone());
    }
    if !replaced {
        line.push(port.to_string());
    }
    Remedy {
        why: "Django's runserver takes the port as its argument (it does not read PORT)".into(),
        lines: vec![run(line)],
        moves: true,
    }
}

/// `python -m http.server N`: the port is the positional argument.
fn http_server(pre: &[String], rest: &[String], port: u16) -> Remedy {
    let mut line: Vec<String> = pre.to_vec();
    let mut skip = false;
    let mut replaced = false;
    for a in rest {
        if skip {
            skip = false;
        } else if ["-b", "--bind", "-d", "--directory", "-p", "--protocol"].contains(&a.as_str()) {
            skip = true;
        } else if !a.starts_with('-') && !replaced {
            replaced = true;
            line.push(port.to_string());
            continue;
        }
        line.push(a.clone());
    }
    if !replaced {
        line.push(port.to_string());
    }
    Remedy {
        why: "python -m http.server takes the port as its argument".into(),
        lines: vec![run(line)],
        moves: true,
    }
}

/// gunicorn and hypercorn: `-b HOST:N`, keeping the host they were bound to.
fn bind_flag(server: &str, pre: &[String], rest: &[String], port: u16) -> Remedy {
    let mut line: Vec<String> = pre.to_vec();
    let mut host = None;
    let mut i = 0;
    while i < rest.len() {
        let a = &rest[i];
        let value = if a == "-b" || a == "--bind" {
            i += 1;
            rest.get(i).cloned()
        } else if let Some(v) = a.strip_prefix("--bind=").or_else(|| a.strip_prefix("-b")) {
            Some(v.to_string())
        } else {
            line.push(a.clone());
            None
        };
        if let Some(v) = value
            && host.is_none()
        {
            host = Some(v.rsplit_once(':').map_or(v.clone(), |(h, _)| h.to_string()));
        }
        i += 1;
    }
    let host = host.filter(|h| !h.is_empty()).unwrap_or_else(|| "127.0.0.1".into());
    line.insert(pre.len(), format!("{host}:{port}"));
    line.insert(pre.len(), "-b".into());
    Remedy {
        why: format!("{server} takes -b/--bind HOST:PORT"),
        lines: vec![run(line)],
        moves: true,
    }
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
mod tests;
