//! Advice tested like code: each server holds a port, portcheck is asked
//! from another folder than the holder's, and its "or use port N" lines
//! are run for real (through `sh`, from that other folder, with the test
//! venv's bin first on PATH) while the first server still holds its port:
//! each must bind N, keep what the user wrote (debug mode, the host), and
//! script edits are made in a copy of the project.

use crate::util::*;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FLASK_APP: &str =
    "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi'\n";

/// A Flask project's folder (`app.py`) and another folder to ask from.
pub(crate) fn flask_project() -> (tempdir::Dir, tempdir::Dir) {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path.join("app.py"), FLASK_APP).unwrap();
    (dir, tempdir::Dir::new())
}

/// The test venv's python (Flask, Django, gunicorn, uvicorn, debugpy).
pub(crate) fn python() -> PathBuf {
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
    serve_logged(line, dir, port, None)
}

/// [`serve`], with the server's output written to `log`.
fn serve_logged(line: &str, dir: &Path, port: u16, log: Option<&Path>) -> Server {
    let log = log.map(|l| std::fs::File::create(l).unwrap());
    let log = log.as_ref();
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
        .stdout(log.map_or_else(Stdio::null, |f| f.try_clone().unwrap().into()))
        .stderr(log.map_or_else(Stdio::null, |f| f.try_clone().unwrap().into()))
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

/// One advised step: the explanation on its own line (ending with `:`),
/// and the command below it.
#[derive(Debug)]
struct Advised {
    note: Option<String>,
    cmd: String,
}

/// portcheck's advice for `port`, asked from `from` (another folder than
/// the holder's): the new port, the text, and the commands to run with
/// the explanation each follows.
fn advice(port: u16, from: &Path) -> (u16, String, Vec<Advised>) {
    advice_with(port, from, None)
}

/// [`advice`], with portcheck's PATH set to `path`.
fn advice_with(port: u16, from: &Path, path: Option<&str>) -> (u16, String, Vec<Advised>) {
    let mut c = crate::util::command();
    c.current_dir(from);
    if let Some(p) = path {
        c.env("PATH", p);
    }
    let run = run_with(c, &[&port.to_string()]);
    run.code(1);
    let mut lines = run.stdout.lines().skip_while(|l| !l.trim_start().starts_with("or use port"));
    let head = lines.next().unwrap_or_else(|| panic!("no 'or use port' line:\n{}", run.stdout));
    let n: u16 = head.split_whitespace().nth(3).and_then(|w| w.parse().ok()).expect("port N");
    let mut steps = Vec::new();
    let mut note = None;
    for l in lines.take_while(|l| l.starts_with("      ")) {
        let t = l.trim().to_string();
        if t.ends_with(':') {
            note = Some(t);
        } else if l.starts_with("        ") || !t.starts_with("then ") {
            steps.push(Advised { note: note.take(), cmd: t });
        }
    }
    assert!(!steps.is_empty(), "{}", run.stdout);
    assert!(!run.stdout.contains('#'), "{}", run.stdout);
    (n, run.stdout.clone(), steps)
}

/// Runs `cmd` from `from` (not the holder's folder) while the first server
/// still holds `port`, proves it binds `n`, lets `check` look at it, and
/// stops it.
fn binds(cmd: &str, from: &Path, port: u16, n: u16, check: impl Fn()) {
    let s = serve(cmd, from, n);
    portcheck(&["-q", &port.to_string()]).code(1);
    check();
    drop(s);
    portcheck(&["--wait-free", "30s", &n.to_string()]).code(0);
}

/// Each advised command, run from another folder, binds `n`.
fn each_binds(from: &Path, port: u16, n: u16, steps: &[Advised]) {
    for s in steps {
        binds(&s.cmd, from, port, n, || {});
    }
}

/// Whether the Flask server that logs to `log` runs in debug mode, by its
/// own words (" * Debug mode: on"), read as soon as it says them.
fn debug_mode(log: &Path) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(rest) = text.split("Debug mode: ").nth(1) {
            return rest.starts_with("on");
        }
        assert!(std::time::Instant::now() < deadline, "no 'Debug mode:' line:\n{text}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Runs a Flask line like [`binds`] and says whether it ran in debug
/// mode, and whether it listens on 0.0.0.0.
fn flask_binds(cmd: &str, from: &Path, port: u16, n: u16) -> (bool, bool) {
    let log = from.join(format!("flask-{n}.log"));
    let s = serve_logged(cmd, from, n, Some(&log));
    portcheck(&["-q", &port.to_string()]).code(1);
    let debug = debug_mode(&log);
    let v = portcheck(&["--json", &n.to_string()]).json();
    let wide = port_obj(&v, n)["sockets"][0]["address"] == "0.0.0.0";
    drop(s);
    portcheck(&["--wait-free", "30s", &n.to_string()]).code(0);
    (debug, wide)
}

/// `flask run` with and without `--debug`: the lines start with
/// `cd 'DIR' &&`, run from elsewhere, bind N, and keep debug mode as it was.
#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn flask_run_advice_binds_the_advised_port() {
    let (dir, elsewhere) = flask_project();
    for debug in [true, false] {
        let port = free_base();
        let flag = if debug { " --debug" } else { "" };
        let _held = serve(&format!("flask --app app run{flag} --port {port}"), &dir.path, port);
        let (n, text, steps) = advice(port, &elsewhere.path);
        assert!(text.contains("FLASK_RUN_PORT"), "{text}");
        assert_eq!(steps.len(), 2, "{steps:?}");
        for s in &steps {
            assert!(s.cmd.starts_with(&format!("cd {} && ", dir.path.display())), "{s:?}");
            assert_eq!(s.cmd.contains("--debug"), debug, "{s:?}");
            assert_eq!(flask_binds(&s.cmd, &elsewhere.path, port, n), (debug, false), "{s:?}");
        }
    }
}

/// `python app.py` with `app.run(debug=True)` and with
/// `app.run(host='0.0.0.0')`: recognised from the script; the `app.run()`
/// edit is applied to a copy and run, and every line keeps the host and
/// debug the user wrote.
#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn python_app_py_keeps_what_the_user_wrote() {
    for run_args in ["debug=True, port={port}", "host='0.0.0.0', port={port}"] {
        let dir = tempdir::Dir::new();
        let elsewhere = tempdir::Dir::new();
        let port = free_base();
        let call = format!("app.run({})", run_args.replace("{port}", &port.to_string()));
        let script = format!("{FLASK_APP}if __name__ == '__main__':\n    {call}\n");
        std::fs::write(dir.path.join("app.py"), &script).unwrap();
        let _held = serve(&format!("{} app.py", python().display()), &dir.path, port);
        let (n, text, steps) = advice(port, &elsewhere.path);
        assert!(text.contains("Flask"), "{text}");
        let debug = run_args.contains("debug=True");
        let wide = run_args.contains("0.0.0.0");
        for s in &steps {
            let mut cmd = s.cmd.clone();
            let note = s.note.as_deref().unwrap_or("");
            let edit = note.split_once("call ").and_then(|(_, c)| c.strip_suffix(", then:"));
            // The edit, made in a copy of the project.
            let copy = tempdir::Dir::new();
            if let Some(new_call) = edit {
                let mut edited = script.replace(&call, new_call);
                assert_ne!(edited, script, "{note}");
                if note.contains("import os") {
                    edited = format!("import os\n{edited}");
                }
                std::fs::write(copy.path.join("app.py"), edited).unwrap();
                cmd =
                    cmd.replace(&dir.path.display().to_string(), &copy.path.display().to_string());
            }
            assert_eq!(flask_binds(&cmd, &elsewhere.path, port, n), (debug, wide), "{s:?}");
        }
    }
}

/// `python -m debugpy --listen 127.0.0.1:P -m flask run`: the advised line
/// binds N and a free debugger port too, and never carries the running
/// instance's plumbing.
#[test]
#[ignore = "needs Flask and debugpy: .ci/run installs them into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn debugpy_listen_advice_binds_the_app_and_a_free_debugger_port() {
    let (dir, elsewhere) = flask_project();
    let port = free_base();
    let dport = free_base();
    let py = python().display().to_string();
    let start =
        format!("{py} -m debugpy --listen 127.0.0.1:{dport} -m flask --app app run --port {port}");
    let _held = serve(&start, &dir.path, port);
    portcheck(&["--wait-listen", "30s", "-t", &dport.to_string()]).code(0);
    let (n, text, steps) = advice(port, &elsewhere.path);
    assert!(text.contains("under debugpy --listen"), "{text}");
    assert!(text.contains("\"connect\": {\"port\": "), "{text}");
    for s in &steps {
        let listen = s.cmd.split("--listen 127.0.0.1:").nth(1).and_then(|r| r.split(' ').next());
        let dnew: u16 = listen.and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("{s:?}"));
        assert_ne!(dnew, dport, "{s:?}");
        binds(&s.cmd, &elsewhere.path, port, n, || {
            portcheck(&["--wait-listen", "30s", "-t", &dnew.to_string()]).code(0);
        });
    }
    // The debugger's own port: the same command with `--listen HOST:N`
    // (and its app on a free port: the first session holds the app's),
    // and the attach configuration's connect.port; run, it binds N.
    let (n, text, steps) = advice(dport, &elsewhere.path);
    assert!(text.contains("the debugger's port"), "{text}");
    assert!(text.contains(&format!("\"connect\": {{\"port\": {n}}}")), "{text}");
    for s in &steps {
        assert!(s.cmd.contains(&format!(" -m debugpy --listen 127.0.0.1:{n} -m flask")), "{s:?}");
        assert!(!s.cmd.contains(&format!(" {port}")), "{s:?}");
        let app = s.cmd.rsplit([' ', '=']).find_map(|w| w.parse::<u16>().ok()).expect("app port");
        binds(&s.cmd, &elsewhere.path, dport, n, || {
            portcheck(&["--wait-listen", "30s", "-t", &app.to_string()]).code(0);
        });
    }
    // --kill says what a signal leaves of the session.
    let dry = portcheck(&["--kill", "--dry-run", &dport.to_string()]);
    let v = portcheck(&["--json", &port.to_string()]).json();
    let debuggee = port_obj(&v, port)["sockets"][0]["processes"][0]["pid"].clone();
    dry.stdout_has(&format!("the program it debugs, pid {debuggee}, keeps running"));
    let dry = portcheck(&["--kill", "--dry-run", &port.to_string()]);
    dry.stdout_has("its debugpy adapter exits with it");
}

#[test]
#[ignore = "needs Django: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn django_runserver_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    let elsewhere = tempdir::Dir::new();
    let made = Command::new(venv_bin().join("django-admin"))
        .args(["startproject", "mysite", "."])
        .current_dir(&dir.path)
        .status()
        .expect("django-admin");
    assert!(made.success());
    let port = free_base();
    let py = python().display().to_string();
    let _held = serve(&format!("{py} manage.py runserver {port}"), &dir.path, port);
    let (n, _, steps) = advice(port, &elsewhere.path);
    let cd = format!("cd {} && ", dir.path.display());
    assert_eq!(steps[0].cmd, format!("{cd}{py} manage.py runserver {n}"));
    // The autoreloader stays: its parent and child both run the same line.
    each_binds(&elsewhere.path, port, n, &steps);
}

#[test]
#[ignore = "needs the test venv's python: .ci/run sets PORTCHECK_TEST_PYTHON"]
fn http_server_advice_binds_the_advised_port() {
    let dir = tempdir::Dir::new();
    let elsewhere = tempdir::Dir::new();
    let port = free_base();
    let py = python().display().to_string();
    let _held = serve(&format!("{py} -m http.server {port}"), &dir.path, port);
    let (n, _, steps) = advice(port, &elsewhere.path);
    assert_eq!(steps[0].cmd, format!("cd {} && {py} -m http.server {n}", dir.path.display()));
    each_binds(&elsewhere.path, port, n, &steps);
}

/// gunicorn with a pidfile (`-p`): the advised line drops it (a second
/// instance with it says "Already running"); uvicorn keeps `--reload`.
#[test]
#[ignore = "needs gunicorn and uvicorn: .ci/run installs them and sets PORTCHECK_TEST_PYTHON"]
fn gunicorn_and_uvicorn_advice_binds_the_advised_port() {
    let (dir, elsewhere) = flask_project();
    std::fs::write(dir.path.join("asgi.py"), "async def app(scope, receive, send):\n    pass\n")
        .unwrap();
    for (server, start) in [
        ("gunicorn", "gunicorn -p gunicorn.pid -b 127.0.0.1:{port} app:app"),
        ("uvicorn", "uvicorn asgi:app --reload --port {port}"),
    ] {
        let port = free_base();
        let _held = serve(&start.replace("{port}", &port.to_string()), &dir.path, port);
        let (n, _, steps) = advice(port, &elsewhere.path);
        let cmd = &steps[0].cmd;
        assert!(cmd.contains(&format!("{server} ")), "{steps:?}");
        assert!(!cmd.contains("-p gunicorn.pid"), "{steps:?}");
        assert_eq!(cmd.contains("--reload"), server == "uvicorn", "{steps:?}");
        each_binds(&elsewhere.path, port, n, &steps);
    }
}

/// `--suggest` in a Flask project folder, with nothing on the base: the
/// project's lines, which bind the suggested port.
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
    for cmd in &cmds {
        binds(cmd, &dir.path, held.port, port, || {});
    }
}

/// A Node project whose server reads $PORT, started by `npm start` (npm
/// runs it through `sh -c`): found past the shell by npm's variables, and
/// package.json in the holder's folder says `node server.js` reads PORT;
/// `cd 'DIR' && PORT=N npm start` is run for real from another folder.
#[test]
#[ignore = "needs node and npm on PATH"]
fn npm_start_advice_binds_the_advised_port() {
    let npm = Command::new("npm").arg("--version").stdout(Stdio::null()).status();
    assert!(npm.is_ok_and(|s| s.success()), "needs node and npm on PATH");
    let dir = tempdir::Dir::new();
    let elsewhere = tempdir::Dir::new();
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
    let (n, text, steps) = advice(port, &elsewhere.path);
    assert!(text.contains("started by npm start"), "{text}");
    assert_eq!(steps[0].cmd, format!("cd {} && PORT={n} npm start", dir.path.display()));
    each_binds(&elsewhere.path, port, n, &steps);
}

/// `--suggest` on a port a Flask server holds, asked from another folder:
/// the same model and precedence as the report (its `--debug` kept, `cd`
/// first), and its lines bind the suggested port.
#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn suggest_gives_the_holders_own_lines_as_the_report_does() {
    let (dir, elsewhere) = flask_project();
    let port = free_base();
    let _held = serve(&format!("flask --app app run --debug --port {port}"), &dir.path, port);
    let (code, screen) = on_terminal_at(&["--suggest", &port.to_string()], 400, &elsewhere.path);
    assert_eq!(code, Some(0), "{screen}");
    let (n, _, steps) = advice(port, &elsewhere.path);
    let cmds: Vec<String> =
        screen.lines().filter(|l| l.starts_with("  cd ")).map(|l| l.trim().to_string()).collect();
    let report: Vec<String> = steps.iter().map(|s| s.cmd.clone()).collect();
    assert_eq!(cmds, report, "{screen}");
    assert!(cmds.iter().all(|c| c.contains("--debug") && c.contains(&n.to_string())), "{cmds:?}");
    for cmd in &cmds {
        assert_eq!(flask_binds(cmd, &elsewhere.path, port, n), (true, false), "{cmd}");
    }
}

/// Another user's server: the line is run as that user (`sudo -u USER`),
/// from its folder, and the new server is that user's.
#[test]
#[ignore = "needs root, /usr/bin/python3 and sudo (.ci/run installs them)"]
fn another_users_server_is_advised_as_that_user() {
    let dir = tempdir::Dir::new();
    let elsewhere = tempdir::Dir::new();
    let port = free_base();
    let mut cmd = as_user(65534, Path::new("/usr/bin/python3"));
    cmd.args(["-m", "http.server", &port.to_string()])
        .current_dir(&dir.path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    let _held = Server(cmd.spawn().expect("setpriv"));
    portcheck(&["--wait-listen", "30s", "-t", &port.to_string()]).code(0);
    let (n, _, steps) = advice(port, &elsewhere.path);
    let want =
        format!("cd {} && sudo -u nobody /usr/bin/python3 -m http.server {n}", dir.path.display());
    assert_eq!(steps[0].cmd, want);
    binds(&steps[0].cmd, &elsewhere.path, port, n, || {
        let v = portcheck(&["--json", &n.to_string()]).json();
        assert_eq!(port_obj(&v, n)["sockets"][0]["user"], "nobody", "{v}");
    });
}

/// A tool is shortened to its name only when that name on the reader's
/// PATH is the very file the holder ran: with the venv on portcheck's PATH
/// the line says `flask`, without it the venv's path.
#[test]
#[ignore = "needs Flask: .ci/run installs it into a virtual environment and sets PORTCHECK_TEST_PYTHON"]
fn a_tool_is_named_by_its_name_only_when_path_gives_the_same_file() {
    let (dir, elsewhere) = flask_project();
    let port = free_base();
    let _held = serve(&format!("flask --app app run --port {port}"), &dir.path, port);
    let with_venv =
        format!("{}:{}", venv_bin().display(), std::env::var("PATH").unwrap_or_default());
    let (n, _, steps) = advice_with(port, &elsewhere.path, Some(&with_venv));
    let cd = format!("cd {} && ", dir.path.display());
    assert_eq!(steps[0].cmd, format!("{cd}flask --app app run --port {n}"));
    binds(&steps[0].cmd, &elsewhere.path, port, n, || {});
    let (_, _, steps) = advice_with(port, &elsewhere.path, Some("/usr/bin:/bin"));
    let flask = venv_bin().join("flask");
    assert_eq!(steps[0].cmd, format!("{cd}{} --app app run --port {n}", flask.display()));
}

/// nginx started with its own configuration (`-c FILE -p DIR`, not the
/// default one): the advised stop line and the `-T` line name that
/// configuration (plain `nginx -s stop` reads the default pid file and
/// fails), and run from another folder, the stop line frees the port.
#[test]
#[ignore = "needs nginx on PATH (apt-get install nginx-light)"]
fn nginx_stop_line_stops_an_nginx_with_its_own_configuration() {
    let dir = tempdir::Dir::new();
    let elsewhere = tempdir::Dir::new();
    let port = free_base();
    let d = dir.path.display();
    let conf = format!(
        "pid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{ access_log off; server {{ listen 127.0.0.1:{port}; }} }}\n"
    );
    std::fs::write(dir.path.join("nginx.conf"), conf).unwrap();
    let conf = dir.path.join("nginx.conf").display().to_string();
    let started = Command::new("nginx")
        .args(["-c", &conf, "-p", &d.to_string()])
        .current_dir(&dir.path)
        .status()
        .expect("nginx");
    assert!(started.success());
    // nginx daemonizes: stop it by its pid file whatever happens below.
    struct Stop(PathBuf);
    impl Drop for Stop {
        fn drop(&mut self) {
            if let Ok(pid) = std::fs::read_to_string(&self.0) {
                let _ = Command::new("kill").arg(pid.trim()).status();
            }
        }
    }
    let _stop = Stop(dir.path.join("nginx.pid"));
    portcheck(&["--wait-listen", "30s", "-t", &port.to_string()]).code(0);
    let mut c = crate::util::command();
    c.current_dir(&elsewhere.path);
    let run = run_with(c, &[&port.to_string()]);
    let mut lines = run.stdout.lines().skip_while(|l| l.trim() != "or stop the web server:");
    let stop = lines.nth(1).unwrap_or_else(|| panic!("{}", run.stdout)).trim().to_string();
    assert_eq!(stop, format!("nginx -c {conf} -p {d} -s stop"), "{}", run.stdout);
    let find = format!("(see: nginx -c {conf} -p {d} -T | grep -n listen)");
    assert!(run.stdout.contains(&find), "{}", run.stdout);
    let ok = Command::new("sh").args(["-c", &stop]).current_dir(&elsewhere.path).status().unwrap();
    assert!(ok.success(), "{stop}");
    portcheck(&["--wait-free", "30s", &port.to_string()]).code(0);
}
