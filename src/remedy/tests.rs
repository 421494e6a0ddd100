//! Each framework's remedy, from the argv its server runs with. The Node
//! ones are checked against their documented flags: Vite `--port`
//! (vite.dev/guide/cli), Next.js `-p/--port` and `PORT`
//! (nextjs.org/docs/app/api-reference/cli/next), webpack-dev-server
//! `--port`, Create React App `PORT` (create-react-app.dev/docs/advanced-configuration).

use super::*;

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

fn lines(cmd: &str, hint: Option<&str>, parents: &[&str]) -> Vec<String> {
    let command = argv(cmd);
    let parents: Vec<String> = parents.iter().map(|s| s.to_string()).collect();
    let h = Holder { command: &command, hint, parents: &parents };
    for_holder(&h, 5001).map(|r| r.lines.iter().map(shown).collect()).unwrap_or_default()
}

/// A step as one string: `NOTE: COMMAND`, the command, or the sentence.
fn shown(s: &Step) -> String {
    match (&s.note, s.line()) {
        (Some(n), Some(l)) => format!("{n}: {l}"),
        (None, Some(l)) => l,
        (Some(n), None) => n.clone(),
        (None, None) => String::new(),
    }
}

#[test]
fn flask_run_takes_port_or_flask_run_port_never_port() {
    let l = lines("/venv/bin/python3 /venv/bin/flask --app app run --debug --port 5000", None, &[]);
    assert_eq!(
        l,
        [
            "flask --app app run --debug --port 5001",
            "FLASK_RUN_PORT=5001 flask --app app run --debug"
        ]
    );
    let l = lines("python3 -m flask run -p 5000 --host=0.0.0.0", None, &[]);
    assert_eq!(l[0], "python3 -m flask run --host=0.0.0.0 --port 5001");
    assert!(l.iter().all(|x| !x.starts_with("PORT=")), "{l:?}");
    let l = lines("python3 -m flask run --port=5000", None, &[]);
    assert_eq!(l[0], "python3 -m flask run --port 5001");
}

#[test]
fn a_flask_script_gets_app_run_port() {
    let l = lines("python3 app.py", Some("Flask development server (reloader parent)"), &[]);
    assert_eq!(
        l,
        [
            "set app.run(port=5001) in app.py, then start it again: python3 app.py",
            "flask --app app run --port 5001"
        ]
    );
    let l = lines("/usr/bin/python3 -u hello.py", Some("Flask development server"), &[]);
    assert_eq!(l[1], "flask --app hello run --port 5001");
    let l = lines("python3 src/web/main.py", Some("Flask development server"), &[]);
    assert_eq!(l[1], "flask --app src/web/main.py run --port 5001");
}

#[test]
fn django_http_server_gunicorn_uvicorn() {
    let l = lines("python manage.py runserver", None, &[]);
    assert_eq!(l, ["python manage.py runserver 5001"]);
    let l = lines("python manage.py runserver 0.0.0.0:8000 --noreload", None, &[]);
    assert_eq!(l, ["python manage.py runserver 0.0.0.0:5001 --noreload"]);
    let l = lines("python3 -m http.server 8000 --bind 127.0.0.1", None, &[]);
    assert_eq!(l, ["python3 -m http.server 5001 --bind 127.0.0.1"]);
    let l = lines("python3 -m http.server -d /srv", None, &[]);
    assert_eq!(l, ["python3 -m http.server -d /srv 5001"]);
    let l =
        lines("/venv/bin/python /venv/bin/gunicorn -w 2 --bind 0.0.0.0:8000 app:app", None, &[]);
    assert_eq!(l, ["gunicorn -b 0.0.0.0:5001 -w 2 app:app"]);
    let l = lines("/venv/bin/python /venv/bin/gunicorn app:app", None, &[]);
    assert_eq!(l, ["gunicorn -b 127.0.0.1:5001 app:app"]);
    let l =
        lines("/venv/bin/python /venv/bin/uvicorn main:app --port 8000 --host 0.0.0.0", None, &[]);
    assert_eq!(l, ["uvicorn main:app --host 0.0.0.0 --port 5001"]);
}

/// Hypercorn is not in the test venv (tests/cli/advice.rs runs the others
/// for real), so its line is checked against its documented syntax:
/// `-b/--bind HOST:PORT`, default 127.0.0.1:8000 (hypercorn.readthedocs.io,
/// "Usage").
#[test]
fn hypercorn_takes_bind_host_port() {
    let l = lines("/venv/bin/python /venv/bin/hypercorn --bind 0.0.0.0:8000 main:app", None, &[]);
    assert_eq!(l, ["hypercorn -b 0.0.0.0:5001 main:app"]);
    let l = lines("python -m hypercorn main:app", None, &[]);
    assert_eq!(l, ["python -m hypercorn -b 127.0.0.1:5001 main:app"]);
}

#[test]
fn node_servers_use_their_documented_flags() {
    let vite = lines("node /app/node_modules/.bin/vite", Some("Vite dev server"), &["npm run dev"]);
    assert_eq!(vite, ["npm run dev -- --port 5001", "npx vite --port 5001"]);
    let next = lines("node /app/node_modules/.bin/next dev", Some("Next.js dev server"), &[]);
    assert_eq!(next, ["npx next dev --port 5001", "PORT=5001 npm run dev"]);
    let webpack = lines("node webpack serve", Some("webpack dev server"), &[]);
    assert_eq!(webpack, ["npx webpack serve --port 5001"]);
    let npm = lines("node server.js", Some("Node.js process"), &["npm start"]);
    assert_eq!(npm, ["PORT=5001 npm start"]);
    assert!(lines("node server.js", Some("Node.js process"), &["bash"]).is_empty());
}

/// With no app to name, no command: sentences that say what they assume
/// (no `your-command`, no `# comment`).
#[test]
fn generic_forms_say_what_they_assume() {
    let g = generic(8001);
    assert!(g.lines.iter().all(|l| l.run.is_none()), "{g:?}");
    let text: Vec<String> = g.lines.iter().map(shown).collect();
    assert_eq!(
        text,
        [
            "if your app reads $PORT: start it with PORT=8001 in its environment",
            "if it takes --port: start it with --port 8001"
        ]
    );
}

/// The holder's own words are quoted for the shell, and a word with a
/// control character makes no line at all.
#[test]
fn outside_words_are_quoted_or_refused() {
    let command: Vec<String> =
        ["python3", "-m", "http.server", "8000", "-d", "/srv/$(touch PWNED) a"]
            .map(String::from)
            .into();
    let h = Holder { command: &command, hint: None, parents: &[] };
    let r = for_holder(&h, 5001).unwrap();
    assert_eq!(r.shown(), ["python3 -m http.server 5001 -d '/srv/$(touch PWNED) a'"]);
    let command: Vec<String> = ["python3", "-m", "http.server", "8000", "-d", "/srv/\x1b]0;X\x07"]
        .map(String::from)
        .into();
    let h = Holder { command: &command, hint: None, parents: &[] };
    assert_eq!(for_holder(&h, 5001), None);
}
