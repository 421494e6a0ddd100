//! Advice tested like code: each Python framework's server holds a port,
//! portcheck's "or use port N" lines are run for real (through `sh`, with
//! the test venv's bin first on PATH) while the first server still holds
//! its port, and each must bind N.

use crate::util::*;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FLASK_APP: &str =
    "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi'\n";

/// The test venv's python (Flask, Django, gunicorn, uvicorn installed).
fn python() -> PathBuf {
    PathBuf::from(std::env::var("PORTCHECK_TEST_PYTHON").expect(
        "PORTCHECK_TEST_PYTHON: a venv python with flask, django, gunicorn, uvicorn (see .ci/run)",
    ))
}

fn venv_bin() -> PathBuf {
    python().parent().expect("venv bin").to_path_buf()
}

/// A server in its own process group, killed whole on drop.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.0.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = self.0.wait();
    }
}

/// Starts `sh -c line` in `dir` with the venv (when there is one: the npm
/// test needs none) first on PATH, and waits (bounded) until `port` listens.
fn serve(line: &str, dir: &Path, port: u16) -> Server {
    let path = std::env::var("PATH").unwrap_or_default();
    let path = match std::env::var_os("PORTCHECK_TEST_PYTHON") {
        Some(_) => format!("{}:{path}", venv_bin().display()),
        None => path,
    };
    let child = Command::new("sh")
        .args(["-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("PORT")
        .env_remove("FLASK_RUN_PORT")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("sh");
    let server = Server(child);
    portcheck(&["--wait-listen", "60s", "-t", &port.to_string()]).code(0);
    server
}

/// A port no one holds, away from other tests' blocks.
fn free_base() -> u16 {
    let (port, held) = hold_block(2);
    drop(held);
    port
}

/// portcheck's advice for `port`: the new port, the text, and the lines
/// to run (an explanation, on its own line ending with `:`, is not one).
fn advice(port: u16, dir: &Path) -> (u16, String, Vec<String>) {
    let run = run_with(
        {
            let mut c = Command::new(bin());
            c.current_dir(dir);
            c
        },
        &[&port.to_string()],
    );
    run.code(1);
    let mut lines = run.stdout.lines().skip_while(|l| !l.trim_start().starts_with("or use port"));
    let head = lines.next().unwrap_or_else(|| panic!("no 'or use port' line:\n{}", run.stdout));
    let n: u16 = head.split_whitespace().nth(3).and_then(|w| w.parse().ok()).expect("port N");
    let cmds: Vec<String> = lines
        .take_while(|l| l.starts_with("      "))
        .filter(|l| !l.ends_with(':'))
        .map(|l| l.trim().to_string())
        .collect();
    assert!(!cmds.is_empty(), "{}", run.stdout);
    assert!(!run.stdout.contains('#'), "{}", run.stdout);
    assert!(cmds.iter().all(|c| !c.starts_with("PORT=")), "{cmds:?}");
    (n, run.stdout.clone(), cmds)
}

/// Runs each advised line (while `held` still holds `port`) and proves it
/// binds `n`; `edit` turns an `app.run(port=N)` line into a command.
fn each_binds(dir: &Path, port: u16, n: u16, cmds: &[String], edit: impl Fn(&str) -> String) {
    for cmd in cmds {
        let line = edit(cmd);
        let s = serve(&line, dir, n);
        portcheck(&["-q", &port.to_string()]).code(1);
        drop(s);
        portcheck(&["--wait-free", "30s", &n.to_string()]).code(0);
    }
}

fn no_edit(c: &str) -> String {
    c.to_string()
}

#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn flask_run_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path.join("app.py"), FLASK_APP).unwrap();
    let port = free_base();
    let _held = serve(&format!("flask --app app run --debug --port {port}"), &dir.path, port);
    let (n, text, cmds) = advice(port, &dir.path);
    assert!(text.contains("FLASK_RUN_PORT"), "{text}");
    assert_eq!(cmds.len(), 2, "{cmds:?}");
    each_binds(&dir.path, port, n, &cmds, no_edit);
}

#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn python_app_py_is_recognised_and_its_advice_binds() {
    let dir = tempdir::Dir::new();
    let port = free_base();
    let script =
        format!("{FLASK_APP}if __name__ == '__main__':\n    app.run(debug=True, port={port})\n");
    std::fs::write(dir.path.join("app.py"), &script).unwrap();
    let _held = serve(&format!("{} app.py", python().display()), &dir.path, port);
    // Both reloader processes hold the socket once the child is up.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let hints = loop {
        let v = portcheck(&["--json", &port.to_string()]).json();
        let procs = port_obj(&v, port)["sockets"][0]["processes"].clone();
        let hints: Vec<String> = procs
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["hint"].as_str().map(String::from))
            .collect();
        if hints.len() >= 2 || std::time::Instant::now() > deadline {
            break hints;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(hints.contains(&"Flask development server (reloader parent)".into()), "{hints:?}");
    assert!(
        hints.contains(&"Flask development server (server child of the reloader)".into()),
        "{hints:?}"
    );
    let (n, text, cmds) = advice(port, &dir.path);
    // "set app.run(port=N) in app.py, then start it again:" on its own
    // line, then `python3 app.py`: make the edit, run the line with the
    // venv's python.
    assert!(
        text.contains(&format!("      set app.run(port={n}) in app.py, then start it again:\n")),
        "{text}"
    );
    assert!(cmds[0].ends_with(" app.py"), "{cmds:?}");
    std::fs::write(
        dir.path.join("app.py"),
        script.replace(&format!("port={port}"), &format!("port={n}")),
    )
    .unwrap();
    let edit = |c: &str| match c.split_once(' ') {
        Some((_, "app.py")) => format!("{} app.py", python().display()),
        _ => c.to_string(),
    };
    each_binds(&dir.path, port, n, &cmds, edit);
}

#[test]
#[ignore = "needs Django: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn django_runserver_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    let made = Command::new(venv_bin().join("django-admin"))
        .args(["startproject", "mysite", "."])
        .current_dir(&dir.path)
        .status()
        .expect("django-admin");
    assert!(made.success());
    let port = free_base();
    let py = python().display().to_string();
    let _held = serve(&format!("{py} manage.py runserver {port}"), &dir.path, port);
    let (n, _, cmds) = advice(port, &dir.path);
    assert_eq!(cmds, [format!("{py} manage.py runserver {n}")]);
    each_binds(&dir.path, port, n, &cmds, no_edit);
}

#[test]
#[ignore = "needs the test venv's python: .ci/run sets PORTCHECK_TEST_PYTHON"]
fn http_server_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    let port = free_base();
    let py = python().display().to_string();
    let _held = serve(&format!("{py} -m http.server {port}"), &dir.path, port);
    let (n, _, cmds) = advice(port, &dir.path);
    assert_eq!(cmds, [format!("{py} -m http.server {n}")]);
    each_binds(&dir.path, port, n, &cmds, no_edit);
}

#[test]
#[ignore = "needs gunicorn and uvicorn: .ci/run installs them and sets PORTCHECK_TEST_PYTHON"]
fn gunicorn_and_uvicorn_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path.join("app.py"), FLASK_APP).unwrap();
    std::fs::write(dir.path.join("asgi.py"), "async def app(scope, receive, send):\n    pass\n")
        .unwrap();
    for (server, start) in [
        ("gunicorn", "gunicorn -b 127.0.0.1:{port} app:app"),
        ("uvicorn", "uvicorn asgi:app --port {port}"),
    ] {
        let port = free_base();
        let _held = serve(&start.replace("{port}", &port.to_string()), &dir.path, port);
        let (n, _, cmds) = advice(port, &dir.path);
        assert!(cmds[0].starts_with(server), "{cmds:?}");
        each_binds(&dir.path, port, n, &cmds, no_edit);
    }
}

#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn suggest_in_a_flask_project_gives_flask_lines_that_bind() {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path.join("app.py"), FLASK_APP).unwrap();
    let port = free_base();
    let (code, screen) = on_terminal_at(&["--suggest", &port.to_string()], 100, &dir.path);
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("Flask app here (app.py)"), "{screen}");
    let cmds: Vec<String> =
        screen.lines().filter(|l| l.starts_with("  ")).map(|l| l.trim().to_string()).collect();
    assert_eq!(
        cmds,
        [format!("flask run --port {port}"), format!("FLASK_RUN_PORT={port} flask run")]
    );
    let held = Holder::start(&["--port", &(port + 1).to_string()]);
    each_binds(&dir.path, held.port, port, &cmds, no_edit);
}

/// A Node project whose server reads $PORT, started by `npm start` (npm
/// runs it through `sh -c`): the project's line `PORT=N npm start` is run
/// for real with the system's node and npm and must bind N.
#[test]
#[ignore = "needs node and npm on PATH"]
fn npm_start_advice_binds_the_advised_port() {
    let npm = Command::new("npm").arg("--version").stdout(Stdio::null()).status();
    assert!(npm.is_ok_and(|s| s.success()), "needs node and npm on PATH");
    let dir = tempdir::Dir::new();
    std::fs::write(
        dir.path.join("server.js"),
        "require('http').createServer((q, r) => r.end('hi')).listen(+process.env.PORT, '127.0.0.1');\n",
    )
    .unwrap();
    std::fs::write(
        dir.path.join("package.json"),
        r#"{"name": "app", "version": "1.0.0", "scripts": {"start": "node server.js"}}"#,
    )
    .unwrap();
    let port = free_base();
    let _held = serve(&format!("PORT={port} npm start"), &dir.path, port);
    let mut c = Command::new(bin());
    c.current_dir(&dir.path);
    let run = run_with(c, &[&port.to_string()]);
    run.code(1);
    let line = run
        .stdout
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("PORT=") && l.ends_with(" npm start"))
        .unwrap_or_else(|| panic!("no 'PORT=N npm start' line:\n{}", run.stdout))
        .to_string();
    let n: u16 = line["PORT=".len()..line.find(' ').unwrap()].parse().expect("port N");
    assert_ne!(n, port, "{}", run.stdout);
    each_binds(&dir.path, port, n, &[line], no_edit);
}
