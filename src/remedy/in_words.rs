//! Remedies said in words, with no command to paste: a web server's port
//! is its configuration's, a VS Code launch session's is `launch.json`'s.

use super::Remedy;
use super::python::run_call;
use crate::hint::Kind;
use crate::i18n::msg;
use crate::shell::Command;
use crate::started::{Source, Started};

/// nginx, Apache, Caddy: their port is their configuration's.
pub(super) fn web_server(o: &Started) -> Remedy {
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
        msg!("remedy-web-server-why", server = what),
        msg!("remedy-web-server-listen", find = find),
    )
    .staying()
}

/// A VS Code launch session (F5 / Ctrl+F5): nothing to paste; what to
/// change in `launch.json`.
pub(super) fn vscode(o: &Started, port: u16) -> Remedy {
    let module = o.app.iter().position(|a| a == "-m").and_then(|i| o.app.get(i + 1));
    let set = &o.settings;
    let change = match (module.map(String::as_str), o.kind) {
        (Some("flask"), _) => match set.port.as_ref().map(|p| (&p.source, p.value)) {
            Some((Source::Argv, old)) => msg!("remedy-vscode-args", old = old, port = port),
            Some((Source::Env { .. }, _)) => msg!("remedy-vscode-env", env = flask_env(port)),
            _ => msg!("remedy-vscode-args-or-env", port = port, env = flask_env(port)),
        },
        (_, Kind::FlaskScript) => match &o.script {
            Some(s) => {
                let file = s.word.rsplit('/').next().unwrap_or(&s.word);
                msg!("remedy-vscode-call", file = file, call = run_call(s, &port.to_string()))
            }
            None => msg!("remedy-vscode-app-run", port = port),
        },
        _ => msg!("remedy-vscode-port", port = port),
    };
    Remedy::words(msg!("remedy-vscode-why"), change)
}

/// `launch.json`'s `"env"` setting FLASK_RUN_PORT (code: the same in
/// every language).
fn flask_env(port: u16) -> String {
    format!("\"env\": {{\"FLASK_RUN_PORT\": \"{port}\"}}")
}
