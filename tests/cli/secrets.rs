//! Secrets never leave: a real process started with every secret form of
//! the design (options in both forms, secret environment assignments, a
//! URL's password, `token=` query values) in its argv and its environment;
//! no secret reaches the table, `--wide`, JSON, `--suggest`, `--kill
//! --dry-run`, `--kill` or the advice, and the non-secrets stay.

use crate::util::*;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

/// Holds a loopback listener and prints its port; its argv is whatever
/// follows.
const HOLD: &str = "import socket, sys, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\nprint(s.getsockname()[1], flush=True)\ntime.sleep(600)\n";

/// Every secret value, each unique so a leak names its form.
const SECRETS: &[(&str, &str)] = &[
    ("--adapter-access-token", "s3cr3t-adapter-0123456789abcdef0123456789abcdef"),
    ("--server-access-token=", "s3cr3t-server"),
    ("--access-token", "s3cr3t-access"),
    ("--ServerApp.token=", "s3cr3t-jupyter"),
    ("--db-password", "s3cr3t-password"),
    ("--passwd=", "s3cr3t-passwd"),
    ("--api_key", "s3cr3t-apikey"),
    ("--client-secret", "s3cr3t-client"),
    ("GITHUB_TOKEN=", "s3cr3t-env-token"),
    ("APP_SECRET=", "s3cr3t-env-secret"),
    ("DB_PASSWORD=", "s3cr3t-env-password"),
    ("OPENAI_API_KEY=", "s3cr3t-env-apikey"),
    ("FLASK_SECRET_KEY=", "s3cr3t-env-secretkey"),
    ("postgres://ana:", "s3cr3t-url-password"),
    ("http://h/?a=1&token=", "s3cr3t-query-token"),
    ("http://h/?access_token=", "s3cr3t-query-access"),
];

/// The non-secrets that look like them, kept as they are.
const KEPT: &[&str] =
    &["--key", "key.pem", "FLASK_RUN_KEY=key.pem", "PWD=/srv/app", "--keyfile=k.pem"];

struct Held(Child, u16);

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `argv0 -c HOLD …` with every secret in its argv (`--opt V`, `--opt=V`,
/// `NAME=V`, URLs) and in its environment.
fn hold_with_secrets(argv0: &str) -> Held {
    let mut cmd = Command::new("python3");
    cmd.arg0(argv0).args(["-c", HOLD]);
    for (form, value) in SECRETS {
        if form.ends_with('=') || form.contains("://") {
            let tail = if form.starts_with("postgres") { "@db:5432/app" } else { "" };
            cmd.arg(format!("{form}{value}{tail}"));
        } else {
            cmd.args([form, value]);
        }
        if let Some(name) = form.strip_suffix('=').filter(|n| !n.starts_with('-')) {
            cmd.env(name, value);
        }
    }
    cmd.args(KEPT).args(["sh -c 'DB_PASSWORD=s3cr3t-script node s.js --token s3cr3t-script2'"]);
    cmd.env("FLASK_RUN_KEY", "key.pem").env("GH_TOKEN", "s3cr3t-env-only");
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).spawn().expect("python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line.trim().parse().expect("port");
    Held(child, port)
}

fn assert_no_secret(what: &str, text: &str) {
    assert!(!text.contains("s3cr3t"), "{what} shows a secret:\n{text}");
}

#[test]
fn no_secret_leaves_and_the_non_secrets_stay() {
    for argv0 in ["python3", "/venv/bin/gunicorn"] {
        let held = hold_with_secrets(argv0);
        let port = held.1.to_string();
        let plain = portcheck(&[&port]);
        plain.code(1);
        let wide = portcheck(&["--wide", &port]);
        let json = portcheck(&["--json", &port]);
        let (_, screen) = on_terminal(&[&port]);
        let suggest = on_terminal(&["--suggest", &port]).1;
        let dry = portcheck(&["--kill", "--dry-run", &port]);
        for (what, text) in [
            ("the table", &plain.stdout),
            ("--wide", &wide.stdout),
            ("--json", &json.stdout),
            ("the terminal report and its advice", &screen),
            ("--suggest", &suggest),
            ("--kill --dry-run", &dry.stdout),
        ] {
            assert_no_secret(what, text);
        }
        let command =
            port_obj(&json.json(), held.1)["sockets"][0]["processes"][0]["command"].clone();
        let words: Vec<&str> =
            command.as_array().unwrap().iter().filter_map(|w| w.as_str()).collect();
        for kept in KEPT {
            assert!(words.contains(kept), "{kept} was dropped: {words:?}");
        }
        assert!(words.contains(&"--adapter-access-token"), "{words:?}");
        assert!(words.contains(&"--server-access-token=<redacted>"), "{words:?}");
        assert!(words.contains(&"postgres://ana:<redacted>@db:5432/app"), "{words:?}");
        assert!(wide.stdout.contains("FLASK_RUN_KEY=key.pem"), "{}", wide.stdout);
        // No advised line to paste carries the marker either: a command
        // that needs a secret is described in words.
        for line in screen.lines().filter(|l| l.starts_with("      ")) {
            assert!(!line.contains("<redacted>"), "a paste line with a secret's place:\n{screen}");
        }
        let json_kill = argv0.contains("gunicorn");
        let mut args = vec!["--kill", "-y", &port];
        if json_kill {
            args.push("--json");
        }
        let kill = portcheck(&args);
        kill.code(0);
        assert_no_secret("--kill", &kill.stdout);
        assert_no_secret("--kill (stderr)", &kill.stderr);
    }
}
