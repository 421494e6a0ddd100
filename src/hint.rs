//! What a process is, in a few words, from its name and command line.

use crate::process::ProcessInfo;

/// A short description of what `p` is, when it is recognised.
pub(crate) fn hint(p: &ProcessInfo) -> Option<String> {
    let args: Vec<&str> = p.command.iter().map(String::as_str).collect();
    let base = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let exe = args.first().map(|a| base(a)).unwrap_or_default();
    let has = |needle: &str| args.iter().any(|a| *a == needle || base(a) == needle);
    let joined = args.join(" ");
    if p.pid == 1 {
        return Some("init (PID 1): the system's service manager, socket activation".into());
    }
    let found = if has("flask") || joined.contains("werkzeug") {
        "Flask development server"
    } else if has("gunicorn") || joined.contains("gunicorn") {
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
    } else if exe == "docker-proxy" || p.name == "docker-proxy" {
        "Docker published port (docker-proxy)"
    } else if ["rootlessport", "pasta", "slirp4netns"].contains(&p.name.as_str()) {
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
        "macOS AirPlay Receiver (System Settings › General › AirDrop & Handoff)"
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

    fn proc(name: &str, command: &[&str]) -> ProcessInfo {
        ProcessInfo {
            pid: 100,
            ppid: Some(1),
            name: name.into(),
            parent_name: None,
            uid: Some(1000),
            user: None,
            command: command.iter().map(|s| s.to_string()).collect(),
            started: None,
        }
    }

    #[test]
    fn recognises_common_holders() {
        let h = |name, cmd: &[&str]| hint(&proc(name, cmd)).unwrap_or_default();
        assert_eq!(h("python3", &["python3", "-m", "flask", "run"]), "Flask development server");
        assert_eq!(
            h("python3", &["python3", "manage.py", "runserver"]),
            "Django development server"
        );
        assert_eq!(
            h("docker-proxy", &["/usr/bin/docker-proxy", "-proto", "tcp"]),
            "Docker published port (docker-proxy)"
        );
        assert!(hint(&proc("bash", &["bash"])).is_none());
    }
}
