//! "Use another port", said the way each framework really takes a port:
//! the holder's own command line rewritten for the new port when portcheck
//! recognises it (Flask, Django, `python -m http.server`, gunicorn,
//! uvicorn, hypercorn, Vite, Next.js, webpack), else the project in the
//! current directory (see `project`), else generic forms that say what
//! they assume. Pure: argv in, commands (words, `shell`) out.

use crate::shell::{Command, Step};

/// How to start a server on `port` instead: why these forms, and the
/// steps (a command, an explanation, or both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Remedy {
    /// What the lines are for: "Flask reads --port or FLASK_RUN_PORT, not PORT".
    pub(crate) why: String,
    pub(crate) lines: Vec<Step>,
}

impl Remedy {
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

/// What is known of a holder: its argv, the hint portcheck gave it, and
/// its ancestors' names (a Vite started by `npm run dev`).
pub(crate) struct Holder<'a> {
    pub(crate) command: &'a [String],
    pub(crate) hint: Option<&'a str>,
    pub(crate) parents: &'a [String],
}

/// The remedy for a recognised holder: its command again on `port`. A
/// line with a word that holds a control or invisible character is not
/// advised (a remedy left with none is no remedy).
pub(crate) fn for_holder(h: &Holder, port: u16) -> Option<Remedy> {
    let mut r = recognised(h, port)?;
    r.lines.retain(|l| l.run.as_ref().is_none_or(|c| c.unsafe_word().is_none()));
    (!r.lines.is_empty()).then_some(r)
}

fn recognised(h: &Holder, port: u16) -> Option<Remedy> {
    let argv = h.command;
    let hint = h.hint.unwrap_or("");
    if let Some((pre, rest)) = tool(argv, "flask") {
        return Some(flask_run(&pre, &rest, port));
    }
    if hint.starts_with("Flask development server") {
        return flask_script(argv, port);
    }
    if let Some(i) = argv.iter().position(|a| base(a) == "manage.py")
        && argv[i + 1..].iter().any(|a| a == "runserver")
    {
        return Some(django(&argv[..=i], &argv[i + 1..], port));
    }
    if let Some((pre, rest)) = tool(argv, "http.server") {
        return Some(http_server(&pre, &rest, port));
    }
    for server in ["gunicorn", "hypercorn"] {
        if let Some((pre, rest)) = tool(argv, server) {
            return Some(bind_flag(server, &pre, &rest, port));
        }
    }
    if let Some((pre, rest)) = tool(argv, "uvicorn") {
        let mut line = pre;
        line.extend(without_flag(&rest, &["--port"]));
        line.extend(["--port".to_string(), port.to_string()]);
        return Some(Remedy {
            why: "uvicorn takes --port (it does not read PORT)".into(),
            lines: vec![run(line)],
        });
    }
    node(argv, hint, h.parents, port)
}

/// Vite, Next.js, webpack and a Node app started by `npm start`.
fn node(argv: &[String], hint: &str, parents: &[String], port: u16) -> Option<Remedy> {
    let by_npm = parents.iter().any(|p| p == "npm" || p.starts_with("npm "));
    let p = port.to_string();
    if hint.starts_with("Vite") {
        let mut lines = vec![run(["npx", "vite", "--port", &p])];
        if by_npm {
            lines.insert(0, run(["npm", "run", "dev", "--", "--port", &p]));
        }
        return Some(Remedy { why: "Vite takes --port (it does not read PORT)".into(), lines });
    }
    if hint.starts_with("Next.js") {
        let cmd = if argv.iter().any(|a| a == "start") { "start" } else { "dev" };
        return Some(Remedy {
            why: "Next.js takes -p/--port or reads PORT".into(),
            lines: vec![
                run(["npx", "next", cmd, "--port", &p]),
                with_port(&p, ["npm", "run", cmd]),
            ],
        });
    }
    if hint.starts_with("webpack") {
        return Some(Remedy {
            why: "webpack-dev-server takes --port".into(),
            lines: vec![run(["npx", "webpack", "serve", "--port", &p])],
        });
    }
    if hint.starts_with("Node.js process") && by_npm {
        return Some(Remedy {
            why: "if your app reads $PORT (Express apps and Create React App do)".into(),
            lines: vec![with_port(&p, ["npm", "start"])],
        });
    }
    None
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
    }
}

/// `python app.py`: the port is in the code, `app.run(port=N)`; or start
/// the same app with `flask run`.
fn flask_script(argv: &[String], port: u16) -> Option<Remedy> {
    let at = argv.iter().skip(1).position(|a| a.ends_with(".py"))? + 1;
    let script = &argv[at];
    // `flask --app` takes a module name or a file path.
    let module = if script.contains('/') {
        script.clone()
    } else {
        script.trim_end_matches(".py").to_string()
    };
    let mut again: Vec<String> = vec![base(&argv[0]).to_string()];
    again.extend(argv[at..].iter().cloned());
    Some(Remedy {
        why: format!(
            "{script} sets the port in app.run(); Flask ignores PORT and FLASK_RUN_PORT there"
        ),
        lines: vec![
            Step::explained(
                format!("set app.run(port={port}) in {script}, then start it again"),
                Command::new(again),
            ),
            run([
                "flask".into(),
                "--app".into(),
                module,
                "run".into(),
                "--port".into(),
                port.to_string(),
            ]),
        ],
    })
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
    Remedy { why: format!("{server} takes -b/--bind HOST:PORT"), lines: vec![run(line)] }
}

/// Where `name` starts in `argv`: as a script (`/venv/bin/flask`, after the
/// interpreter a shebang put first) or as `python -m name`. Returns the
/// command to type for it and the arguments that follow.
pub(crate) fn tool(argv: &[String], name: &str) -> Option<(Vec<String>, Vec<String>)> {
    for (i, a) in argv.iter().enumerate() {
        if i <= 1 && base(a) == name {
            return Some((vec![name.to_string()], argv[i + 1..].to_vec()));
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
