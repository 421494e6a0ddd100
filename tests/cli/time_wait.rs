//! A port held only by TIME_WAIT connections (the server side closed
//! first): whether it blocks a server depends on whether the socket that
//! left them set SO_REUSEADDR, as servers do. The server-style bind of the
//! second look and a development server's bind (the answer for a pasted
//! address) decide it; a real server's bind then proves each answer.

use crate::util::*;
use std::os::fd::OwnedFd;

/// A fresh loopback port whose only socket is a TIME_WAIT connection left
/// by a listener that did not set SO_REUSEADDR (std's listener sets it).
fn time_wait_port_without_reuseaddr() -> u16 {
    use nix::sys::socket::{
        AddressFamily, Backlog, SockFlag, SockType, SockaddrIn, bind, listen, socket,
    };
    let fd: OwnedFd =
        socket(AddressFamily::Inet, SockType::Stream, SockFlag::SOCK_CLOEXEC, None).unwrap();
    bind(std::os::fd::AsRawFd::as_raw_fd(&fd), &SockaddrIn::new(127, 0, 0, 1, 0)).unwrap();
    listen(&fd, Backlog::new(1).unwrap()).unwrap();
    let listener = std::net::TcpListener::from(fd);
    leave_time_wait(&listener);
    listener.local_addr().unwrap().port()
}

/// Left by a socket that set SO_REUSEADDR: free, and a development server
/// could start on the pasted address (its bind sets SO_REUSEADDR too).
#[test]
fn time_wait_of_a_reuseaddr_socket_lets_a_server_start() {
    let port = time_wait_port();
    let at = format!("127.0.0.1:{port}");
    let run = portcheck(&["--json", "-t", &at]);
    run.code(0);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], false, "{p}");
    assert!(p["time_wait"].as_u64().unwrap() >= 1, "{p}");
    portcheck(&["-t", &at]).code(0).stdout_has(&format!(
        "; a server could start on {at} now (bound and listened as a development server does, and released)"
    ));
    // True: a server binds it (std's listener sets SO_REUSEADDR).
    drop(std::net::TcpListener::bind(&at).expect("a server binds beside the TIME_WAIT"));
}

/// Left by a socket without SO_REUSEADDR: the TIME_WAIT blocks every
/// server, so the port is in use, and the pasted address is taken.
#[test]
fn time_wait_of_a_socket_without_reuseaddr_blocks_a_server() {
    let port = time_wait_port_without_reuseaddr();
    let at = format!("127.0.0.1:{port}");
    let run = portcheck(&["--json", "-t", &port.to_string()]);
    run.code(1);
    let p = port_obj(&run.json(), port);
    assert_eq!(p["in_use"], true, "{p}");
    assert!(p["time_wait"].as_u64().unwrap() >= 1, "{p}");
    portcheck(&["-t", &port.to_string()]).code(1).stdout_has(&format!(
        "port {port} is taken: TIME_WAIT connections left by a socket that did not set SO_REUSEADDR still block it"
    ));
    portcheck(&["-t", &at])
        .code(1)
        .stdout_has(&format!("; a server could not start on {at} now: it is taken"));
    // True: a server (with SO_REUSEADDR) cannot bind it.
    let err = std::net::TcpListener::bind(&at).expect_err("a server bound beside the TIME_WAIT");
    assert_eq!(err.kind(), std::io::ErrorKind::AddrInUse, "{err}");
}
