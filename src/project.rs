//! The project in the current directory, when it tells how its server
//! takes a port: `manage.py` (Django), a Flask app file (`app.py`,
//! `wsgi.py`), `package.json` scripts (Vite, Next.js, Create React App).
//! Reads a few small files of the current directory, nothing else.

use std::path::Path;

use crate::host::read_small;
use crate::i18n::{Msg, msg};
use crate::remedy::{Remedy, django, flask_run, with_port};
use crate::shell::{Command, Step};

/// How to start the project in `dir` on `port`, when `dir` says.
pub(crate) fn remedy(dir: &Path, port: u16) -> Option<Remedy> {
    if dir.join("manage.py").is_file() {
        let mut r = django(&["python".into(), "manage.py".into()], &["runserver".into()], port);
        r.why = msg!("project-django", why = r.why);
        return Some(r);
    }
    for file in ["app.py", "wsgi.py"] {
        if let Some(text) = read_small(dir, file)
            && text.contains("flask")
        {
            let mut r = flask_run(&["flask".into()], &["run".into()], port);
            r.why = msg!("project-flask", file = file, why = r.why);
            if text.contains(".run(") {
                r.lines.push(Step::explained(
                    msg!("project-flask-script", file = file, port = port),
                    Command::new(["python", file]),
                ));
            }
            return Some(r);
        }
    }
    let scripts = read_small(dir, "package.json").and_then(|t| npm_scripts(&t))?;
    npm(&scripts, port)
}

/// What `package.json`'s `dev` and `start` scripts run.
fn npm_scripts(text: &str) -> Option<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let s = |k: &str| v["scripts"][k].as_str().unwrap_or("").to_string();
    Some((s("dev"), s("start")))
}

/// The npm command for a port, from the scripts' tools.
pub(crate) fn npm((dev, start): &(String, String), port: u16) -> Option<Remedy> {
    let r = |why: Msg, line: Step| Some(Remedy { why, lines: vec![line], moves: true });
    let p = port.to_string();
    let dev_port = || Step::run(Command::new(["npm", "run", "dev", "--", "--port", &p]));
    if dev.contains("vite") {
        return r(msg!("project-vite"), dev_port());
    }
    if dev.contains("next dev") {
        return Some(Remedy {
            why: msg!("project-next"),
            lines: vec![dev_port(), with_port(&p, ["npm", "run", "dev"])],
            moves: true,
        });
    }
    if start.contains("react-scripts start") {
        return r(msg!("project-react-scripts"), with_port(&p, ["npm", "start"]));
    }
    if !start.is_empty() {
        return r(msg!("project-node"), with_port(&p, ["npm", "start"]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_directory_names_its_framework() {
        let dir = std::env::temp_dir().join(format!("portcheck-project-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(remedy(&dir, 8001), None);
        let pkg = r#"{"scripts": {"dev": "vite", "build": "vite build"}}"#;
        std::fs::write(dir.join("package.json"), pkg).unwrap();
        assert_eq!(remedy(&dir, 8001).unwrap().shown(), ["npm run dev -- --port 8001"]);
        std::fs::write(dir.join("app.py"), "from flask import Flask\napp = Flask(__name__)\n")
            .unwrap();
        let flask = remedy(&dir, 8001).unwrap();
        assert_eq!(flask.shown(), ["flask run --port 8001", "FLASK_RUN_PORT=8001 flask run"]);
        std::fs::write(dir.join("manage.py"), "").unwrap();
        assert_eq!(remedy(&dir, 8001).unwrap().shown(), ["python manage.py runserver 8001"]);
        let _ = std::fs::remove_dir_all(&dir);
        let s = |d: &str, st: &str| (d.to_string(), st.to_string());
        assert_eq!(
            npm(&s("", "react-scripts start"), 3001).unwrap().shown(),
            ["PORT=3001 npm start"]
        );
        assert_eq!(npm(&s("next dev", ""), 3001).unwrap().shown()[0], "npm run dev -- --port 3001");
        assert_eq!(npm(&s("", ""), 3001), None);
    }
}
