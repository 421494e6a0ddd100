//! Recognition: what kind of server a process is ([`kind`], from its
//! name, its argv with a debugpy wrapper taken off, and the other holders
//! of its socket) and its role on one socket ([`role`]: a Flask
//! reloader's parent or child, the Node inspector, a debugger's port).

use super::debugpy::unwrap_debugpy;
use super::vscode::is_vscode;
use super::{Kind, Role};
use crate::process::ProcessInfo;

/// Whether PID 1 `name`/`command` is systemd (not a container's app).
pub(crate) fn is_systemd(name: &str, command: &[String]) -> bool {
    name == "systemd" || command.first().is_some_and(|a| a.rsplit('/').next() == Some("systemd"))
}

/// Whether argv runs a Flask app: `flask` as the program or module, or
/// Werkzeug named in it.
fn runs_flask(argv: &[String]) -> bool {
    argv.iter().any(|a| a == "flask" || a.ends_with("/flask"))
        || argv.join(" ").contains("werkzeug")
}

/// The Flask reloader's role of `p`: its serving child (WERKZEUG_RUN_MAIN
/// / WERKZEUG_SERVER_FD in its environment), or its parent (a child among
/// the socket's holders runs the same arguments).
fn flask_role(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Option<Role> {
    if p.werkzeug_child {
        return Some(Role::ReloaderChild);
    }
    let same_args = |a: &ProcessInfo, b: &ProcessInfo| a.command.get(1..) == b.command.get(1..);
    let child = peers.iter().any(|q| {
        q.ppid == Some(p.pid) && (runs_flask(&q.command) || (q.werkzeug_child && same_args(p, q)))
    });
    child.then_some(Role::ReloaderParent)
}

/// What kind of server `p` is; `peers` are the other holders of its socket.
pub(crate) fn kind(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Kind {
    if p.pid == 1 && is_systemd(&p.name, &p.command) {
        return Kind::SystemdSocket;
    }
    if is_vscode(&p.name, &p.command) {
        return Kind::VscodeForwarding;
    }
    // `…/debugpy/adapter`, `…/debugpy/launcher` (a debuggee's own path
    // runs through them: `…/adapter/../../debugpy/launcher/../../debugpy`).
    let runs = |part: &str| {
        p.command.iter().take(4).any(|a| {
            let a = a.trim_end_matches('/');
            a.ends_with(&format!("debugpy/{part}")) || a == format!("debugpy.{part}")
        })
    };
    if runs("adapter") {
        return Kind::DebugpyAdapter;
    }
    if runs("launcher") {
        return Kind::DebugpyLauncher;
    }
    let (app, _) = unwrap_debugpy(&p.command);
    if let Some(k) = python_kind(p, &app, peers) {
        return k;
    }
    other_kind(p, &app)
}

fn base(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// Python servers, by the app's argv.
fn python_kind(p: &ProcessInfo, app: &[String], peers: &[&ProcessInfo]) -> Option<Kind> {
    let has = |needle: &str| app.iter().any(|a| a == needle || base(a) == needle);
    let tool = |name: &str| {
        app.iter().enumerate().any(|(i, a)| {
            (i <= 1 && base(a) == name) || (a == "-m" && app.get(i + 1).is_some_and(|m| m == name))
        })
    };
    let title = app.first().map_or("", String::as_str);
    Some(if tool("flask") {
        Kind::FlaskCli
    } else if runs_flask(app) || flask_role(p, peers).is_some() {
        Kind::FlaskScript
    } else if has("gunicorn") || title.starts_with("gunicorn") || p.name.starts_with("gunicorn") {
        Kind::Gunicorn
    } else if has("uvicorn") {
        Kind::Uvicorn
    } else if has("hypercorn") {
        Kind::Hypercorn
    } else if has("runserver") && app.iter().any(|a| base(a) == "manage.py") {
        Kind::Django
    } else if tool("http.server") {
        Kind::HttpServer
    } else if app.iter().any(|a| base(a).starts_with("jupyter"))
        || app.join(" ").contains("ServerApp")
    {
        Kind::Jupyter
    } else {
        return None;
    })
}

/// Everything else, by name and argv.
fn other_kind(p: &ProcessInfo, app: &[String]) -> Kind {
    let joined = app.join(" ");
    let exe = app.first().map(|a| base(a)).unwrap_or_default();
    let name = p.name.as_str();
    if exe == "docker-proxy" || name == "docker-proxy" {
        Kind::DockerProxy
    } else if joined.contains("vite") {
        Kind::Vite
    } else if joined.contains("next dev") || joined.contains("next-server") {
        Kind::Next
    } else if joined.contains("webpack") {
        Kind::Webpack
    } else if name.starts_with("rootlessport") || ["pasta", "slirp4netns"].contains(&name) {
        Kind::ContainerForwarder
    } else if name.starts_with("postgres") {
        Kind::Postgres
    } else if name.starts_with("redis-server") {
        Kind::Redis
    } else if name == "mysqld" || name == "mariadbd" {
        Kind::Mysql
    } else if name == "nginx" {
        Kind::Nginx
    } else if name == "httpd" || name == "apache2" {
        Kind::Apache
    } else if name == "caddy" || exe == "caddy" {
        Kind::Caddy
    } else if name == "sshd" {
        Kind::Sshd
    } else if name == "ControlCenter" {
        Kind::AirPlay
    } else if name == "node" || exe == "node" {
        Kind::Node
    } else {
        Kind::Unknown
    }
}

/// The Node.js inspector's port of `argv`: `--inspect[-brk|-wait][=[HOST:]PORT]`, 9229 by default.
pub(crate) fn inspector_port(argv: &[String]) -> Option<u16> {
    argv.iter().find_map(|a| {
        let rest = ["--inspect-brk", "--inspect-wait", "--inspect"]
            .iter()
            .find_map(|f| a.strip_prefix(f))?;
        match rest.strip_prefix('=') {
            Some(v) => v.rsplit(':').next()?.parse().ok(),
            None if rest.is_empty() => Some(9229),
            None => None,
        }
    })
}

/// `p`'s role on a socket on `port` (0: no socket in particular).
pub(crate) fn role(p: &ProcessInfo, peers: &[&ProcessInfo], kind: Kind, port: u16) -> Role {
    match kind {
        Kind::FlaskCli | Kind::FlaskScript => flask_role(p, peers).unwrap_or(Role::Server),
        Kind::Node | Kind::Vite | Kind::Next | Kind::Webpack
            if port != 0 && inspector_port(&p.command) == Some(port) =>
        {
            Role::Inspector
        }
        Kind::DebugpyAdapter => {
            let at = p.command.iter().position(|a| a == "--port");
            let listen = at.and_then(|i| p.command.get(i + 1)).and_then(|v| v.parse().ok());
            if listen == Some(port) || port == 0 { Role::Debugger } else { Role::Session }
        }
        _ => Role::Server,
    }
}
