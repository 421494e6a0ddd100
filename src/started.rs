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

use std::path::Path;

use serde::Serialize;

use crate::hint::{self, Kind, Launcher};
use crate::process::ProcessInfo;

mod nginx;
mod package;
mod python;

use nginx::nginx_master;
use package::package;
use python::{flask_cli, flask_script, gunicorn, python_script};

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
    pub(crate) unknown: Vec<crate::i18n::Msg>,
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

#[cfg(test)]
mod tests {
    use super::python::{flask_var, run_call};
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
