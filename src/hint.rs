//! What a process is, in a few words: from its name, command line,
//! environment, the other holders of its socket and its systemd unit.

use crate::process::ProcessInfo;

/// Development servers: exposing one to the network deserves a warning.
const DEV_SERVERS: &[&str] = &[
    "Flask development server",
    "Django development server",
    "Vite dev server",
    "Next.js dev server",
    "webpack dev server",
    "Python static file server",
    "VS Code Python debugger",
    "Node.js inspector",
];

/// Whether a hint names a development server.
pub(crate) fn is_dev_server(hint: &str) -> bool {
    DEV_SERVERS.iter().any(|d| hint.starts_with(d))
}

/// A short description of what `p` is, when it is recognised. `peers` are
/// the other processes holding the same socket.
pub(crate) fn hint(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Option<String> {
    let what = what(p, peers);
    match (&p.unit, what) {
        (Some(unit), Some(w)) => Some(format!("{w} (systemd unit {})", unit.describe())),
        (Some(unit), None) => Some(format!("systemd unit {}", unit.describe())),
        (None, w) => w,
    }
}

/// The directories VS Code's remote server installs itself in (Remote-SSH,
/// Dev Containers, WSL): nothing else runs from them.
const VSCODE_SERVER_DIRS: &[&str] =
    &[".vscode-server", ".vscode-server-insiders", ".vscode-remote"];

/// Where Linux packages install the desktop editor (`.deb`/`.rpm`, the
/// snap under `/snap/code/<rev>/usr/share/code/code`, Arch's package).
const VSCODE_LINUX_INSTALLS: &[&str] = &[
    "/usr/share/code/code",
    "/usr/share/code-insiders/code-insiders",
    "/opt/visual-studio-code/code",
];

/// What the hint calls VS Code's own processes.
pub(crate) const VSCODE_FORWARDING: &str = "VS Code port forwarding (the Ports panel)";

/// Whether `name`/`command` is VS Code itself, which forwards ports to
/// localhost for Remote-SSH, Dev Containers and WSL: the desktop editor's
/// processes by name (`Code Helper`, `Code Helper (Plugin)`, `Code.exe`,
/// `code-server`, and their Insiders builds), Linux's `code` only as
/// installed by its packages, and `code…` or `node` only when the program
/// runs from a VS Code server directory
/// (`~/.vscode-server/bin/<commit>/node`). A user's own `node server.js`
/// is not VS Code.
pub(crate) fn is_vscode(name: &str, command: &[String]) -> bool {
    let desktop = [
        "Code Helper",
        "Code Helper (Plugin)",
        "Code - Insiders Helper",
        "Code - Insiders Helper (Plugin)",
        "code-server",
    ];
    let windows = ["Code.exe", "Code - Insiders.exe"];
    if desktop.contains(&name) || windows.iter().any(|w| name.eq_ignore_ascii_case(w)) {
        return true;
    }
    let exe = command.first().map_or("", String::as_str);
    if ["code", "code-insiders"].contains(&name)
        && VSCODE_LINUX_INSTALLS.iter().any(|i| exe.ends_with(i))
    {
        return true;
    }
    let in_server_dir = exe
        .split(['/', '\\'])
        .any(|dir| VSCODE_SERVER_DIRS.iter().any(|d| dir.eq_ignore_ascii_case(d)));
    // `code-<commit>` is the VS Code CLI of newer servers (cut to 15
    // bytes by Linux's `comm`).
    in_server_dir
        && (name.eq_ignore_ascii_case("node")
            || name.eq_ignore_ascii_case("node.exe")
            || name.starts_with("code"))
}

/// Whether PID 1 `name`/`command` is systemd (not a container's app).
pub(crate) fn is_systemd(name: &str, command: &[String]) -> bool {
    name == "systemd" || command.first().is_some_and(|a| a.rsplit('/').next() == Some("systemd"))
}

/// PID 1: systemd (socket activation), or a container's or namespace's
/// first process, which is usually the app itself.
fn pid1(p: &ProcessInfo, peers: &[&ProcessInfo]) -> String {
    if is_systemd(&p.name, &p.command) {
        return "init (PID 1): systemd socket activation; stop the .socket unit".into();
    }
    let it = ProcessInfo { pid: 0, ..p.clone() };
    match what(&it, peers) {
        Some(w) => format!("{w}; PID 1 of its container or namespace"),
        None => "PID 1 of its container or namespace (the container's main process)".into(),
    }
}

/// A Flask (Werkzeug) development server's role: `flask run`, or a
/// script that calls `app.run()` (`python app.py`), recognised by the
/// reloader's child (WERKZEUG_RUN_MAIN / WERKZEUG_SERVER_FD in its
/// environment) and by its parent, which runs the same arguments.
fn flask_role(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Option<&'static str> {
    let by_name = |q: &ProcessInfo| {
        q.command.iter().any(|a| a == "flask" || a.ends_with("/flask"))
            || q.command.join(" ").contains("werkzeug")
    };
    let same_args = |a: &ProcessInfo, b: &ProcessInfo| a.command.get(1..) == b.command.get(1..);
    if p.werkzeug_child {
        return Some(" (server child of the reloader)");
    }
    let child = peers
        .iter()
        .any(|q| q.ppid == Some(p.pid) && (by_name(q) || (q.werkzeug_child && same_args(p, q))));
    if child {
        return Some(" (reloader parent)");
    }
    by_name(p).then_some("")
}

fn what(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Option<String> {
    let args: Vec<&str> = p.command.iter().map(String::as_str).collect();
    let base = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let exe = args.first().map(|a| base(a)).unwrap_or_default();
    let has = |needle: &str| args.iter().any(|a| *a == needle || base(a) == needle);
    let joined = args.join(" ");
    if p.pid == 1 {
        return Some(pid1(p, peers));
    }
    if is_vscode(&p.name, &p.command) {
        return Some(VSCODE_FORWARDING.into());
    }
    if let Some(role) = flask_role(p, peers) {
        return Some(format!("Flask development server{role}"));
    }
    if exe == "docker-proxy" || p.name == "docker-proxy" {
        let arg = |flag: &str| {
            args.iter().position(|a| *a == flag).and_then(|i| args.get(i + 1)).copied()
        };
        return Some(match (arg("-container-ip"), arg("-container-port")) {
            (Some(ip), Some(port)) => {
                format!("Docker published port (docker-proxy) to container {ip}:{port}")
            }
            _ => "Docker published port (docker-proxy)".into(),
        });
    }
    let found = if has("gunicorn") || joined.contains("gunicorn") {
        "gunicorn WSGI server"
    } else if has("uvicorn") {
        "uvicorn ASGI server"
    } else if has("hypercorn") {
        "hypercorn ASGI server"
    } else if has("runserver") && joined.contains("manage.py") {
        "Django development server"
    } else if has("debugpy") || joined.contains("debugpy") {
        "VS Code Python debugger (debugpy)"
    } else if has("http.server") {
        "Python static file server (python -m http.server)"
    } else if joined.contains("vite") {
        "Vite dev server"
    } else if joined.contains("next dev") || joined.contains("next-server") {
        "Next.js dev server"
    } else if joined.contains("webpack") {
        "webpack dev server"
    } else if p.name.starts_with("rootlessport")
        || ["pasta", "slirp4netns"].contains(&p.name.as_str())
    {
        "rootless container port forwarder"
    } else if p.name.starts_with("postgres") {
        "PostgreSQL server"
    } else if p.name.starts_with("redis-server") {
        "Redis server"
    } else if p.name == "mysqld" || p.name == "mariadbd" {
        "MySQL/MariaDB server"
    } else if p.name == "nginx" {
        "nginx web server"
    } else if p.name == "sshd" {
        "OpenSSH server"
    } else if p.name == "ControlCenter" {
        "macOS AirPlay Receiver: turn it off in System Settings > General > AirDrop & Handoff"
    } else if joined.contains("--inspect") && (p.name == "node" || exe == "node") {
        "Node.js inspector"
    } else if p.name == "node" || exe == "node" {
        "Node.js process"
    } else {
        return None;
    };
    Some(found.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Unit;

    fn proc(pid: u32, ppid: u32, name: &str, command: &[&str]) -> ProcessInfo {
        ProcessInfo {
            pid,
            ppid: Some(ppid),
            name: name.into(),
            parent_name: None,
            uid: Some(1000),
            user: None,
            command: command.iter().map(|s| s.to_string()).collect(),
            started: None,
            ancestors: vec![],
            unit: None,
            werkzeug_child: false,
        }
    }

    #[test]
    fn recognises_common_holders() {
        let h = |name, cmd: &[&str]| hint(&proc(100, 1, name, cmd), &[]).unwrap_or_default();
        assert_eq!(h("python3", &["python3", "-m", "flask", "run"]), "Flask development server");
        assert_eq!(
            h("python3", &["python3", "manage.py", "runserver"]),
            "Django development server"
        );
        assert_eq!(h("python3", &["/venv/bin/gunicorn", "app:app"]), "gunicorn WSGI server");
        assert_eq!(h("node", &["node", "/app/node_modules/.bin/vite"]), "Vite dev server");
        assert_eq!(
            h("python3", &["python3", "-m", "debugpy", "--listen", "5678"]),
            "VS Code Python debugger (debugpy)"
        );
        assert_eq!(
            h("rootlessport-ch", &["rootlessport-child"]),
            "rootless container port forwarder"
        );
        assert_eq!(
            h(
                "ControlCenter",
                &["/System/Library/CoreServices/ControlCenter.app/Contents/MacOS/ControlCenter"]
            )
            .split(':')
            .next(),
            Some("macOS AirPlay Receiver")
        );
        assert!(hint(&proc(100, 1, "bash", &["bash"]), &[]).is_none());
        assert!(
            hint(&proc(1, 0, "systemd", &["/sbin/init"]), &[])
                .unwrap()
                .contains("socket activation")
        );
    }

    #[test]
    fn vs_code_forwarding_is_named_and_a_users_node_is_not() {
        let h = |name, cmd: &[&str]| hint(&proc(100, 50, name, cmd), &[]).unwrap_or_default();
        let server = "/home/ana/.vscode-server/bin/e170252f762678dec6ca2cc69aba1570769a5d39/node";
        let forwarding = "VS Code port forwarding (the Ports panel)";
        assert_eq!(
            h("node", &[server, "/home/ana/.vscode-server/bin/e17/out/server-main.js"]),
            forwarding
        );
        let cli = "/home/me/.vscode-server/cli/servers/Stable-e17/server/node";
        assert_eq!(h("node", &[cli, "--dns-result-order=ipv4first"]), forwarding);
        assert_eq!(h("node", &["/home/ana/.vscode-server-insiders/bin/abc/node"]), forwarding);
        assert_eq!(
            h("node", &["/vscode/.vscode-remote/bin/abc/node", "server-main.js"]),
            forwarding
        );
        assert_eq!(
            h(
                "code-e170252f76",
                &["/home/ana/.vscode-server/code-e170252f762678", "command-shell"]
            ),
            forwarding
        );
        assert_eq!(
            h(
                "Code Helper (Plugin)",
                &[
                    "/Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper (Plugin).app/Contents/MacOS/Code Helper (Plugin)",
                    "--type=utility"
                ]
            ),
            forwarding
        );
        assert_eq!(h("Code Helper", &["Code Helper"]), forwarding);
        assert_eq!(
            h("Code.exe", &[r"C:\Users\ana\AppData\Local\Programs\Microsoft VS Code\Code.exe"]),
            forwarding
        );
        assert_eq!(h("code-server", &["/usr/lib/code-server/lib/node"]), forwarding);
        // A user's own servers, even started from VS Code's terminal or
        // living in a directory named like it.
        assert_eq!(h("node", &["node", "server.js"]), "Node.js process");
        assert_eq!(
            h("node", &["/usr/bin/node", "/home/ana/.vscode-server/extensions/x/server.js"]),
            "Node.js process"
        );
        assert_eq!(
            h("node", &["/home/ana/.vscode-server-projects/node", "app.js"]),
            "Node.js process"
        );
        assert_eq!(h("node", &["/home/ana/my.vscode-server/node"]), "Node.js process");
        assert_eq!(h("python3", &["/home/ana/.vscode-server/bin/abc/python3", "app.py"]), "");
        assert_eq!(h("code", &["/home/ana/bin/code"]), "");
        assert_eq!(h("code", &["/home/ana/share/code/code-old"]), "");
        // The Linux desktop editor, as its packages install it.
        assert_eq!(h("code", &["/usr/share/code/code", "--type=utility"]), forwarding);
        assert_eq!(
            h("code", &["/snap/code/172/usr/share/code/code", "--type=utility"]),
            forwarding
        );
        assert_eq!(h("code-insiders", &["/usr/share/code-insiders/code-insiders"]), forwarding);
        assert!(!is_vscode("Code Helper (GPU)x", &["x".into()]));
    }

    #[test]
    fn docker_proxy_names_the_container_address() {
        let p = proc(
            900,
            800,
            "docker-proxy",
            &[
                "/usr/bin/docker-proxy",
                "-proto",
                "tcp",
                "-host-ip",
                "0.0.0.0",
                "-host-port",
                "5432",
                "-container-ip",
                "172.17.0.2",
                "-container-port",
                "5432",
            ],
        );
        assert_eq!(
            hint(&p, &[]).unwrap(),
            "Docker published port (docker-proxy) to container 172.17.0.2:5432"
        );
    }

    #[test]
    fn flask_reloader_parent_and_child() {
        let parent = proc(10, 5, "python3", &["python3", "-m", "flask", "run", "--debug"]);
        let mut child =
            proc(11, 10, "python3", &["/usr/bin/python3", "-m", "flask", "run", "--debug"]);
        child.werkzeug_child = true;
        assert_eq!(hint(&parent, &[&child]).unwrap(), "Flask development server (reloader parent)");
        assert_eq!(
            hint(&child, &[&parent]).unwrap(),
            "Flask development server (server child of the reloader)"
        );
    }

    #[test]
    fn a_flask_script_and_its_reloader_child() {
        let parent = proc(20, 5, "python3", &["python3", "app.py"]);
        let mut child = proc(21, 20, "python3", &["/usr/bin/python3", "app.py"]);
        child.werkzeug_child = true;
        assert_eq!(hint(&parent, &[&child]).unwrap(), "Flask development server (reloader parent)");
        assert_eq!(
            hint(&child, &[&parent]).unwrap(),
            "Flask development server (server child of the reloader)"
        );
        let other = proc(22, 20, "python3", &["/usr/bin/python3", "other.py"]);
        assert_eq!(hint(&parent, &[&other]), None, "a child running something else");
    }

    #[test]
    fn pid_1_is_named_for_what_it_is() {
        let systemd = proc(1, 0, "systemd", &["/sbin/init", "splash"]);
        assert!(hint(&systemd, &[]).unwrap().contains("systemd socket activation"));
        let app = proc(1, 0, "python3", &["python3", "manage.py", "runserver", "0.0.0.0:8000"]);
        let h = hint(&app, &[]).unwrap();
        assert_eq!(h, "Django development server; PID 1 of its container or namespace");
        let sh = hint(&proc(1, 0, "tini", &["/tini", "--", "myapp"]), &[]).unwrap();
        assert!(!sh.contains("systemd"), "{sh}");
    }

    #[test]
    fn systemd_units_are_named() {
        let mut p = proc(700, 1, "nginx", &["nginx: master process /usr/sbin/nginx"]);
        p.unit = Some(Unit { name: "nginx.service".into(), user: None });
        assert_eq!(hint(&p, &[]).unwrap(), "nginx web server (systemd unit nginx.service)");
        let mut q = proc(701, 1, "myapp", &["/opt/myapp"]);
        q.unit = Some(Unit { name: "myapp.service".into(), user: None });
        assert_eq!(hint(&q, &[]).unwrap(), "systemd unit myapp.service");
        assert!(is_dev_server("Flask development server (reloader parent)"));
        assert!(!is_dev_server("nginx web server"));
    }
}
