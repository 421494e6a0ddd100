//! Every cmd.exe line portcheck advises runs through `cmd /c` and does
//! what it says. The programs the lines name (sc.exe, netsh, tasklist,
//! docker, taskkill, flask, python, npm, npx, gunicorn, uvicorn,
//! portcheck…) are copies of a stub (tests/stub, the `argv-stub` example)
//! in a folder first on PATH; each prints the words it was given, its
//! folder and the variables advice sets. The lines come from the code that
//! advises them: the Windows holder rules, the kill mechanics, the
//! remedies of every recognised framework, the project in a folder, the
//! next step `portcheck --kill`, the fixes of a refused bind (netsh, net),
//! where to look for an unseen holder (netstat), and a folder change.

use std::os::windows::process::CommandExt;
use std::path::{Path, PathBuf};

use crate::net::Protocol;
use crate::port::Refused;
use crate::remedy::Holder;
use crate::shell::{Command, Shell};

/// The programs advice names, as the stub.
const PROGRAMS: &[&str] = &[
    "sc.exe",
    "netsh.exe",
    "tasklist.exe",
    "docker.exe",
    "taskkill.exe",
    "flask.exe",
    "python.exe",
    "python3.exe",
    "npm.exe",
    "npx.exe",
    "gunicorn.exe",
    "hypercorn.exe",
    "uvicorn.exe",
    "portcheck.exe",
    "net.exe",
    "wsl.exe",
    "netstat.exe",
];

/// A folder of stubs, removed on drop.
struct Stubs(PathBuf);

impl Stubs {
    fn new() -> Stubs {
        let exe = std::env::current_exe().unwrap();
        let stub = exe.parent().unwrap().parent().unwrap().join("examples").join("argv-stub.exe");
        assert!(stub.is_file(), "{} is not built (cargo test builds it)", stub.display());
        // One folder per test: tests run at once, and each removes its own.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("portcheck-stubs-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for p in PROGRAMS {
            std::fs::copy(&stub, dir.join(p)).unwrap();
        }
        Stubs(dir)
    }

    /// Runs `line` with `cmd /d /s /c "LINE"` from `cwd`, the stubs first
    /// on PATH; what the stub printed.
    fn run(&self, line: &str, cwd: &Path) -> serde_json::Value {
        let path = format!("{};{}", self.0.display(), std::env::var("PATH").unwrap_or_default());
        let out = std::process::Command::new("cmd")
            .raw_arg(format!("/d /s /c \"{line}\""))
            .current_dir(cwd)
            .env("PATH", path)
            .env_remove("PORT")
            .env_remove("FLASK_RUN_PORT")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{line}: {text} {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_str(text.trim())
            .unwrap_or_else(|e| panic!("{line}: the stub did not run ({e}): {text}"))
    }
}

impl Drop for Stubs {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a command must do: its argument words (the first is the program),
/// its variables and its folder.
fn check(stubs: &Stubs, cmd: &Command, dir: Option<&Path>) {
    assert_eq!(cmd.unsafe_word_in(Shell::Cmd), None, "{cmd:?}");
    let line = cmd.render(Shell::Cmd);
    let cwd = std::env::temp_dir();
    let got = stubs.run(&line, &cwd);
    let words = cmd.clone().in_dir_none().words().unwrap();
    let (env, argv): (Vec<&String>, Vec<&String>) =
        words.iter().partition(|w| w.split_once('=').is_some_and(|(n, _)| cmd.sets(n)));
    let expected: Vec<&String> = argv[1..].to_vec();
    assert_eq!(got["argv"], serde_json::json!(expected), "{line}");
    for e in env {
        let (n, v) = e.split_once('=').unwrap();
        assert_eq!(got["env"][n], v, "{line}");
    }
    let at = dir.unwrap_or(&cwd);
    let same = Path::new(got["cwd"].as_str().unwrap()).canonicalize().unwrap()
        == at.canonicalize().unwrap();
    assert!(same, "{line}: ran in {}, not {}", got["cwd"], at.display());
}

/// Every advised command of `steps`.
fn commands(steps: impl IntoIterator<Item = crate::shell::Step>) -> Vec<Command> {
    steps.into_iter().filter_map(|s| s.run).collect()
}

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// The remedies of every framework portcheck recognises, on port 5001,
/// from the model of how each was started.
fn remedies() -> Vec<Command> {
    let holders: Vec<(&str, Vec<String>)> = vec![
        ("python", argv(&["python", "-m", "flask", "run", "--port", "5000"])),
        ("flask", argv(&["flask", "--app", "my app", "run"])),
        ("python", argv(&["python", "app.py"])),
        ("python", argv(&["python", "manage.py", "runserver", "127.0.0.1:8000"])),
        ("python", argv(&["python", "-m", "http.server", "8000"])),
        ("gunicorn", argv(&["gunicorn", "-b", "0.0.0.0:8000", "app:app"])),
        ("hypercorn", argv(&["hypercorn", "app:app"])),
        ("uvicorn", argv(&["uvicorn", "main:app", "--port", "8000"])),
        ("node", argv(&["node", "vite"])),
        ("node", argv(&["node", "next", "dev"])),
        ("node", argv(&["node", "webpack"])),
    ];
    let here = crate::remedy::Here { cwd: None, uid: None, path: None, free: &|b| Some(b) };
    let mut out = Vec::new();
    for (name, command) in holders {
        let mut p = crate::process::ProcessInfo::bare(100, command.clone());
        p.name = name.into();
        // `python app.py` is Flask by its reloader's child.
        p.werkzeug_child = command.get(1).is_some_and(|a| a == "app.py");
        let origin = crate::started::of(&p, &[]);
        let role = crate::hint::role(&p, &[], origin.kind, 5000);
        let h = Holder { origin: &origin, role, address: "127.0.0.1", listen: None };
        let r = crate::remedy::for_holder(&h, &here, 5001).unwrap_or_else(|| panic!("{command:?}"));
        out.extend(commands(r.lines));
    }
    out
}

/// Every command the Windows holder rules, the kill mechanics and the
/// next steps advise.
fn stops() -> Vec<Command> {
    let mut steps = Vec::new();
    for (pid, name, port, service) in [
        (4, "System", 80, None),
        (4, "System", 445, None),
        (900, "com.docker.backend.exe", 5432, None),
        (800, "svchost.exe", 5357, Some("FDResPub")),
        (801, "svchost.exe", 5357, None),
        (902, "wslrelay.exe", 5000, None),
        (903, "wslhost.exe", 5000, None),
    ] {
        let p = crate::report::ProcessReport::bare(pid, name);
        if let Some(crate::kill::policy::Verdict::Refuse { stop: Some(s), .. }) =
            super::windows::rule(&p, port, service.is_some() || pid >= 800, service)
        {
            steps.push(s);
        }
    }
    for why in [Refused::ExcludedRange, Refused::ExclusiveBind, Refused::AccessDenied] {
        for protocol in [Protocol::Tcp, Protocol::Udp] {
            steps.extend(why.fix(5000, protocol));
        }
    }
    let blind = crate::scan::BlindSpot::BoundSockets;
    steps.extend(crate::inspect::look::unseen(5000, None, blind, true).1);
    let mut out = commands(steps);
    out.push(crate::kill::sys::end_pids(&[4242], crate::report::Signal::TERM));
    // A respawn's line: the supervisor, then the server it started again.
    out.push(crate::kill::sys::end_pids(&[4241, 4242], crate::report::Signal::TERM));
    // The manual way shown before the question: taskkill and netstat.
    out.extend(crate::kill::sys::find_holders(&[5000, 5001]).run);
    out.push(Command::new(["portcheck", "--kill", "5000"]));
    out
}

#[test]
fn every_cmd_line_runs_and_does_what_it_says() {
    let stubs = Stubs::new();
    let all: Vec<Command> = stops().into_iter().chain(remedies()).collect();
    assert!(all.len() >= 35, "{all:?}");
    for cmd in &all {
        check(&stubs, cmd, None);
    }
    // The project in a folder, and a folder change (with a space and an
    // ampersand in the folder's name).
    let dir = std::env::temp_dir().join(format!("portcheck app & co {}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("manage.py"), "").unwrap();
    let project = crate::project::remedy(&dir, 5001).expect("a Django project");
    for cmd in commands(project.lines) {
        check(&stubs, &cmd, None);
        check(&stubs, &cmd.clone().in_dir(&dir), Some(&dir));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// cmd's metacharacters, spaces, a trailing backslash and an empty word
/// reach the program as the words, through cmd's parse and the C
/// runtime's split.
#[test]
fn metacharacters_reach_the_program_as_words() {
    let stubs = Stubs::new();
    let words = ["python", "a^b", "x&y", "a|b", "<in>", "(c)", "^", r"C:\my dir\", r"C:\d\", ""];
    check(&stubs, &Command::new(words), None);
    let set = Command::new(["flask", "run"]).env("FLASK_RUN_PORT", "50&01 ^(x)").unwrap();
    check(&stubs, &set, None);
}
