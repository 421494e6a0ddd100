//! `--kill` against what must never be hit: clients, container
//! forwarders, namespace inits, portcheck's callers, processes in another
//! pid namespace; and a kill that is interrupted or short of fds.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn a_client_whose_only_tie_is_a_connection_is_never_signalled() {
    let h = Holder::start(&["--client"]);
    let run = portcheck(&["--kill", "--force", "--json", &h.port.to_string()]);
    run.code(1);
    let v = run.json();
    assert_eq!(actions(&v), vec![(h.pid(), String::new(), "refused".into())]);
    let reason = v["actions"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("is a connection (established)"), "{reason}");
    assert!(alive(h.pid()), "the client was signalled");
    assert_eq!(port_obj(&v, h.port)["in_use"], true);
}

/// The holder helper under another name (its `comm`).
fn holder_named(dir: &util::tempdir::Dir, name: &str) -> Command {
    let path = dir.path.join(name);
    std::fs::copy(util::holder_bin(), &path).unwrap();
    Command::new(path)
}

#[test]
fn container_forwarders_are_matched_by_exact_name_whatever_the_flags() {
    let dir = util::tempdir::Dir::new();
    let pasta = Holder::start_cmd(holder_named(&dir, "pasta"), &[]);
    for flags in [&["--kill"][..], &["--kill", "--force"], &["--kill", "--signal", "INT", "-y"]] {
        let run = portcheck(&[flags, &["--json", &pasta.port.to_string()]].concat());
        run.code(1);
        let v = run.json();
        assert_eq!(actions(&v), vec![(pasta.pid(), String::new(), "refused".into())]);
        assert!(v["actions"][0]["stop"].as_str().unwrap().starts_with("podman ps"), "{v}");
        assert!(alive(pasta.pid()));
    }
    let other = Holder::start_cmd(holder_named(&dir, "pastaserver"), &[]);
    let run = portcheck(&["--kill", "--json", &other.port.to_string()]);
    run.code(0);
    assert_eq!(actions(&run.json()), vec![(other.pid(), "SIGTERM".into(), "exited".into())]);
}
