//! Each framework's remedy, from how its server was started (the model
//! built from argv, environment and folder). The Node ones are checked
//! against their documented flags: Vite `--port` (vite.dev/guide/cli),
//! Next.js `-p/--port` and `PORT`
//! (nextjs.org/docs/app/api-reference/cli/next), webpack-dev-server
//! `--port`, Create React App `PORT` (create-react-app.dev/docs/advanced-configuration).

use super::*;
use crate::process::ProcessInfo;

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

fn holder(cmd: &str) -> ProcessInfo {
    ProcessInfo::bare(100, argv(cmd))
}

/// The steps for `p` on port 5001, read by someone in no folder, as no
/// user, with an empty PATH: no `cd`, no `sudo`, paths kept.
fn steps_of(p: &ProcessInfo, here: &Here) -> Vec<String> {
    let origin = crate::started::of(p, &[]);
    let role = crate::hint::role(p, &[], origin.kind, 5000);
    let h = Holder { origin: &origin, role, address: "127.0.0.1", listen: None };
    for_holder(&h, here, 5001).map(|r| r.lines.iter().map(shown).collect()).unwrap_or_default()
}

fn nowhere() -> Here<'static> {
    Here { cwd: None, uid: None, path: None, free: &|b| Some(b) }
}

fn lines(cmd: &str) -> Vec<String> {
    steps_of(&holder(cmd), &nowhere())
}

/// `python3 app.py` run in a folder of its own (`portcheck-TAG-PID` under
/// the temp dir, which the caller removes), whose app.py calls
/// `app.run(host='0.0.0.0', debug=True)`; read from that folder.
fn flask_script(tag: &str) -> (std::path::PathBuf, ProcessInfo, Here<'static>) {
    let dir = std::env::temp_dir().join(format!("portcheck-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\napp.run(host='0.0.0.0', debug=True)\n",
    )
    .unwrap();
    let mut p = holder("python3 app.py");
    p.cwd = Some(dir.clone());
    let here = Here { cwd: Some(dir.clone()), ..nowhere() };
    (dir, p, here)
}

/// A step as one string: `NOTE: COMMAND`, the command, or the sentence.
fn shown(s: &Step) -> String {
    match (&s.note, s.line()) {
        (Some(n), Some(l)) => format!("{}: {l}", n.english()),
        (None, Some(l)) => l,
        (Some(n), None) => n.english(),
        (None, None) => String::new(),
    }
}

#[test]
fn flask_run_takes_port_or_flask_run_port_never_port() {
    let l = lines("/venv/bin/python3 /venv/bin/flask --app app run --debug --port 5000");
    assert_eq!(
        l,
        [
            "/venv/bin/flask --app app run --debug --port 5001",
            "FLASK_RUN_PORT=5001 /venv/bin/flask --app app run --debug"
        ]
    );
    let l = lines("python3 -m flask run -p 5000 --host=0.0.0.0");
    assert_eq!(l[0], "python3 -m flask run --host=0.0.0.0 --port 5001");
    assert!(l.iter().all(|x| !x.starts_with("PORT=")), "{l:?}");
    let l = lines("python3 -m flask run --port=5000");
    assert_eq!(l[0], "python3 -m flask run --port 5001");
}

/// What came from the environment is written out: a shell elsewhere has
/// none of the holder's variables.
#[test]
fn flask_settings_from_the_environment_are_written_out() {
    let mut p = holder("python3 -m flask run");
    p.env = vec![
        ("FLASK_APP".into(), "hello".into()),
        ("FLASK_DEBUG".into(), "1".into()),
        ("FLASK_RUN_HOST".into(), "0.0.0.0".into()),
    ];
    assert_eq!(
        steps_of(&p, &nowhere())[0],
        "python3 -m flask --app hello run --host 0.0.0.0 --debug --port 5001"
    );
}

/// The folder, the user, and the tool's name only when it is the same file
/// (user ids and `sudo -u` are Unix's).
#[cfg(unix)]
#[test]
fn the_line_runs_where_and_as_the_holder_ran() {
    let dir = std::env::temp_dir().join(format!("portcheck-remedy-{}", std::process::id()));
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(dir.join("flask"), "#!/bin/sh\n").unwrap();
    std::fs::write(other.join("flask"), "#!/bin/sh\n").unwrap();
    let tool = dir.join("flask").display().to_string();
    let mut p = holder(&format!("/usr/bin/python3 {tool} run"));
    p.cwd = Some("/srv/my app".into());
    p.uid = Some(1000);
    p.user = Some("ana".into());
    let same = Here {
        cwd: Some("/".into()),
        uid: Some(0),
        path: Some(dir.clone().into()),
        free: &|b| Some(b),
    };
    assert_eq!(steps_of(&p, &same)[0], "cd '/srv/my app' && sudo -u ana flask run --port 5001");
    assert_eq!(
        steps_of(&p, &same)[1],
        "cd '/srv/my app' && sudo -u ana env FLASK_RUN_PORT=5001 flask run"
    );
    let elsewhere = Here {
        cwd: Some("/srv/my app".into()),
        uid: Some(1000),
        path: Some(other.clone().into()),
        free: &|b| Some(b),
    };
    assert_eq!(steps_of(&p, &elsewhere)[0], format!("{tool} run --port 5001"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_flask_script_keeps_what_the_user_wrote() {
    let (dir, p, here) = flask_script("script");
    let l = steps_of(&p, &here);
    assert_eq!(
        l,
        [
            "in app.py, call app.run(host='0.0.0.0', debug=True, port=5001), then: python3 app.py",
            "or the same app through flask run: flask --app app run --host 0.0.0.0 --debug --port 5001",
            "or let PORT choose: in app.py, import os and call app.run(host='0.0.0.0', debug=True, port=int(os.environ.get(\"PORT\", 5000))), then: PORT=5001 python3 app.py"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn django_http_server_gunicorn_uvicorn() {
    let l = lines("python manage.py runserver");
    assert_eq!(l, ["python manage.py runserver 5001"]);
    let l = lines("python manage.py runserver 0.0.0.0:8000 --noreload");
    assert_eq!(l, ["python manage.py runserver 0.0.0.0:5001 --noreload"]);
    let l = lines("python3 -m http.server 8000 --bind 127.0.0.1");
    assert_eq!(l, ["python3 -m http.server 5001 --bind 127.0.0.1"]);
    let l = lines("python3 -m http.server -d /srv");
    assert_eq!(l, ["python3 -m http.server -d /srv 5001"]);
    let l = lines("/venv/bin/python /venv/bin/gunicorn -w 2 --bind 0.0.0.0:8000 app:app");
    assert_eq!(l, ["/venv/bin/gunicorn -b 0.0.0.0:5001 -w 2 app:app"]);
    let l = lines("gunicorn -p /run/g.pid -D --pid=/x app:app --daemon");
    assert_eq!(l, ["gunicorn -b 127.0.0.1:5001 app:app"]);
    let l =
        lines("/venv/bin/python /venv/bin/uvicorn main:app --port 8000 --host 0.0.0.0 --reload");
    assert_eq!(l, ["/venv/bin/uvicorn main:app --host 0.0.0.0 --reload --port 5001"]);
}

/// A gunicorn whose title setproctitle rewrote: `gunicorn -b HOST:N APP`,
/// saying its other flags are unknown.
#[test]
fn a_retitled_gunicorn_gets_bind_and_its_app() {
    let p = ProcessInfo::bare(100, vec!["gunicorn: master [app:app]".into()]);
    assert_eq!(steps_of(&p, &nowhere()), ["gunicorn -b 127.0.0.1:5001 app:app"]);
}

/// Hypercorn is not in the test venv (tests/cli/advice.rs runs the others
/// for real), so its line is checked against its documented syntax:
/// `-b/--bind HOST:PORT`, default 127.0.0.1:8000 (hypercorn.readthedocs.io,
/// "Usage").
#[test]
fn hypercorn_takes_bind_host_port() {
    let l = lines("hypercorn --bind 0.0.0.0:8000 main:app");
    assert_eq!(l, ["hypercorn -b 0.0.0.0:5001 main:app"]);
    let l = lines("python -m hypercorn main:app");
    assert_eq!(l, ["python -m hypercorn -b 127.0.0.1:5001 main:app"]);
}

#[test]
fn node_servers_use_their_documented_flags() {
    assert_eq!(lines("node /app/node_modules/.bin/vite"), ["npx vite --port 5001"]);
    assert_eq!(lines("node /app/node_modules/.bin/next dev"), ["npx next dev --port 5001"]);
    assert_eq!(lines("node webpack serve"), ["npx webpack serve --port 5001"]);
    assert!(lines("node server.js").is_empty());
}

/// nginx, Apache and Caddy get no "use port N": their port is their
/// configuration's.
#[test]
fn web_servers_keep_their_configured_port() {
    let mut p = holder("nginx: master process /usr/sbin/nginx");
    p.name = "nginx".into();
    let origin = crate::started::of(&p, &[]);
    let h = Holder { origin: &origin, role: Role::Server, address: "0.0.0.0", listen: None };
    let r = for_holder(&h, &nowhere(), 81).unwrap();
    assert!(!r.moves);
    assert!(r.lines.iter().all(|s| s.run.is_none()), "{r:?}");
    assert!(r.lines[0].note.as_ref().unwrap().english().contains("nginx -T | grep -n listen"));
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

/// The holder's own words are quoted for the shell, a word with a control
/// character (in its argv or its folder) makes no command, only words
/// (never the generic PORT/--port forms, wrong for most of these), and a
/// secret's place makes words only.
#[test]
fn outside_words_are_quoted_or_refused() {
    let p = ProcessInfo::bare(
        100,
        ["python3", "-m", "http.server", "8000", "-d", "/srv/$(touch PWNED) a"]
            .map(String::from)
            .into(),
    );
    assert_eq!(
        steps_of(&p, &nowhere()),
        ["python3 -m http.server 5001 -d '/srv/$(touch PWNED) a'"]
    );
    let p = ProcessInfo::bare(
        100,
        ["python3", "-m", "http.server", "8000", "-d", "/srv/\x1b]0;X\x07"]
            .map(String::from)
            .into(),
    );
    let unprintable = [
        "start it again as before with port 5001: its folder or command holds a character portcheck does not print",
    ];
    assert_eq!(steps_of(&p, &nowhere()), unprintable);
    let mut p = holder("flask --app app run --port 5000");
    p.cwd = Some("/srv/a\nb $x 'q\"".into());
    assert_eq!(steps_of(&p, &Here { cwd: Some("/".into()), ..nowhere() }), unprintable);
    p.cwd = Some("/srv/ b $x 'q\"`c`".into());
    assert_eq!(
        steps_of(&p, &Here { cwd: Some("/".into()), ..nowhere() })[0],
        "cd '/srv/ b $x '\\''q\"`c`' && flask --app app run --port 5001"
    );
    let p = holder("uvicorn main:app --ssl-keyfile-password <redacted>");
    let l = steps_of(&p, &nowhere());
    assert_eq!(l.len(), 1);
    assert!(l[0].contains("holds a secret"), "{l:?}");
}

/// `python -m debugpy --listen HOST:P -m flask run`: the same wrapper on a
/// free debugger port, never the running instance's plumbing.
#[test]
fn debugpy_listen_moves_the_debugger_too() {
    let p = holder(
        "python -m debugpy --listen 127.0.0.1:5678 --wait-for-client -m flask run --port 5000",
    );
    let l = steps_of(&p, &Here { free: &|b| Some(b + 1), ..nowhere() });
    assert_eq!(
        l[0],
        "python -m debugpy --listen 127.0.0.1:5680 --wait-for-client -m flask run --port 5001"
    );
    assert_eq!(
        l.last().unwrap(),
        "then set the attach configuration's \"connect\": {\"port\": 5680}"
    );
}

/// A package script's line by its package.json, per tool: npm passes
/// arguments after `--` (docs.npmjs.com, "npm run-script"), yarn and pnpm
/// what follows the script's name (classic.yarnpkg.com "yarn run",
/// pnpm.io "pnpm run"). Not run here: yarn and pnpm are not installed.
#[test]
fn package_scripts_take_the_port_their_tools_way() {
    let dir = std::env::temp_dir().join(format!("portcheck-pkg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        r#"{"scripts": {"dev": "vite", "start": "node server.js", "my app": "node server.js"}}"#,
    )
    .unwrap();
    std::fs::write(dir.join("server.js"), "listen(3000)\n").unwrap();
    let line = |tool: &str, script: &str| {
        let mut p = holder("node server.js");
        p.cwd = Some(dir.clone());
        p.env = vec![
            ("npm_lifecycle_event".into(), script.into()),
            ("npm_config_user_agent".into(), format!("{tool}/1.0 node/v20")),
        ];
        steps_of(&p, &Here { cwd: Some(dir.clone()), ..nowhere() })
    };
    assert_eq!(line("npm", "dev"), ["npm run dev -- --port 5001"]);
    assert_eq!(line("yarn", "dev"), ["yarn run dev --port 5001"]);
    assert_eq!(line("pnpm", "dev"), ["pnpm run dev --port 5001"]);
    assert_eq!(
        line("npm", "start"),
        ["change the port where server.js sets it, then npm start again"]
    );
    // The script's name is the package's: quoted as the shell reads it.
    assert_eq!(
        line("npm", "my app"),
        ["change the port where server.js sets it, then npm run 'my app' again"]
    );
    std::fs::write(dir.join("server.js"), "listen(process.env.PORT)\n").unwrap();
    assert_eq!(line("npm", "start"), ["PORT=5001 npm start"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// In Korean the sentences are the catalog's Korean with the guide's
/// words, every command is the same as in English, and JSON (`stop_note`)
/// still says the English.
#[test]
fn a_remedy_in_korean_keeps_its_commands_and_its_english_json() {
    use crate::i18n::{Lang, scoped};
    let (dir, p, here) = flask_script("ko-script");
    let origin = crate::started::of(&p, &[]);
    let h = Holder { origin: &origin, role: Role::Server, address: "0.0.0.0", listen: None };
    let r = for_holder(&h, &here, 5001).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let english: Vec<Option<String>> = r.lines.iter().map(Step::line).collect();
    let json = serde_json::to_value(&r.lines).unwrap();
    let (why, notes, lines, ko_json) = scoped(Lang::Ko, || {
        let notes: Vec<String> =
            r.lines.iter().filter_map(|s| s.note.clone()).map(|n| n.to_string()).collect();
        (
            r.why.to_string(),
            notes,
            r.lines.iter().map(Step::line).collect::<Vec<_>>(),
            serde_json::to_value(&r.lines).unwrap(),
        )
    });
    assert_eq!(lines, english, "commands are code: the same in every language");
    assert_eq!(ko_json, json, "JSON stays English");
    assert!(json[2]["stop_note"].as_str().unwrap().starts_with("or let PORT choose"), "{json}");
    assert_eq!(
        why,
        "app.py에서 app.run()으로 포트를 정함; 이 경우 Flask는 PORT와 FLASK_RUN_PORT를 무시함"
    );
    assert_eq!(
        notes[0],
        "app.py에서 app.run(host='0.0.0.0', debug=True, port=5001)처럼 호출하도록 바꾼 다음 실행"
    );
    assert_eq!(notes[1], "또는 같은 앱을 flask run으로 실행");
    assert!(notes[2].starts_with("또는 환경 변수 활용: app.py에서 os를 import하고 "), "{notes:?}");
    assert!(notes[2].contains("int(os.environ.get(\"PORT\", 5000))"), "{notes:?}");
}

/// The generic forms and a VS Code launch session's words in Korean: the
/// flags and `launch.json`'s keys as written.
#[test]
fn generic_and_launch_json_remedies_in_korean() {
    use crate::i18n::{Lang, scoped};
    let notes = |r: &Remedy| -> Vec<String> {
        scoped(Lang::Ko, || {
            r.lines.iter().filter_map(|s| s.note.as_ref()).map(|n| n.to_string()).collect()
        })
    };
    assert_eq!(
        notes(&generic(5001)),
        [
            "앱이 $PORT를 읽는다면: 환경 변수를 PORT=5001처럼 설정해서 시작하세요",
            "--port를 받는다면: --port 5001 옵션으로 시작하세요"
        ]
    );
    // A sentence alone is JSON's `stop`: in English.
    let json = |r: &Remedy| serde_json::to_value(&r.lines).unwrap();
    let english = json(&generic(5001));
    assert_eq!(
        english[0]["stop"],
        "if your app reads $PORT: start it with PORT=5001 in its environment"
    );
    assert_eq!(scoped(Lang::Ko, || json(&generic(5001))), english);
    let mut p = holder("/usr/bin/python3 -m flask run");
    p.parent_command =
        argv("/usr/bin/python3 /home/a/.vscode/x/debugpy/launcher 40123 -- -m flask run");
    p.env = vec![("FLASK_RUN_PORT".into(), "5000".into())];
    let origin = crate::started::of(&p, &[]);
    let h = Holder { origin: &origin, role: Role::Server, address: "127.0.0.1", listen: None };
    let r = for_holder(&h, &nowhere(), 5001).unwrap();
    assert_eq!(
        notes(&r),
        ["launch.json에서 \"env\": {\"FLASK_RUN_PORT\": \"5001\"}처럼 설정하고 다시 시작하세요"],
        "{r:?}"
    );
    assert_eq!(scoped(Lang::Ko, || r.why.to_string()), "VS Code가 launch.json으로 실행함");
}
