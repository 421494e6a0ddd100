//! What beginners paste where a PORT goes (issue 21, item 4): each form is
//! read as the port. The report, exit status, JSON and `--kill` targets are
//! the port's, plus one line saying how the paste was read; a host that is
//! not this machine is a usage error.

use crate::util::*;

/// Each pasted form of a held port: same JSON, same exit status and same
/// kill targets as the bare port, and the "→ port" line in the text.
#[test]
fn each_pasted_form_is_the_port() {
    let h = Holder::start(&["--addr", "127.0.0.1"]);
    let p = h.port;
    let bare = portcheck(&["--json", &p.to_string()]);
    bare.code(1);
    let want = port_obj(&bare.json(), p);
    let targets = actions(&portcheck(&["--kill", "--dry-run", "--json", &p.to_string()]).json());
    assert!(!targets.is_empty(), "the bare port has kill targets");
    let forms = [
        format!(":{p}"),
        format!("localhost:{p}"),
        format!("127.0.0.1:{p}"),
        format!("[::1]:{p}"),
        format!("http://127.0.0.1:{p}/"),
        format!("http://localhost:{p}/tcp"),
        format!("HTTP://localhost:{p}/api/udp?q=1"),
    ];
    for form in &forms {
        let json = portcheck(&["--json", form]);
        json.code(1);
        assert_eq!(port_obj(&json.json(), p), want, "{form}");
        assert_eq!(json.json()["ports"].as_array().unwrap().len(), 1, "{form}");
        let text = portcheck(&[form]);
        text.code(1).stdout_has(&format!("{form} → port {p}"));
        // The address pasted gets its own answer, proved by a bind: the
        // holder's 127.0.0.1 is taken; ::1 is another address.
        let at = match form.contains("[::1]") {
            true => format!("[::1]:{p}"),
            false => format!("127.0.0.1:{p}"),
        };
        if form.starts_with(':') {
            assert!(!text.stdout.contains("a server could"), "{}", text.stdout);
        } else if at.starts_with('[') {
            text.stdout_has(&format!("; a server could start on {at} now (bound and listened as a development server does, and released)"));
        } else {
            text.stdout_has(&format!("; a server could not start on {at} now: it is taken\n"));
        }
        let kill = portcheck(&["--kill", "--dry-run", "--json", form]);
        assert_eq!(actions(&kill.json()), targets, "{form}");
    }
}

/// `5000,5001` is two ports, in order; `http://` and `https://` without a
/// port are 80 and 443; a path is never a protocol.
#[test]
fn lists_and_default_ports() {
    let (a, b) = (free_port(), free_port());
    let run = portcheck(&["--json", &format!("{a},{b}")]);
    let ports: Vec<u64> = run.json()["ports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["port"].as_u64().unwrap())
        .collect();
    assert_eq!(ports, [u64::from(a), u64::from(b)]);
    for (url, port) in [("http://localhost", 80), ("https://127.0.0.1/x/udp", 443)] {
        let run = portcheck(&["--json", url]);
        let obj = port_obj(&run.json(), port);
        assert!(obj["sockets"].is_array(), "{url}: {obj}");
        portcheck(&[url]).stdout_has(&format!("{url} → port {port}\n"));
    }
}

/// A host that is not this machine, and other bad pastes: one line naming
/// the value, exit 2.
#[test]
fn another_machine_is_a_usage_error() {
    let table = [
        ("example.com:5000", "'example.com:5000': example.com is another machine"),
        ("http://example.com:5000/", "example.com is another machine"),
        ("https://example.com", "example.com is another machine"),
        ("192.0.2.1:80", "192.0.2.1 is another machine"),
        ("5000,,5001", "empty between commas"),
        ("ftp://localhost", "only http:// and https://"),
    ];
    for (arg, want) in table {
        let run = portcheck(&[arg]);
        run.code(2).stderr_has(want);
        assert_eq!(run.stderr.lines().count(), 1, "{arg}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{arg}: {}", run.stdout);
    }
}

/// Flag slips: clap's "a similar argument exists" joins the one line, and
/// `--kill=5000` is shown as `--kill 5000`.
#[test]
fn mistyped_flags_get_one_line() {
    let table = [
        (vec!["--sugest", "5000"], "a similar argument exists: '--suggest'"),
        (vec!["--kil", "5000"], "a similar argument exists: '--kill'"),
        (vec!["--kill=5000"], "--kill takes no value: write --kill 5000"),
    ];
    for (args, want) in table {
        let run = portcheck(&args);
        run.code(2).stderr_has(want);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
    }
}
