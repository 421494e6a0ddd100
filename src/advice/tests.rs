//! Nothing decides by display text: every hint's words renamed (through
//! the model's `Display`, `hint::RENAMED`) change no advice, warning,
//! refusal or JSON field but the description itself.

use crate::hint::RENAMED;
use crate::inspect::{Context, process_report};
use crate::net::{Family, State};
use crate::process::ProcessInfo;
use crate::process::Unit;
use crate::remedy::{Here, Holder};
use crate::report::PortReport;
use crate::report::{Exposure, ProcessReport, SocketReport};

fn p(pid: u32, ppid: u32, name: &str, cmd: &str) -> ProcessInfo {
    let mut p = ProcessInfo::bare(pid, cmd.split_whitespace().map(String::from).collect());
    p.ppid = Some(ppid);
    p.name = name.into();
    p.uid = Some(1000);
    p
}

/// Holders of many kinds, each with its socket's port and the other
/// holders of that socket.
fn scenarios() -> Vec<(Vec<ProcessInfo>, u16)> {
    let mut child = p(11, 10, "python3", "python3 -m flask run --debug");
    child.werkzeug_child = true;
    let mut script_child = p(13, 12, "python3", "python3 app.py");
    script_child.werkzeug_child = true;
    let mut npm = p(30, 29, "node", "node server.js");
    npm.env = vec![
        ("npm_lifecycle_event".into(), "start".into()),
        ("npm_config_user_agent".into(), "npm/10 node/v20".into()),
    ];
    let mut debuggee = p(
        40,
        39,
        "python3",
        "python3 -X frozen_modules=off /v/debugpy --connect 127.0.0.1:4711 --adapter-access-token <redacted> -m flask run --port 5000",
    );
    debuggee.parent_command = vec!["python3".into(), "/v/debugpy/launcher".into(), "4711".into()];
    let mut run_only = p(41, 39, "python3", "python3 -m flask run --port 5000");
    run_only.parent_command = debuggee.parent_command.clone();
    let mut nginx = p(50, 1, "nginx", "nginx: master process /usr/sbin/nginx");
    nginx.unit = Some(Unit { name: "nginx.service".into(), user: None });
    let one = |x: ProcessInfo, port| (vec![x], port);
    vec![
        (vec![p(10, 5, "python3", "python3 -m flask run --debug"), child], 5000),
        (vec![p(12, 5, "python3", "python3 app.py"), script_child], 5000),
        one(p(13, 5, "python3", "python3 manage.py runserver 0.0.0.0:8000"), 8000),
        one(
            p(14, 5, "gunicorn", "/v/bin/python /v/bin/gunicorn -p g.pid -b 0.0.0.0:8000 app:app"),
            8000,
        ),
        one(p(15, 5, "gunicorn", "gunicorn: master [app:app]"), 8000),
        one(p(16, 5, "python3", "/v/bin/python /v/bin/uvicorn main:app --reload"), 8000),
        one(p(17, 5, "python3", "python3 -m http.server 8000"), 8000),
        one(p(18, 5, "node", "node --inspect=9229 server.js"), 9229),
        one(p(18, 5, "node", "node --inspect=9229 server.js"), 3000),
        one(p(19, 5, "node", "node /app/node_modules/.bin/vite"), 5173),
        one(p(20, 5, "node", "node /app/node_modules/.bin/next dev"), 3000),
        one(p(21, 5, "python3", "python3 /v/debugpy/adapter --for-server 1 --port 5678"), 5678),
        one(p(22, 5, "python3", "python3 -m debugpy --listen 127.0.0.1:5678 -m flask run"), 5000),
        one(debuggee, 5000),
        one(run_only, 5000),
        one(npm, 3000),
        one(nginx, 80),
        one(p(51, 1, "caddy", "caddy run"), 443),
        one(
            p(
                52,
                1,
                "docker-proxy",
                "/usr/bin/docker-proxy -container-ip 172.17.0.2 -container-port 80",
            ),
            8080,
        ),
        one(p(1, 0, "systemd", "/sbin/init"), 22),
        one(p(53, 5, "node", "/home/a/.vscode-server/bin/abc/node server-main.js"), 8000),
    ]
}

/// Everything portcheck decides for a scenario, as text: the JSON of each
/// holder without its hint, the warning, the remedy, the kill plan.
fn decisions(ctx: &Context, holders: &[ProcessInfo], port: u16) -> (Vec<String>, String) {
    let refs: Vec<&ProcessInfo> = holders.iter().collect();
    let reports: Vec<ProcessReport> =
        refs.iter().map(|h| process_report(h, &refs, port, ctx)).collect();
    let hints =
        reports.iter().map(|r| r.hint.as_ref().map(|h| h.english()).unwrap_or_default()).collect();
    let mut out = String::new();
    let here = Here { cwd: None, uid: None, path: None, free: &|b| Some(b + 1) };
    for r in &reports {
        let mut json = serde_json::to_value(r).unwrap();
        json.as_object_mut().unwrap().remove("hint");
        let h = Holder { origin: &r.origin, role: r.role, address: "0.0.0.0", listen: None };
        let remedy = crate::remedy::for_holder(&h, &here, 5001);
        out += &format!("{json}\nwarn {}\n{remedy:?}\n", r.is_dev_server());
    }
    let socket = SocketReport {
        protocol: crate::net::Protocol::Tcp,
        family: Family::Ipv4,
        address: "0.0.0.0".into(),
        port,
        state: State::Listen,
        exposure: Exposure::AllInterfaces,
        inode: 1,
        uid: Some(1000),
        user: None,
        v6only: None,
        device: None,
        reachable_at: vec![],
        processes: reports,
        hidden: None,
        warning: None,
    };
    let report = crate::report::PortsReport {
        ports: vec![PortReport {
            port,
            class: crate::port::Class::of(port),
            ephemeral: false,
            privileged: false,
            services: vec![],
            in_use: true,
            protocols: vec![crate::net::Protocol::Tcp],
            sockets: vec![socket],
            time_wait: 0,
            bind_checked: true,
            unknown: None,
            notes: vec![],
            unbound: vec![],
            refused: None,
            fix: vec![],
            beside: None,
        }],
        notes: vec![],
    };
    let me = crate::kill::Me { pid: 4242, ancestors: vec![4241, 1], unit: None };
    let plan = crate::kill::plan(&report, &me, true);
    out += &format!(
        "{:?}\n{:?}\n",
        plan.targets.iter().map(|t| t.pid).collect::<Vec<_>>(),
        plan.refused
    );
    (hints, out)
}

#[test]
fn renaming_every_hint_changes_nothing_but_the_description() {
    let ctx = Context::new(crate::services::Services::default());
    for (holders, port) in scenarios() {
        RENAMED.with(|r| r.set(false));
        let (hints, before) = decisions(&ctx, &holders, port);
        RENAMED.with(|r| r.set(true));
        let (renamed, after) = decisions(&ctx, &holders, port);
        RENAMED.with(|r| r.set(false));
        assert!(hints.iter().any(|h| !h.is_empty()), "{:?} is not recognised", holders[0].command);
        assert_ne!(hints, renamed, "the rename did not reach {hints:?}");
        assert_eq!(before, after, "{hints:?}");
    }
}

/// The web servers' own stop lines cannot run here (no daemon), so they
/// are checked against their documented syntax: nginx's `-s stop`
/// (nginx.org/en/docs/switches.html), `apachectl stop` (httpd.apache.org,
/// "apachectl"), `caddy stop` (caddyserver.com/docs/command-line).
#[test]
fn web_server_stop_lines_follow_their_documentation() {
    let stop = |name: &str, cmd: &str| {
        let p = p(60, 1, name, cmd);
        let ctx = Context::new(crate::services::Services::default());
        let r = process_report(&p, &[&p], 80, &ctx);
        super::web_server_stop(&r).and_then(|s| s.line())
    };
    // As its master was started: its program and `-c`/`-p`, which name
    // the pid file `-s` reads (run for real by
    // `advice::nginx_stop_line_stops_an_nginx_with_its_own_configuration`).
    assert_eq!(
        stop("nginx", "nginx: master process /usr/sbin/nginx").as_deref(),
        Some("/usr/sbin/nginx -s stop")
    );
    assert_eq!(
        stop("nginx", "nginx: master process nginx -c /etc/n.conf -p /srv").as_deref(),
        Some("nginx -c /etc/n.conf -p /srv -s stop")
    );
    assert_eq!(stop("nginx", "nginx: worker process").as_deref(), Some("nginx -s stop"));
    assert_eq!(stop("apache2", "/usr/sbin/apache2 -k start").as_deref(), Some("apachectl stop"));
    assert_eq!(
        stop("caddy", "caddy run --config /etc/caddy/Caddyfile").as_deref(),
        Some("caddy stop")
    );
    assert_eq!(stop("python3", "python3 -m http.server"), None);
}
