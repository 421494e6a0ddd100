//! A server on one address (issue 21, item 1): the URL that reaches it,
//! and whether a second server could start on 0.0.0.0, on 127.0.0.1 and
//! on each interface address, each answer a bind as Werkzeug makes it;
//! the answers are then checked by starting real servers there.

use crate::util::*;
use std::process::Command;

/// The `beside.could_start` answers of `port`: (address, ok).
fn answers(port: u16) -> Vec<(String, bool)> {
    let v = portcheck(&["--json", &port.to_string()]).json();
    let b = port_obj(&v, port)["beside"].clone();
    b["could_start"]
        .as_array()
        .unwrap_or_else(|| panic!("no beside: {v}"))
        .iter()
        .map(|s| (s["address"].as_str().unwrap().to_string(), s["ok"].as_bool().unwrap()))
        .collect()
}

#[test]
#[ignore = "needs root for a private network namespace with an extra address; .ci/run runs it"]
fn a_lan_only_server_gets_its_url_and_proved_answers() {
    in_private_netns(|| {
        // A documentation address on the namespace's loopback device
        // stands for the LAN address (192.168.x.x) of the guide.
        let add = ["addr", "add", "192.0.2.7/32", "dev", "lo"];
        assert!(Command::new("ip").args(add).status().unwrap().success(), "ip {add:?}");
        let lan = Holder::start(&["--addr", "192.0.2.7"]);
        let p = lan.port;
        let run = portcheck(&[&p.to_string()]);
        run.code(1)
            .stdout_has(&format!("it answers at http://192.0.2.7:{p}, not http://127.0.0.1:{p}"))
            .stdout_has(&format!(
                "a second server on port {p} could start on 127.0.0.1; could not start on 0.0.0.0"
            ));
        let v = portcheck(&["--json", &p.to_string()]).json();
        assert_eq!(port_obj(&v, p)["beside"]["url"], format!("http://192.0.2.7:{p}"));
        assert_eq!(answers(p), [("0.0.0.0".to_string(), false), ("127.0.0.1".to_string(), true)]);
        // The answers are true: a server starts on 127.0.0.1, not on 0.0.0.0.
        let port = p.to_string();
        let beside = Holder::try_start(&["--addr", "127.0.0.1", "--port", &port]);
        assert!(beside.is_some(), "127.0.0.1:{p} could not start");
        drop(beside);
        assert!(Holder::try_start(&["--addr", "0.0.0.0", "--port", &port]).is_none());
        // A loopback server: reached at 127.0.0.1, not at the LAN address,
        // and a server could start on the LAN address beside it.
        let lo = Holder::start(&["--addr", "127.0.0.1"]);
        let q = lo.port;
        portcheck(&[&q.to_string()])
            .stdout_has(&format!("it answers at http://127.0.0.1:{q}, not http://192.0.2.7:{q}"));
        assert_eq!(answers(q), [("0.0.0.0".to_string(), false), ("192.0.2.7".to_string(), true)]);
        let port = q.to_string();
        assert!(Holder::try_start(&["--addr", "192.0.2.7", "--port", &port]).is_some());
    });
}

/// A wildcard server has no such line: every address is its.
#[test]
fn a_wildcard_server_has_no_beside() {
    let h = Holder::start(&["--addr", "0.0.0.0"]);
    let v = portcheck(&["--json", &h.port.to_string()]).json();
    assert!(port_obj(&v, h.port).get("beside").is_none(), "{v}");
    let run = portcheck(&[&h.port.to_string()]);
    assert!(!run.stdout.contains("it answers at"), "{}", run.stdout);
}
