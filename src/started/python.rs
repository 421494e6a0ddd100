//! The Python servers' settings: `flask run`'s from argv, the
//! environment and the dotenv files it reads; a `python SCRIPT.py`'s from
//! the script's literal `Flask(` and `app.run(…)`; gunicorn's from argv or
//! the title setproctitle wrote.

use crate::i18n::msg;
use std::path::Path;

use super::{Script, Setting, Source, Started, flag_value};
use crate::process::ProcessInfo;

fn env_setting(p: &ProcessInfo, name: &str) -> Option<Setting<String>> {
    p.env(name).map(|v| Setting { value: v.to_string(), source: Source::Env { name: name.into() } })
}

/// `flask run`: argv first, then `FLASK_*` in the environment.
pub(super) fn flask_cli(s: &mut Started, p: &ProcessInfo, dir: Option<&Path>) {
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
pub(super) fn python_script(app: &[String]) -> Option<String> {
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
pub(super) fn flask_script(s: &mut Started, dir: Option<&Path>) {
    let Some(word) = python_script(&s.app) else { return };
    let file = word.clone();
    let text = dir.and_then(|d| crate::host::read_small(d, &word));
    let Some(text) = text else {
        s.settings.unknown.push(msg!("started-unreadable", file = &file));
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
                    None => s.settings.unknown.push(msg!(
                        "started-not-literal",
                        call = format!("app.run(host={value})"),
                        file = &file
                    )),
                },
                "port" => match value.parse() {
                    Ok(n) => s.settings.port = Some(Setting { value: n, source: from() }),
                    Err(_) => s.settings.unknown.push(msg!(
                        "started-not-literal",
                        call = format!("app.run(port={value})"),
                        file = &file
                    )),
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
                    _ => s.settings.unknown.push(msg!(
                        "started-not-literal",
                        call = format!("app.run({key}={value})"),
                        file = &file
                    )),
                },
                _ => {}
            }
        }
    } else {
        s.settings.unknown.push(msg!("started-no-run-call", file = &file, var = &var));
    }
    s.settings.app = Some(Setting { value: file.clone(), source: Source::Argv });
    s.script = Some(Script { word, run_args, var });
}

/// The variable a literal `NAME = Flask(` assigns.
pub(super) fn flask_var(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (lhs, rhs) = l.split_once('=')?;
        let name = lhs.trim();
        let ident = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        (ident && rhs.trim_start().starts_with("Flask(")).then(|| name.to_string())
    })
}

/// The arguments of the first `VAR.run(…)` call, split at top-level
/// commas, as written (`host='0.0.0.0'`, `debug=True`).
pub(super) fn run_call(text: &str, var: &str) -> Option<Vec<String>> {
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
pub(super) fn gunicorn(s: &mut Started) {
    let argv = &s.app;
    if let Some(title) = argv.first().filter(|t| t.starts_with("gunicorn:")) {
        let app = title.split_once('[').and_then(|(_, a)| a.strip_suffix(']'));
        s.settings.app = app.map(|a| Setting { value: a.to_string(), source: Source::Title });
        s.settings.unknown.push(msg!("started-gunicorn-title"));
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
