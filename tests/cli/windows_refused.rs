//! A bind Windows refuses with WSAEACCES (10013) is "cannot be bound" in
//! every mode, never free. Run by .ci/windows in a step of its own: Wine
//! started afresh with CAP_NET_BIND_SERVICE dropped from the bounding set
//! (`setpriv --bounding-set -net_bind_service`), so Wine's bind of a port
//! below 1024 fails with EACCES and Wine returns WSAEACCES, as Windows
//! does for a port in an excluded range. Wine's netsh lists no excluded
//! range, so the reason under Wine is `access_denied`.

use super::windows::portcheck;

/// The port every test here asks about: below 1024, refused in that step.
const PORT: &str = "80";

/// The premise, checked first: this process may not bind the port, and
/// Windows says WSAEACCES.
fn refused_here() {
    assert!(
        std::env::var_os("PORTCHECK_TEST_REFUSED").is_some(),
        "run by .ci/windows's capability-drop step (PORTCHECK_TEST_REFUSED=1)"
    );
    let e = std::net::TcpListener::bind(("0.0.0.0", 80)).expect_err("port 80 bound");
    assert_eq!(e.raw_os_error(), Some(10013), "{e}");
}

#[test]
#[ignore = "needs binds below 1024 refused: .ci/windows runs it with CAP_NET_BIND_SERVICE dropped around Wine"]
fn a_refused_bind_cannot_be_bound_in_every_mode() {
    refused_here();
    let text = portcheck(&[PORT]);
    text.code(1);
    assert!(text.stdout.starts_with("Port 80 cannot be bound: access denied"), "{}", text.stdout);
    assert!(text.stdout.contains("WSAEACCES, 10013"), "{}", text.stdout);
    assert!(!text.stdout.contains("Free"), "{}", text.stdout);
    // The fixes: prose, and each command on a line of its own.
    assert!(
        text.stdout.contains(
            "  what to do:\n    allow port 80 in the security software or policy that refuses it\n    or use another port:\n      portcheck --suggest 80\n"
        ),
        "{}",
        text.stdout
    );
    let quiet = portcheck(&["-q", PORT]);
    quiet.code(1);
    assert_eq!(quiet.stdout, "");
    let run = portcheck(&["--json", PORT]);
    run.code(1);
    let v = run.json();
    let p = &v["ports"][0];
    assert_eq!(p["in_use"], true, "{v}");
    assert_eq!(p["sockets"], serde_json::json!([]), "{v}");
    assert_eq!(p["bind_checked"], true, "{v}");
    assert_eq!(p["refused"], "access_denied", "{v}");
}

#[test]
#[ignore = "needs binds below 1024 refused: .ci/windows runs it with CAP_NET_BIND_SERVICE dropped around Wine"]
fn waiting_suggesting_and_killing_a_refused_port() {
    refused_here();
    let wait = portcheck(&["--wait-free", "300ms", PORT]);
    wait.code(1);
    assert!(
        wait.stdout.starts_with("Timed out: Port 80 cannot be bound: access denied"),
        "{}",
        wait.stdout
    );
    portcheck(&["-q", "--wait-free", "300ms", PORT]).code(1);
    let v = portcheck(&["--suggest", PORT, "--json", "-n", "2"]).json();
    let picks = v["suggestions"].as_array().expect("suggestions");
    assert!(picks.iter().all(|p| p.as_u64().is_some_and(|p| p >= 1024)), "{v}");
    assert!(v["notes"].to_string().contains("the OS refuses to bind"), "{v}");
    let kill = portcheck(&["--kill", "-y", PORT]);
    kill.code(1);
    assert!(
        kill.stdout.contains("there is no process to stop. Instead:\n  allow port 80 in the security software or policy that refuses it\n  or use another port:\n    portcheck --suggest 80\n"),
        "{}",
        kill.stdout
    );
    assert!(kill.stdout.contains("Held: Port 80 cannot be bound"), "{}", kill.stdout);
    assert!(!kill.stdout.contains("Freed"), "{}", kill.stdout);
    let v = portcheck(&["--kill", "-y", "--json", PORT]).json();
    assert_eq!(v["ports"][0]["refused"], "access_denied", "{v}");
    assert_eq!(v["actions"], serde_json::json!([]), "{v}");
}
