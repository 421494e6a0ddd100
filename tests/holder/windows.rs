//! The Windows holder: one socket, held until stdin closes.
//!
//! ```text
//! holder [--udp] [--addr ADDR] [--port N]
//! ```
//!
//! It binds ADDR:N (default 127.0.0.1, port 0 = any), prints
//! `READY <port> <pid>` and lives until its stdin closes. A line `close`
//! on stdin closes the socket (it answers `CLOSED`) and it lives on: a
//! process that let go of its port. std binds without SO_REUSEADDR on
//! Windows, as most servers do.

use std::io::{BufRead, Write};

pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let addr = value("--addr").unwrap_or_else(|| "127.0.0.1".into());
    let port: u16 = value("--port").map_or(0, |p| p.parse().expect("--port"));
    let udp = args.iter().any(|a| a == "--udp");
    let (tcp, udp, port) = if udp {
        let s = std::net::UdpSocket::bind((addr.as_str(), port)).expect("bind");
        let port = s.local_addr().expect("addr").port();
        (None, Some(s), port)
    } else {
        let l = std::net::TcpListener::bind((addr.as_str(), port)).expect("bind");
        let port = l.local_addr().expect("addr").port();
        (Some(l), None, port)
    };
    let mut held = (tcp, udp);
    let say = |line: &str| {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{line}").expect("stdout");
        out.flush().expect("flush");
    };
    say(&format!("READY {port} {}", std::process::id()));
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim() == "close" {
            held = (None, None);
            say("CLOSED");
        }
    }
    drop(held);
}
