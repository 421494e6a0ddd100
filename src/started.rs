//! How each holder was started, as data: its kind, the launchers that
//! started it (VS Code, debugpy, an npm script, systemd), its working
//! directory and the settings that decide the advice, each with where it
//! came from (argv, the environment, the script). Built once per holder
//! in the inspect layer, read by the hints, the development-server
//! warning, the remedies, `--suggest`, `--kill` and JSON.
//!
//! Sources: argv, the environment portcheck keeps, `/proc/PID/cwd`, the
//! parent's argv, and for `python SCRIPT.py` the script itself (opened
//! relative to the holder's folder the paste-safe way, read once, up to
//! 256 KiB) where only literal `Flask(` and `app.run(…)` arguments are
//! read; what is not literal is said to be unknown.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::hint::{self, Kind, Launcher};
use crate::process::ProcessInfo;

/// Where a setting came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub(crate) enum Source {
    /// The command line.
    Argv,
    /// An environment variable (`FLASK_RUN_PORT`, `PORT`).
    Env { name: String },
    /// A dotenv file in the holder's folder (`.flaskenv`, `.env`), which
    /// `flask run` reads again there.
    DotEnv { file: String },
    /// The script, literally (`app.run(port=5000)` in `app.py`).
    Script { file: String },
    /// The process title a server wrote over its argv (setproctitle).
    Title,
}

/// One setting and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Setting<T> {
    pub(crate) value: T,
    #[serde(flatten)]
    pub(crate) source: Source,
}

/// The settings that decide the advice; absent when not set anywhere
/// portcheck can read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Settings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) host: Option<Setting<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) port: Option<Setting<u16>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) debug: Option<Setting<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reload: Option<Setting<bool>>,
    /// The app target (`--app app`, `FLASK_APP`, `app:app`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) app: Option<Setting<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pidfile: Option<Setting<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) daemon: Option<Setting<bool>>,
    /// What portcheck could not read literally ("app.run(port=…) in
    /// app.py is not a literal").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) unknown: Vec<String>,
}

/// `python SCRIPT.py`: the script as written and its literal `app.run()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Script {
    /// The script's word in argv (`app.py`, `src/app.py`).
    pub(crate) word: String,
    /// `app.run(…)`'s arguments as written (`host='0.0.0.0'`,
    /// `debug=True`), the port's among them; `None` when the script has
    /// no literal `NAME.run(` call of a literal `Flask(` app.
    pub(crate) run_args: Option<Vec<String>>,
    /// The app variable (`app` in `app = Flask(__name__)`).
    pub(crate) var: String,
}

/// What a package.json script runs, for the way it takes a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Package {
    /// vite, next or `webpack serve`: `npm start -- --port N`.
    PortFlag,
    /// react-scripts, or `node FILE` whose FILE reads `process.env.PORT`.
    PortEnv,
    /// Anything else: the port is set where FILE (or the script) sets it.
    Elsewhere { file: String },
}

/// How one holder was started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Started {
    pub(crate) kind: Kind,
    /// What started it, nearest first.
    pub(crate) launchers: Vec<Launcher>,
    /// Its working directory.
    pub(crate) cwd: Option<String>,
    pub(crate) settings: Settings,
    /// The app's own command (argv without a debugpy wrapper).
    #[serde(skip)]
    pub(crate) app: Vec<String>,
    /// debugpy's options when debugpy wraps the app.
    #[serde(skip)]
    pub(crate) debugpy: Vec<(String, String)>,
    #[serde(skip)]
    pub(crate) script: Option<Script>,
    #[serde(skip)]
    pub(crate) package: Option<Package>,
    /// The holder's PATH, to tell whether a tool's base name is the same
    /// file for the person reading the advice.
    #[serde(skip)]
    pub(crate) path: Option<String>,
    #[serde(skip)]
    pub(crate) uid: Option<u32>,
    #[serde(skip)]
    pub(crate) user: Option<String>,
    /// nginx: its program as its master was started and the options that
    /// find its configuration (`-c FILE`, `-p PREFIX`, `-g DIRECTIVES`),
    /// from the master's title; `nginx -s stop` reads the pid file that
    /// configuration names.
    #[serde(skip)]
    pub(crate) control: Vec<String>,
}

impl Started {
    /// Nothing known (a hand-built report in tests).
    #[cfg(test)]
    pub(crate) fn unknown() -> Started {
        Started {
            kind: Kind::Unknown,
            launchers: Vec::new(),
            cwd: None,
            settings: Settings::default(),
            app: Vec::new(),
            debugpy: Vec::new(),
            script: None,
            package: None,
            path: None,
            uid: None,
            user: None,
            control: Vec::new(),
        }
    }

    /// A debugpy option's value (`--listen`).
    pub(crate) fn debugpy_opt(&self, name: &str) -> Option<&str> {
        self.debugpy.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Whether `port` is one of a debuggee's own session ports, not its
    /// app's: under debugpy's `--connect` (a VS Code launch session), a
    /// port other than the app's (or, with the app's unknown, an
    /// ephemeral one).
    pub(crate) fn is_session_port(&self, port: u16, ephemeral: (u16, u16)) -> bool {
        let debuggee = self.debugpy.iter().any(|(n, _)| n == "--connect");
        debuggee
            && match &self.settings.port {
                Some(p) => p.value != port,
                None => (ephemeral.0..=ephemeral.1).contains(&port),
            }
    }

    /// Whether a VS Code launch session started it.
    pub(crate) fn by_vscode(&self) -> bool {
        self.launchers.iter().any(|l| matches!(l, Launcher::VscodeDebug | Launcher::VscodeRun))
    }

    pub(crate) fn cwd_path(&self) -> Option<&Path> {
        self.cwd.as_deref().map(Path::new)
    }
}

/// How `p` was started; `peers` are the other holders of its socket.
pub(crate) fn of(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Started {
    let kind = hint::kind(p, peers);
    let (app, debugpy) = hint::unwrap_debugpy(&p.command);
    let cwd = p.cwd.as_ref().map(|c| c.to_string_lossy().into_owned());
    let mut s = Started {
        kind,
        launchers: launchers(p, &debugpy),
        cwd,
        settings: Settings::default(),
        app,
        debugpy,
        script: None,
        package: None,
        path: p.env("PATH").map(String::from),
        uid: p.uid,
        user: p.user.clone(),
        control: Vec::new(),
    };
    let dir = p.cwd.clone();
    match kind {
        Kind::FlaskCli => flask_cli(&mut s, p, dir.as_deref()),
        Kind::FlaskScript => flask_script(&mut s, dir.as_deref()),
        Kind::Gunicorn => gunicorn(&mut s),
        Kind::Uvicorn | Kind::Django => {
            let reload = s.app.iter().any(|a| a == "--reload") || p.env("RUN_MAIN").is_some();
            let noreload = s.app.iter().any(|a| a == "--noreload");
            s.settings.reload = Some(Setting {
                value: reload || (kind == Kind::Django && !noreload),
                source: Source::Argv,
            });
        }
        _ => {}
    }
    if kind == Kind::Unknown
        && let Some(script) = python_script(&s.app)
        && let Some(text) = dir.as_deref().and_then(|d| crate::host::read_small(d, &script))
        && text.contains("Flask(")
    {
        s.kind = Kind::FlaskScript;
        flask_script(&mut s, dir.as_deref());
    }
    if kind == Kind::Nginx {
        s.control = nginx_master(&p.command)
            .or_else(|| nginx_master(&p.parent_command))
            .unwrap_or_default();
    }
    if s.launchers.iter().any(|l| matches!(l, Launcher::PackageScript { .. })) {
        s.package = package(p, dir.as_deref());
    }
    s
}

/// From an nginx master's title (`nginx: master process /usr/sbin/nginx
/// -c FILE -p DIR`, one word or several): its program and the options
/// that find its configuration (`-c`, `-p`, `-g` with its directives,
/// which may hold spaces, as one word).
fn nginx_master(title: &[String]) -> Option<Vec<String>> {
    let joined = title.join(" ");
    let rest = joined.strip_prefix("nginx: master process ")?;
    let mut words = rest.split_whitespace();
    let mut out = vec![words.next()?.to_string()];
    let mut words = words.peekable();
    while let Some(w) = words.next() {
        if !matches!(w, "-c" | "-p" | "-g") {
            continue;
        }
        let mut value: Vec<&str> = Vec::new();
        while let Some(v) = words.next_if(|v| !v.starts_with('-') || value.is_empty()) {
            value.push(v);
            if w != "-g" {
                break;
            }
        }
        if !value.is_empty() {
            out.extend([w.to_string(), value.join(" ")]);
        }
    }
    Some(out)
}

/// What started `p`: a VS Code launch session (debugpy's launcher as its
/// parent), debugpy `--listen`, an npm/yarn/pnpm script (npm's
/// variables in its environment, set past the `sh -c` it runs scripts
/// through), its systemd unit.
fn launchers(p: &ProcessInfo, debugpy: &[(String, String)]) -> Vec<Launcher> {
    let mut out = Vec::new();
    if p.parent_command.iter().any(|a| a.contains("debugpy/launcher")) {
        let debugging = debugpy.iter().any(|(n, _)| n == "--connect");
        out.push(if debugging { Launcher::VscodeDebug } else { Launcher::VscodeRun });
    } else if let Some((_, listen)) = debugpy.iter().find(|(n, _)| n == "--listen") {
        let wait_for_client = debugpy.iter().any(|(n, _)| n == "--wait-for-client");
        out.push(Launcher::Debugpy { listen: listen.clone(), wait_for_client });
    }
    if let (Some(script), Some(agent)) =
        (p.env("npm_lifecycle_event"), p.env("npm_config_user_agent"))
    {
        let tool = agent.split('/').next().unwrap_or("npm").to_string();
        out.push(Launcher::PackageScript { tool, script: script.to_string() });
    }
    out.extend(p.unit.iter().map(Launcher::of_unit));
    if let Some(runtime) = &p.container {
        out.push(Launcher::Container { runtime: runtime.clone() });
    }
    let shells = ["bash", "zsh", "fish", "sh", "dash", "ksh", "tcsh", "nu", "pwsh"];
    if let Some((_, name)) = p.ancestors.iter().find(|(_, n)| shells.contains(&n.as_str())) {
        out.push(Launcher::Shell { name: name.clone() });
    }
    out
}

/// The value after `flag` (`--port 5000`, `--port=5000`, `-p5000`).
pub(crate) fn flag_value(args: &[String], flags: &[&str]) -> Option<String> {
    args.iter().enumerate().find_map(|(i, a)| {
        flags.iter().find_map(|f| {
            if a == f {
                return args.get(i + 1).cloned();
            }
            let v = a.strip_prefix(f)?;
            v.strip_prefix('=').map(String::from).or_else(|| {
                (f.len() == 2 && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| v.to_string())
            })
        })
    })
}

fn env_setting(p: &ProcessInfo, name: &str) -> Option<Setting<String>> {
    p.env(name).map(|v| Setting { value: v.to_string(), source: Source::Env { name: name.into() } })
}

/// `flask run`: argv first, then `FLASK_*` in the environment.
fn flask_cli(s: &mut Started, p: &ProcessInfo, dir: Option<&Path>) {
    let argv = &s.app;
    let arg = |flags: &[&str]| {
        flag_value(argv, flags).map(|v| Setting { value: v, source: Source::Argv })
    };
    let dotenv = |name: &str| dir.and_then(|d| dotenv_setting(d, name));
    let env_setting = |p: &ProcessInfo, name: &str| env_setting(p, name).or_else(|| dotenv(name));
    let set = &mut s.settings;
    set.host = arg(&["--host", "-h"]).or_else(|| env_setting(p, "FLASK_RUN_HOST"));
    set.port = arg(&["--port", "-p"])
        .or_else(|| env_setting(p, "FLASK_RUN_PORT"))
        .and_then(|v| Some(Setting { value: v.value.parse().ok()?, source: v.source }));
    set.app = arg(&["--app", "-A"]).or_else(|| env_setting(p, "FLASK_APP"));
    let flag = |on: &str, off: &str| {
        argv.iter()
            .rev()
            .find_map(|a| (a == on).then_some(true).or_else(|| (a == off).then_some(false)))
    };
    set.debug = flag("--debug", "--no-debug")
        .map(|v| Setting { value: v, source: Source::Argv })
        .or_else(|| {
            let v = env_setting(p, "FLASK_DEBUG")?;
            Some(Setting {
                value: !["0", "false", "no", ""].contains(&v.value.to_lowercase().as_str()),
                source: v.source,
            })
        });
    set.reload =
        flag("--reload", "--no-reload").map(|v| Setting { value: v, source: Source::Argv });
}

/// `NAME=VALUE` from `.flaskenv`, else `.env`, in `dir` (as `flask run`
/// reads them with python-dotenv; the environment wins over both).
fn dotenv_setting(dir: &Path, name: &str) -> Option<Setting<String>> {
    [".flaskenv", ".env"].iter().find_map(|file| {
        let text = crate::host::read_small(dir, file)?;
        text.lines().find_map(|l| {
            let l = l.trim().trim_start_matches("export ");
            let (k, v) = l.split_once('=')?;
            let v = v.trim().trim_matches(['"', '\'']).to_string();
            (k.trim() == name)
                .then(|| Setting { value: v, source: Source::DotEnv { file: (*file).to_string() } })
        })
    })
}

/// The script of `python [OPTS] SCRIPT.py`.
fn python_script(app: &[String]) -> Option<String> {
    let exe = app.first()?.rsplit('/').next()?;
    if !exe.starts_with("python") {
        return None;
    }
    let mut i = 1;
    while let Some(a) = app.get(i) {
        if a == "-m" || a == "-c" {
            return None;
        }
        if !a.starts_with('-') {
            return a.ends_with(".py").then(|| a.clone());
        }
        i += if ["-X", "-W"].contains(&a.as_str()) { 2 } else { 1 };
    }
    None
}

/// `python app.py`: `app.run()`'s literal arguments, read from the script.
fn flask_script(s: &mut Started, dir: Option<&Path>) {
    let Some(word) = python_script(&s.app) else { return };
    let file = word.clone();
    let text = dir.and_then(|d| crate::host::read_small(d, &word));
    let Some(text) = text else {
        s.settings.unknown.push(format!("{file} could not be read"));
        s.script = Some(Script { word, run_args: None, var: "app".into() });
        return;
    };
    let var = flask_var(&text).unwrap_or_else(|| "app".into());
    let run_args = run_call(&text, &var);
    let from = || Source::Script { file: file.clone() };
    if let Some(args) = &run_args {
        for a in args {
            let (key, value) =
                a.split_once('=').map_or(("", a.as_str()), |(k, v)| (k.trim(), v.trim()));
            let literal = |v: &str| {
                v.strip_prefix('\'')
                    .and_then(|v| v.strip_suffix('\''))
                    .or_else(|| v.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
                    .map(String::from)
            };
            match key {
                "host" => match literal(value) {
                    Some(h) => s.settings.host = Some(Setting { value: h, source: from() }),
                    None => s
                        .settings
                        .unknown
                        .push(format!("app.run(host={value}) in {file} is not a literal")),
                },
                "port" => match value.parse() {
                    Ok(n) => s.settings.port = Some(Setting { value: n, source: from() }),
                    Err(_) => s
                        .settings
                        .unknown
                        .push(format!("app.run(port={value}) in {file} is not a literal")),
                },
                "debug" | "use_reloader" => match value {
                    "True" | "False" => {
                        let v = Setting { value: value == "True", source: from() };
                        if key == "debug" {
                            s.settings.debug = Some(v)
                        } else {
                            s.settings.reload = Some(v)
                        }
                    }
                    _ => s
                        .settings
                        .unknown
                        .push(format!("app.run({key}={value}) in {file} is not a literal")),
                },
                _ => {}
            }
        }
    } else {
        s.settings.unknown.push(format!("{file} has no literal {var}.run(…) call"));
    }
    s.settings.app = Some(Setting { value: file.clone(), source: Source::Argv });
    s.script = Some(Script { word, run_args, var });
}

/// The variable a literal `NAME = Flask(` assigns.
fn flask_var(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (lhs, rhs) = l.split_once('=')?;
        let name = lhs.trim();
        let ident = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        (ident && rhs.trim_start().starts_with("Flask(")).then(|| name.to_string())
    })
}

/// The arguments of the first `VAR.run(…)` call, split at top-level
/// commas, as written (`host='0.0.0.0'`, `debug=True`).
fn run_call(text: &str, var: &str) -> Option<Vec<String>> {
    let call = format!("{var}.run(");
    let at = text.find(&call)? + call.len();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut args = Vec::new();
    let mut cur = String::new();
    for c in text[at..].chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')') if depth == 0 => {
                if !cur.trim().is_empty() {
                    args.push(cur.trim().to_string());
                }
                return Some(args);
            }
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                args.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    None
}

/// gunicorn: `-b HOST:PORT`, the pidfile and daemon flags, or the title
/// setproctitle wrote (`gunicorn: master [app:app]`).
fn gunicorn(s: &mut Started) {
    let argv = &s.app;
    if let Some(title) = argv.first().filter(|t| t.starts_with("gunicorn:")) {
        let app = title.split_once('[').and_then(|(_, a)| a.strip_suffix(']'));
        s.settings.app = app.map(|a| Setting { value: a.to_string(), source: Source::Title });
        s.settings
            .unknown
            .push("gunicorn's other flags (its title replaced its command line)".into());
        return;
    }
    let arg = |flags: &[&str]| {
        flag_value(argv, flags).map(|v| Setting { value: v, source: Source::Argv })
    };
    s.settings.host = arg(&["-b", "--bind"]);
    s.settings.pidfile = arg(&["-p", "--pid"]);
    let daemon = argv.iter().any(|a| a == "-D" || a == "--daemon");
    s.settings.daemon = daemon.then_some(Setting { value: true, source: Source::Argv });
}

/// package.json in the holder's folder: how its script takes a port.
fn package(p: &ProcessInfo, dir: Option<&Path>) -> Option<Package> {
    let json_path = p
        .env("npm_package_json")
        .map(PathBuf::from)
        .or_else(|| dir.map(|d| d.join("package.json")))?;
    let text = crate::host::read_small(Path::new(""), &json_path.to_string_lossy())?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let name = p.env("npm_lifecycle_event")?;
    let script = v["scripts"][name].as_str()?.to_string();
    let words: Vec<&str> = script.split_whitespace().collect();
    if words.iter().any(|w| ["vite", "next"].contains(w)) || script.contains("webpack serve") {
        return Some(Package::PortFlag);
    }
    if words.contains(&"react-scripts") {
        return Some(Package::PortEnv);
    }
    let file = words
        .iter()
        .position(|w| *w == "node")
        .and_then(|i| words.get(i + 1))
        .map(|f| f.to_string());
    match file {
        Some(f) => {
            let folder = json_path.parent().unwrap_or(Path::new("."));
            let reads =
                crate::host::read_small(folder, &f).is_some_and(|t| t.contains("process.env.PORT"));
            Some(if reads { Package::PortEnv } else { Package::Elsewhere { file: f } })
        }
        None => Some(Package::Elsewhere { file: "package.json".into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::ProcessInfo;

    #[test]
    fn app_run_arguments_are_read_as_written() {
        let t = "from flask import Flask\nweb = Flask(__name__)\nif __name__ == '__main__':\n    web.run(host='0.0.0.0', debug=True, port=int(os.environ.get(\"PORT\", 5000)))\n";
        assert_eq!(flask_var(t).as_deref(), Some("web"));
        assert_eq!(
            run_call(t, "web").unwrap(),
            ["host='0.0.0.0'", "debug=True", "port=int(os.environ.get(\"PORT\", 5000))"]
        );
        assert_eq!(run_call("app.run()", "app").unwrap(), Vec::<String>::new());
        assert_eq!(run_call("app.run(", "app"), None);
    }

    /// nginx's master title, as one word (what /proc shows) or several:
    /// its program and `-c`, `-p`, `-g` (directives with spaces kept).
    #[test]
    fn nginx_master_title_gives_its_configuration_options() {
        let one = ["nginx: master process /opt/nginx -c /e/n.conf -p /e -g daemon on; pid /r/p;"
            .to_string()];
        assert_eq!(
            nginx_master(&one).unwrap(),
            ["/opt/nginx", "-c", "/e/n.conf", "-p", "/e", "-g", "daemon on; pid /r/p;"]
        );
        let several: Vec<String> =
            "nginx: master process nginx".split(' ').map(String::from).collect();
        assert_eq!(nginx_master(&several).unwrap(), ["nginx"]);
        assert_eq!(nginx_master(&["nginx: worker process".to_string()]), None);
    }

    #[test]
    fn flags_and_scripts() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            flag_value(&v(&["run", "--port=5000"]), &["--port", "-p"]).as_deref(),
            Some("5000")
        );
        assert_eq!(flag_value(&v(&["run", "-p5000"]), &["--port", "-p"]).as_deref(), Some("5000"));
        assert_eq!(flag_value(&v(&["run", "--pid", "x"]), &["-p"]), None);
        assert_eq!(python_script(&v(&["python3", "-u", "app.py"])).as_deref(), Some("app.py"));
        assert_eq!(python_script(&v(&["python3", "-m", "flask"])), None);
        assert_eq!(python_script(&v(&["node", "app.py"])), None);
    }

    #[test]
    fn flask_settings_say_where_they_came_from() {
        let dir = std::env::temp_dir().join(format!("portcheck-dotenv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(".flaskenv"), "FLASK_APP=hello\nFLASK_RUN_PORT='5005'\n").unwrap();
        let mut p = ProcessInfo::bare(
            9,
            ["python3", "-m", "flask", "run", "--debug"].map(String::from).into(),
        );
        p.cwd = Some(dir.clone());
        p.env = vec![("FLASK_RUN_HOST".into(), "0.0.0.0".into())];
        let s = of(&p, &[]);
        let _ = std::fs::remove_dir_all(&dir);
        let set = s.settings;
        let dotenv = Source::DotEnv { file: ".flaskenv".into() };
        assert_eq!(set.app, Some(Setting { value: "hello".into(), source: dotenv.clone() }));
        assert_eq!(set.port, Some(Setting { value: 5005, source: dotenv }));
        assert_eq!(set.host.unwrap().source, Source::Env { name: "FLASK_RUN_HOST".into() });
        assert_eq!(set.debug, Some(Setting { value: true, source: Source::Argv }));
    }
}
