//! The Python servers' remedies: Flask (`flask run`, a script's
//! `app.run()`), Django's `runserver`, `python -m http.server`, gunicorn,
//! hypercorn and uvicorn, from the app's own argv.

use super::command::{command, relocate};
use super::{Here, Holder, Remedy, base, run, tool, with_env, without_flag};
use crate::hint::Kind;
use crate::i18n::msg;
use crate::shell::{Command, Step};
use crate::started::{Setting, Source};

/// The Python servers, from the app's own argv.
pub(super) fn python(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
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
            Some(Remedy { why: msg!("remedy-uvicorn"), lines: vec![line(words)], moves: true })
        }
        _ => None,
    }
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
        why: msg!("remedy-flask-run"),
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
            msg!("remedy-script-call", file = file, call = call(port.to_string())),
            command(h, here, again.clone(), &[]),
        ),
        Step::explained(msg!("remedy-script-flask-run"), command(h, here, cli, &[])),
        Step::explained(
            msg!(
                "remedy-script-env",
                file = file,
                call = call(format!("int(os.environ.get(\"PORT\", {old}))"))
            ),
            command(h, here, again, &[("PORT", port.to_string())]),
        ),
    ];
    if script.run_args.is_none() {
        lines.truncate(2);
    }
    Some(Remedy {
        why: msg!("remedy-script-why", file = file, var = &script.var),
        lines,
        moves: true,
    })
}

/// The script's `VAR.run(…)` as written, its port argument `port_arg`.
pub(super) fn run_call(script: &crate::started::Script, port_arg: &str) -> String {
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
            why: msg!("remedy-gunicorn-title"),
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

/// `flask … run …` again with `--port`, and the same with FLASK_RUN_PORT.
pub(crate) fn flask_run(pre: &[String], rest: &[String], port: u16) -> Remedy {
    let rest = without_flag(rest, &["--port", "-p"]);
    let mut with_flag: Vec<String> = pre.to_vec();
    with_flag.extend(rest.iter().cloned());
    let env_line = with_env(Command::new(with_flag.clone()), "FLASK_RUN_PORT", port.to_string());
    with_flag.extend(["--port".to_string(), port.to_string()]);
    Remedy {
        why: msg!("remedy-flask-run"),
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
    Remedy { why: msg!("remedy-django"), lines: vec![run(line)], moves: true }
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
    Remedy { why: msg!("remedy-http-server"), lines: vec![run(line)], moves: true }
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
    Remedy { why: msg!("remedy-bind-flag", server = server), lines: vec![run(line)], moves: true }
}
