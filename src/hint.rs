//! What a process is, as data: its [`Kind`] (from its name, command line,
//! environment and the other holders of its socket), its [`Role`] on one
//! socket, and the [`Launcher`]s that started it. The words people read
//! (the hint, [`describe`]) are catalog messages made of these types, and
//! nothing decides by them.

use serde::Serialize;

use crate::i18n::{Msg, msg};
use crate::process::ProcessInfo;

mod debugpy;
mod recognise;
mod vscode;

pub(crate) use debugpy::unwrap_debugpy;
pub(crate) use recognise::{is_systemd, kind, role};
pub(crate) use vscode::is_vscode;

/// What kind of server a process is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Kind {
    /// `flask run` (`flask`, `python -m flask`).
    FlaskCli,
    /// A script that calls `app.run()` (`python app.py`).
    FlaskScript,
    Django,
    Gunicorn,
    Uvicorn,
    Hypercorn,
    /// `python -m http.server`.
    HttpServer,
    Vite,
    Next,
    Webpack,
    /// Another Node.js program (`node server.js`).
    Node,
    Jupyter,
    /// debugpy's adapter: the debugger's port, and a VS Code session's.
    DebugpyAdapter,
    /// debugpy's launcher (a VS Code launch session's first process).
    DebugpyLauncher,
    Nginx,
    Apache,
    Caddy,
    Postgres,
    Redis,
    Mysql,
    Sshd,
    DockerProxy,
    /// rootlessport, pasta, slirp4netns.
    ContainerForwarder,
    /// VS Code's own port forwarding.
    VscodeForwarding,
    /// macOS's AirPlay Receiver (ControlCenter).
    AirPlay,
    /// PID 1 as systemd: socket activation.
    SystemdSocket,
    Unknown,
}

impl Kind {
    /// A development server: reachable from the network, it deserves a
    /// warning.
    pub(crate) fn is_dev_server(self) -> bool {
        matches!(
            self,
            Kind::FlaskCli
                | Kind::FlaskScript
                | Kind::Django
                | Kind::Vite
                | Kind::Next
                | Kind::Webpack
                | Kind::HttpServer
                | Kind::DebugpyAdapter
        )
    }

    /// A web server whose port is its configuration's `listen`.
    pub(crate) fn is_web_server(self) -> bool {
        matches!(self, Kind::Nginx | Kind::Apache | Kind::Caddy)
    }

    /// The words for it (none for [`Kind::Unknown`]).
    fn words(self) -> Option<Msg> {
        Some(match self {
            Kind::FlaskCli | Kind::FlaskScript => msg!("hint-kind-flask"),
            Kind::Django => msg!("hint-kind-django"),
            Kind::Gunicorn => msg!("hint-kind-gunicorn"),
            Kind::Uvicorn => msg!("hint-kind-uvicorn"),
            Kind::Hypercorn => msg!("hint-kind-hypercorn"),
            Kind::HttpServer => msg!("hint-kind-http-server"),
            Kind::Vite => msg!("hint-kind-vite"),
            Kind::Next => msg!("hint-kind-next"),
            Kind::Webpack => msg!("hint-kind-webpack"),
            Kind::Node => msg!("hint-kind-node"),
            Kind::Jupyter => msg!("hint-kind-jupyter"),
            Kind::DebugpyAdapter => msg!("hint-kind-debugpy-adapter"),
            Kind::DebugpyLauncher => msg!("hint-kind-debugpy-launcher"),
            Kind::Nginx => msg!("hint-kind-nginx"),
            Kind::Apache => msg!("hint-kind-apache"),
            Kind::Caddy => msg!("hint-kind-caddy"),
            Kind::Postgres => msg!("hint-kind-postgres"),
            Kind::Redis => msg!("hint-kind-redis"),
            Kind::Mysql => msg!("hint-kind-mysql"),
            Kind::Sshd => msg!("hint-kind-sshd"),
            Kind::DockerProxy => msg!("hint-kind-docker-proxy"),
            Kind::ContainerForwarder => msg!("hint-kind-container-forwarder"),
            Kind::VscodeForwarding => vscode_forwarding(),
            Kind::AirPlay => msg!("hint-kind-airplay"),
            Kind::SystemdSocket => msg!("hint-kind-systemd-socket"),
            Kind::Unknown => return None,
        })
    }
}

/// The description (tests rename it: see `RENAMED`).
#[cfg(not(test))]
fn shown(words: Msg) -> Msg {
    words
}

/// What a process does on one socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Role {
    /// It serves the app.
    Server,
    /// A reloader's parent that holds the socket its child serves on.
    ReloaderParent,
    /// A reloader's serving child.
    ReloaderChild,
    /// The Node.js inspector's port (`--inspect`).
    Inspector,
    /// A debugger's own port (debugpy `--listen`).
    Debugger,
    /// A port a debug session uses between its processes (VS Code's
    /// launch sessions: ephemeral, never to be moved).
    Session,
}

impl Role {
    /// `what` (a process's kind in words) with its role on the socket.
    fn on(self, what: Msg) -> Msg {
        match self {
            Role::Server => what,
            Role::ReloaderParent => msg!("hint-role-reloader-parent", what = what),
            Role::ReloaderChild => msg!("hint-role-reloader-child", what = what),
            Role::Inspector => msg!("hint-role-inspector", what = what),
            Role::Debugger => msg!("hint-role-debugger", what = what),
            Role::Session => msg!("hint-role-session", what = what),
        }
    }
}

/// What started a process, nearest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Launcher {
    /// VS Code's Start Debugging (F5): debugpy's launcher, then the
    /// debuggee under debugpy.
    VscodeDebug,
    /// VS Code's Run Without Debugging (Ctrl+F5): debugpy's launcher runs
    /// the program without the debugger.
    VscodeRun,
    /// `python -m debugpy --listen [HOST:]PORT …`: `listen` as written.
    Debugpy { listen: String, wait_for_client: bool },
    /// `npm start`, `yarn dev`, `pnpm run dev` (through `sh -c`).
    PackageScript { tool: String, script: String },
    /// A container (`runtime`: docker, podman, containerd, kubernetes,
    /// cri_o, lxc, nspawn), by the holder's cgroup.
    Container { runtime: crate::process::Runtime },
    /// The shell it was started from (the first supervisor above it).
    Shell { name: String },
    /// A systemd service (`user`: the uid whose `systemctl --user`
    /// instance runs it).
    Systemd {
        unit: String,
        user: Option<u32>,
        #[serde(skip)]
        described: String,
    },
}

impl Launcher {
    pub(crate) fn of_unit(u: &crate::process::Unit) -> Launcher {
        Launcher::Systemd { unit: u.name.clone(), user: u.user, described: u.describe() }
    }

    /// What started it, in words.
    fn words(&self) -> Msg {
        match self {
            Launcher::VscodeDebug => msg!("hint-by-vscode-debug"),
            Launcher::VscodeRun => msg!("hint-by-vscode-run"),
            Launcher::Debugpy { listen, .. } => msg!("hint-by-debugpy", listen = listen),
            Launcher::PackageScript { tool, script } => {
                msg!("hint-by-package-script", command = format!("{tool} {script}"))
            }
            Launcher::Systemd { described, .. } => msg!("hint-by-systemd", unit = described),
            Launcher::Container { runtime } => {
                msg!("hint-by-container", runtime = format!("{runtime:?}"))
            }
            Launcher::Shell { name } => msg!("hint-by-shell", shell = name),
        }
    }
}

/// The hint for a process: its kind, its role on the socket and what
/// started it, in words; `None` when nothing is recognised.
pub(crate) fn describe(
    p: &ProcessInfo,
    kind: Kind,
    role: Role,
    launchers: &[Launcher],
) -> Option<Msg> {
    let mut what = match kind {
        Kind::DockerProxy => Some(docker_words(&p.command)),
        Kind::Node if role == Role::Inspector => Some(msg!("hint-node-inspector")),
        // A debuggee portcheck does not name, on its debug session's port.
        Kind::Unknown if role == Role::Session => Some(msg!("hint-session-alone")),
        k => k.words().map(|w| role.on(w)),
    };
    if p.pid == 1 && kind != Kind::SystemdSocket {
        what = Some(match what {
            None => msg!("hint-pid1-alone"),
            Some(what) => msg!("hint-pid1", what = what),
        });
    }
    // A unit names the process when nothing else does; the rest follow it.
    let mut by: Vec<&Launcher> = Vec::new();
    for l in launchers {
        match l {
            Launcher::Systemd { .. } if what.is_none() => what = Some(l.words()),
            // The table's ancestors line names these already.
            Launcher::Container { .. } | Launcher::Shell { .. } => {}
            _ => by.push(l),
        }
    }
    let what = by.into_iter().fold(what?, |what, l| match l {
        Launcher::Systemd { .. } => msg!("hint-with-unit", what = what, by = l.words()),
        _ => msg!("hint-with-launcher", what = what, by = l.words()),
    });
    Some(shown(what))
}

fn docker_words(argv: &[String]) -> Msg {
    let arg = |flag: &str| {
        argv.iter().position(|a| a == flag).and_then(|i| argv.get(i + 1)).map(String::as_str)
    };
    match (arg("-container-ip"), arg("-container-port")) {
        (Some(ip), Some(port)) => msg!("hint-docker-to", address = format!("{ip}:{port}")),
        _ => msg!("hint-kind-docker-proxy"),
    }
}

/// What the hint calls VS Code's own processes.
pub(crate) fn vscode_forwarding() -> Msg {
    msg!("hint-kind-vscode-forwarding")
}

#[cfg(test)]
thread_local! {
    /// Tests rename every description to prove that nothing decides by it.
    pub(crate) static RENAMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The description, renamed when a test asks.
#[cfg(test)]
fn shown(words: Msg) -> Msg {
    if RENAMED.with(std::cell::Cell::get) {
        return Msg::from(format!("RENAMED {}", words.english().to_uppercase()));
    }
    words
}

#[cfg(test)]
/// The description of a process from it alone (its role on no socket in
/// particular): what the tests of recognition read.
pub(crate) fn hint(p: &ProcessInfo, peers: &[&ProcessInfo]) -> Option<String> {
    let kind = kind(p, peers);
    let launchers: Vec<Launcher> = p.unit.iter().map(Launcher::of_unit).collect();
    describe(p, kind, role(p, peers, kind, 0), &launchers).map(|m| m.english())
}

#[cfg(test)]
mod tests {
    use super::recognise::inspector_port;
    use super::*;
    use crate::process::Unit;

    fn proc(pid: u32, ppid: u32, name: &str, command: &[&str]) -> ProcessInfo {
        let mut p = ProcessInfo::bare(pid, command.iter().map(|s| s.to_string()).collect());
        p.ppid = Some(ppid);
        p.name = name.into();
        p.uid = Some(1000);
        p
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
            h("python3", &["python3", "/v/debugpy/adapter", "--for-server", "1", "--port", "5678"]),
            "VS Code Python debugger (debugpy adapter) (the debugger's port)"
        );
        assert_eq!(
            h("python3", &["python3", "-m", "debugpy", "--listen", "5678", "-m", "flask", "run"]),
            "Flask development server"
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

    /// `node --inspect` is an app on one socket and the inspector on
    /// another: the inspector's words only on the inspector's port.
    #[test]
    fn the_inspector_is_named_on_its_own_socket_only() {
        let p = proc(30, 5, "node", &["node", "--inspect=127.0.0.1:9230", "server.js"]);
        let k = kind(&p, &[]);
        assert_eq!(role(&p, &[], k, 9230), Role::Inspector);
        assert_eq!(role(&p, &[], k, 3000), Role::Server);
        let on = |port| describe(&p, k, role(&p, &[], k, port), &[]).unwrap().english();
        assert_eq!(on(9230), "Node.js inspector");
        assert_eq!(on(3000), "Node.js process");
        assert_eq!(inspector_port(&["node".into(), "--inspect".into()]), Some(9229));
        assert_eq!(inspector_port(&["node".into(), "--inspect-brk=9333".into()]), Some(9333));
    }

    #[test]
    fn systemd_units_are_named() {
        let mut p = proc(700, 1, "nginx", &["nginx: master process /usr/sbin/nginx"]);
        p.unit = Some(Unit { name: "nginx.service".into(), user: None });
        assert_eq!(hint(&p, &[]).unwrap(), "nginx web server (systemd unit nginx.service)");
        let mut q = proc(701, 1, "myapp", &["/opt/myapp"]);
        q.unit = Some(Unit { name: "myapp.service".into(), user: None });
        assert_eq!(hint(&q, &[]).unwrap(), "systemd unit myapp.service");
        assert!(Kind::FlaskCli.is_dev_server());
        assert!(!Kind::Nginx.is_dev_server());
    }

    /// In Korean, the guide's words (개발 서버, 자동 재시작 (핫 리로드),
    /// VS Code's 디버깅 시작 / 디버깅 없이 실행); names, flags and
    /// addresses as they are; JSON in English.
    #[test]
    fn hints_in_korean_use_the_guides_words_and_json_stays_english() {
        use crate::i18n::{Lang, scoped};
        let ko = |m: Option<Msg>| scoped(Lang::Ko, || m.map(|m| m.to_string()).unwrap_or_default());
        let parent = proc(10, 5, "python3", &["python3", "-m", "flask", "run", "--debug"]);
        let mut child = proc(11, 10, "python3", &["python3", "-m", "flask", "run", "--debug"]);
        child.werkzeug_child = true;
        let k = kind(&parent, &[&child]);
        let on = |p: &ProcessInfo, peers: &[&ProcessInfo], launchers: &[Launcher]| {
            describe(p, k, role(p, peers, k, 0), launchers)
        };
        assert_eq!(
            ko(on(&parent, &[&child], &[])),
            "Flask 개발 서버, 자동 재시작(핫 리로드)의 부모 프로세스"
        );
        assert_eq!(
            ko(on(&child, &[&parent], &[Launcher::VscodeRun])),
            "Flask 개발 서버, 자동 재시작(핫 리로드) 아래에서 서버를 실행하는 자식 프로세스, \
             VS Code가 실행함 (디버깅 없이 실행, Ctrl+F5)"
        );
        let debug = on(&parent, &[&child], &[Launcher::VscodeDebug]);
        assert!(ko(debug.clone()).ends_with("VS Code가 실행함 (디버깅 시작, F5)"));
        let english =
            "Flask development server (reloader parent), started by VS Code (Start Debugging)";
        let json = scoped(Lang::Ko, || serde_json::to_string(&debug).unwrap());
        assert_eq!(json, serde_json::to_string(english).unwrap());
        let listen = Launcher::Debugpy { listen: "0.0.0.0:5678".into(), wait_for_client: false };
        assert!(
            ko(on(&parent, &[], &[listen]))
                .ends_with("debugpy --listen 0.0.0.0:5678 아래에서 실행 중")
        );
        let docker = proc(
            900,
            800,
            "docker-proxy",
            &["docker-proxy", "-container-ip", "172.17.0.2", "-container-port", "5432"],
        );
        assert_eq!(
            ko(describe(&docker, Kind::DockerProxy, Role::Server, &[])),
            "Docker 게시 포트 (docker-proxy), 대상 컨테이너 172.17.0.2:5432"
        );
        // A debuggee portcheck does not name, on its session's port: the
        // role alone (English as before the catalog, its leading space too).
        let debuggee = proc(12, 10, "myapp", &["myapp"]);
        let alone = describe(&debuggee, Kind::Unknown, Role::Session, &[]);
        assert_eq!(
            alone.clone().map(|m| m.english()).as_deref(),
            Some(" (a port of the debug session)")
        );
        assert_eq!(ko(alone), "디버그 세션의 포트");
        assert_eq!(describe(&debuggee, Kind::Unknown, Role::Server, &[]), None);
    }
}
