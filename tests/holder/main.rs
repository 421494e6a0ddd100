//! A test helper that holds sockets the way real servers do, so the
//! integration tests run portcheck against real processes.
//!
//! ```text
//! holder [--udp] [--addr ADDR [--scope DEV]] [--port N] [--no-listen] [--v6only|--dual]
//!        [--reuseport] [--workers N] [--ignore-term] [--label TEXT] [--both]
//! holder --supervise [ARGS...]
//! holder --client
//! holder --churn
//! holder --listeners N --base PORT
//! holder --exec-on-usr1 [ARGS...]
//! holder --drain-on-term [ARGS...]
//! holder [ARGS...] --out FILE --run CMD...
//! holder --pass-on-term [ARGS...]
//! holder [ARGS...] --count FILE [--release-on-usr1] [--forward-term]
//!        [--release-when-parent-dies] [--exit-on-term]     (signals.rs)
//! holder --same-pid TARGET -- PROGRAM ARGS...   (pidns.rs)
//! ```
//!
//! `--supervise` holds no socket itself: it runs `holder ARGS` as a child
//! and starts it again (on the same port) whenever it dies, as systemd,
//! supervisord or a dev server's reloader do. Its READY line names the
//! supervisor first, then the child. `--client` holds an established
//! loopback connection and reports its local port, on which nothing listens.
//! `--churn` starts about 200 short-lived listeners a second (`--flash`
//! children) until stdin closes. `--listeners N --base PORT` holds N
//! listeners on PORT.. in one process. `--exec-on-usr1`: on SIGUSR1 the
//! holder closes its socket and execs `sleep 30` in the same pid.
//! `--drain-on-term`: SIGTERM closes the socket, and the process lives on.
//! `--pass-on-term`: the holder is a receiver that holds nothing; its
//! child binds and, on SIGTERM, hands the socket to it over a Unix socket
//! (SCM_RIGHTS) and exits. READY names the child (the holder), then the
//! receiver.
//! `--run CMD...` (last): the holder binds, then runs CMD (every `{port}`
//! in it replaced by the port) as its child without passing the socket
//! on, writes CMD's stdout to `--out FILE`, and prints `READY <port>
//! <pid> <CMD's exit status>`: a program that runs portcheck, directly or
//! through a wrapper, while it holds the port.
//!
//! It binds, spawns `--workers` children that inherit the very same socket
//! (prefork, or a reloader parent passing its socket to a child), prints
//! `READY <port> <pid>[,<pid>...]` once everything is listening, and then
//! lives until its stdin closes (the test's guard closes it, or dies).
//! `--label TEXT` is ignored: it puts TEXT in the command line.

#![allow(clippy::print_stderr, clippy::print_stdout)]

mod extra;
mod pidns;
mod signals;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::process::{Child, Command, Stdio};

use nix::sys::signal::{SigSet, Signal};
use nix::sys::socket::{
    AddressFamily, Backlog, SockFlag, SockType, SockaddrIn, SockaddrIn6, SockaddrStorage, bind,
    getsockname, listen, setsockopt, socket, sockopt,
};

pub fn main() {
    let mut args: Vec<String> =
        std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let run = args.iter().position(|a| a == "--run").map(|i| args.split_off(i));
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    block_signals(&flag);
    if flag("--same-pid") || flag("--seccomp") {
        extra::launch(&args);
        return;
    }
    if flag("--zombie-leader") {
        extra::zombie_leader(&value("--addr").unwrap_or_else(|| "127.0.0.1".into()));
        return;
    }
    if flag("--in-flight") {
        extra::in_flight();
        return;
    }
    if flag("--udp-connected") {
        extra::udp_connected();
        return;
    }
    if flag("--client") && flag("--reuseaddr") {
        extra::reuseaddr_client();
        return;
    }
    if flag("--flash") {
        // One short-lived listener for --churn.
        let _l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        std::thread::sleep(std::time::Duration::from_millis(
            5 + u64::from(std::process::id() % 20),
        ));
        return;
    }
    if flag("--churn") {
        churn();
        return;
    }
    if let Some(n) = value("--listeners") {
        many_listeners(
            n.parse().expect("--listeners"),
            value("--base").expect("--base").parse().expect("--base"),
        );
        return;
    }
    if flag("--client") {
        client();
        return;
    }
    if flag("--supervise") {
        supervise(args.iter().filter(|a| *a != "--supervise").cloned().collect());
        return;
    }
    if let Some(fd) = value("--give") {
        give(fd.parse().expect("--give FD"), &flag, &value);
        return;
    }
    if flag("--pass-on-term") {
        pass_on_term(&args);
        return;
    }
    if let Some(run) = run {
        run_below(&flag, &value, &run[1..]);
        return;
    }
    if let Some(fd) = value("--inherit") {
        // A worker: the socket arrived as an inherited fd; just hold it.
        let held: RawFd = fd.parse().expect("fd");
        if let Some(file) = value("--count") {
            signals::watch(file, held, vec![], &flag);
        }
        wait_for_eof();
        return;
    }
    serve(&flag, &value);
}

/// Blocks, before any thread starts, the signals the flags take in a
/// thread of their own.
fn block_signals(flag: &dyn Fn(&str) -> bool) {
    if flag("--ignore-term") || flag("--drain-on-term") || flag("--give") || flag("--fork-on-term")
    {
        let mut set = SigSet::empty();
        set.add(Signal::SIGTERM);
        set.thread_block().expect("block SIGTERM");
    }
    if flag("--count") {
        signals::block();
    }
    if flag("--exec-on-usr1") {
        // Blocked here, before any thread starts, so only the waiter below
        // receives it.
        let mut set = SigSet::empty();
        set.add(Signal::SIGUSR1);
        set.thread_block().expect("block SIGUSR1");
    }
}

/// Binds, spawns the workers that inherit the socket, says READY and holds
/// the port until stdin closes.
fn serve(flag: &dyn Fn(&str) -> bool, value: &dyn Fn(&str) -> Option<String>) {
    let workers: usize = value("--workers").map_or(0, |w| w.parse().expect("--workers"));
    let (fd, port) = bound_socket(flag, value);
    let fd = std::sync::Arc::new(fd);
    if flag("--exec-on-usr1") {
        exec_on_usr1(std::sync::Arc::clone(&fd));
    }
    // --both: the same port on [::1] too, a second socket in this process.
    let _second = flag("--both")
        .then(|| std::net::TcpListener::bind(("::1", port)).expect("--both: bind [::1]"));
    let mut pids = vec![std::process::id()];
    let mut children = Vec::new();
    for _ in 0..workers {
        let child = Command::new(std::env::current_exe().expect("current_exe"))
            .args(["--inherit", &fd.as_raw_fd().to_string()])
            .args(if flag("--ignore-term") { &["--ignore-term"][..] } else { &[][..] })
            .args(value("--count").map(|f| ["--count".to_string(), f]).into_iter().flatten())
            .args(signals::WORKER_FLAGS.iter().filter(|f| flag(f)))
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn worker");
        pids.push(child.id());
        children.push(child);
    }
    // Each worker holds the socket from the moment it is spawned (the fd is
    // inherited), so the port is fully held once the pids are known.
    let pids: Vec<String> = pids.iter().map(u32::to_string).collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {port} {}", pids.join(",")).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    if flag("--fork-on-term") {
        signals::fork_on_term();
    }
    if let Some(file) = value("--count") {
        let workers = children.iter().map(Child::id).collect();
        signals::watch(file, fd.as_raw_fd(), workers, flag);
    }
    if flag("--drain-on-term") {
        // SIGTERM closes the socket; the process lives on ("draining").
        let sock = fd;
        std::thread::spawn(move || {
            let mut set = SigSet::empty();
            set.add(Signal::SIGTERM);
            let _ = set.wait();
            drop(sock);
        });
        wait_for_eof();
        return;
    }
    wait_for_eof();
    for mut c in children {
        let _ = c.wait();
    }
    // The socket lives until here.
    drop(fd);
}

/// `--run`: binds, runs `cmd` as a child that does not inherit the
/// socket, saves its stdout, says READY with its exit status, and holds
/// the port until stdin closes.
fn run_below(flag: &dyn Fn(&str) -> bool, value: &dyn Fn(&str) -> Option<String>, cmd: &[String]) {
    let (fd, port) = bound_socket(flag, value);
    nix::fcntl::fcntl(&fd, nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC))
        .expect("FD_CLOEXEC");
    let cmd: Vec<String> = cmd.iter().map(|a| a.replace("{port}", &port.to_string())).collect();
    let out = Command::new(&cmd[0])
        .args(&cmd[1..])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("run --run command");
    std::fs::write(value("--out").expect("--out FILE"), &out.stdout).expect("--out");
    let code = out.status.code().map_or_else(|| format!("{:?}", out.status), |c| c.to_string());
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "READY {port} {} {code}", std::process::id()).expect("stdout");
    stdout.flush().expect("flush");
    drop(stdout);
    wait_for_eof();
    drop(fd);
}

/// `--pass-on-term`: this process is the receiver (it holds nothing
/// yet); its child binds and, on SIGTERM, hands the socket to it
/// (SCM_RIGHTS) and exits. Both stay this test's descendants.
fn pass_on_term(args: &[String]) {
    use nix::sys::socket::{ControlMessageOwned, MsgFlags, recvmsg, socketpair};
    use std::io::BufRead;
    let (mine, theirs) =
        socketpair(AddressFamily::Unix, SockType::Stream, None, SockFlag::empty()).expect("pair");
    nix::fcntl::fcntl(&mine, nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC))
        .expect("FD_CLOEXEC");
    let mut giver = Command::new(std::env::current_exe().expect("current_exe"))
        .arg("--give")
        .arg(theirs.as_raw_fd().to_string())
        .args(args.iter().filter(|a| *a != "--pass-on-term"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn giver");
    drop(theirs);
    let mut port = String::new();
    std::io::BufReader::new(giver.stdout.take().expect("stdout"))
        .read_line(&mut port)
        .expect("giver's port");
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {} {},{}", port.trim(), giver.id(), std::process::id()).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    std::thread::spawn(move || giver.wait());
    let mut buf = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut buf)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let msg = recvmsg::<()>(mine.as_raw_fd(), &mut iov, Some(&mut space), MsgFlags::empty());
    let _held: Vec<RawFd> = msg
        .expect("recvmsg")
        .cmsgs()
        .expect("cmsgs")
        .filter_map(|c| if let ControlMessageOwned::ScmRights(fds) = c { Some(fds) } else { None })
        .flatten()
        .collect();
    wait_for_eof();
}

/// `--give FD`: bind, print the port, and on SIGTERM pass the socket
/// over FD (SCM_RIGHTS) and exit.
fn give(fd: RawFd, flag: &dyn Fn(&str) -> bool, value: &dyn Fn(&str) -> Option<String>) {
    use nix::sys::socket::{ControlMessage, MsgFlags, sendmsg};
    let (sock, port) = bound_socket(flag, value);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{port}").expect("stdout");
    out.flush().expect("flush");
    drop(out);
    let mut set = SigSet::empty();
    set.add(Signal::SIGTERM);
    set.wait().expect("sigwait");
    let fds = [sock.as_raw_fd()];
    let iov = [std::io::IoSlice::new(b"x")];
    sendmsg::<()>(fd, &iov, &[ControlMessage::ScmRights(&fds)], MsgFlags::empty(), None)
        .expect("sendmsg");
    std::process::exit(0);
}

/// `--client`: an outgoing connection whose local port nothing listens on.
fn client() {
    // An outgoing connection whose local port nothing listens on:
    // the port is still taken for a server (no SO_REUSEADDR here).
    let server = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let client = std::net::TcpStream::connect(server.local_addr().expect("addr")).expect("connect");
    let _accepted = server.accept().expect("accept");
    drop(server);
    let port = client.local_addr().expect("local").port();
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {port} {}", std::process::id()).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    wait_for_eof();
}

/// The socket the holder holds, bound (and listening, for TCP) as the flags
/// say, with its port.
fn bound_socket(
    flag: &dyn Fn(&str) -> bool,
    value: &dyn Fn(&str) -> Option<String>,
) -> (OwnedFd, u16) {
    let udp = flag("--udp");
    let addr: std::net::IpAddr =
        value("--addr").unwrap_or_else(|| "127.0.0.1".into()).parse().expect("--addr");
    let port: u16 = value("--port").map_or(0, |p| p.parse().expect("--port"));

    let family = if addr.is_ipv4() { AddressFamily::Inet } else { AddressFamily::Inet6 };
    let ty = if udp { SockType::Datagram } else { SockType::Stream };
    // No CLOEXEC: workers inherit the socket across exec.
    let fd: OwnedFd = socket(family, ty, SockFlag::empty(), None).expect("socket");
    if !udp {
        setsockopt(&fd, sockopt::ReuseAddr, &true).expect("SO_REUSEADDR");
    }
    if flag("--reuseport") {
        setsockopt(&fd, sockopt::ReusePort, &true).expect("SO_REUSEPORT");
    }
    if flag("--v6only") {
        setsockopt(&fd, sockopt::Ipv6V6Only, &true).expect("IPV6_V6ONLY");
    }
    if flag("--dual") {
        setsockopt(&fd, sockopt::Ipv6V6Only, &false).expect("IPV6_V6ONLY");
    }
    extra::socket_options(&fd, value, flag("--freebind"));
    match addr {
        std::net::IpAddr::V4(v4) => {
            bind(fd.as_raw_fd(), &SockaddrIn::from(std::net::SocketAddrV4::new(v4, port)))
        }
        std::net::IpAddr::V6(v6) => {
            // `--scope DEV`: a link-local address's scope (fe80::1%DEV).
            let scope = value("--scope").map_or(0, |d| {
                nix::net::if_::if_nametoindex(d.as_str()).expect("--scope: no such interface")
            });
            let sa = std::net::SocketAddrV6::new(v6, port, 0, scope);
            bind(fd.as_raw_fd(), &SockaddrIn6::from(sa))
        }
    }
    .unwrap_or_else(|e| {
        eprintln!("holder: bind {addr}:{port}: {e}");
        std::process::exit(1)
    });
    if !udp && !flag("--no-listen") {
        listen(&fd, Backlog::new(128).expect("backlog")).expect("listen");
    }
    let local: SockaddrStorage = getsockname(fd.as_raw_fd()).expect("getsockname");
    let port = local
        .as_sockaddr_in()
        .map(|a| a.port())
        .or_else(|| local.as_sockaddr_in6().map(|a| a.port()))
        .expect("port");
    (fd, port)
}

/// On SIGUSR1, close the socket and exec `sleep 30` in the same pid.
fn exec_on_usr1(sock: std::sync::Arc<OwnedFd>) {
    std::thread::spawn(move || {
        let mut set = SigSet::empty();
        set.add(Signal::SIGUSR1);
        let _ = set.wait();
        // The socket closes at exec; the pid stays, now a `sleep`.
        use std::os::unix::process::CommandExt;
        let _ = nix::fcntl::fcntl(
            &*sock,
            nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
        );
        let err = Command::new("sleep").arg("30").stdin(Stdio::null()).exec();
        panic!("exec sleep: {err}");
    });
}

pub(crate) fn wait_for_eof() {
    let mut buf = [0u8; 64];
    let mut stdin = std::io::stdin().lock();
    while matches!(stdin.read(&mut buf), Ok(n) if n > 0) {}
}

fn supervise(mut args: Vec<String>) {
    use std::io::BufRead;
    let exe = std::env::current_exe().expect("current_exe");
    let start = |args: &[String]| {
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn server");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("server READY");
        (child, line)
    };
    let (mut child, line) = start(&args);
    let port: u16 = line.split_whitespace().nth(1).and_then(|p| p.parse().ok()).expect("port");
    if !args.iter().any(|a| a == "--port") {
        args.extend(["--port".to_string(), port.to_string()]);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {port} {},{}", std::process::id(), child.id()).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    // Stdin EOF (the test is done) ends the supervisor; a dead child is
    // restarted.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        wait_for_eof();
        let _ = tx.send(());
    });
    loop {
        if rx.recv_timeout(std::time::Duration::from_millis(20)).is_ok() {
            let _ = child.kill();
            let _ = child.wait();
            return;
        }
        if let Ok(Some(_)) = child.try_wait() {
            child = start(&args).0;
        }
    }
}

fn churn() {
    let exe = std::env::current_exe().expect("current_exe");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        wait_for_eof();
        let _ = tx.send(());
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY 0 {}", std::process::id()).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    let mut live: Vec<std::process::Child> = Vec::new();
    while rx.try_recv().is_err() {
        if let Ok(c) =
            Command::new(&exe).arg("--flash").stdin(Stdio::null()).stdout(Stdio::null()).spawn()
        {
            live.push(c);
        }
        live.retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_))));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for mut c in live {
        let _ = c.wait();
    }
}

fn many_listeners(n: u16, base: u16) {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let want = u64::from(n) + 64;
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).expect("getrlimit");
    if soft < want {
        setrlimit(Resource::RLIMIT_NOFILE, want.max(soft), hard.max(want)).expect("setrlimit");
    }
    let mut held = Vec::with_capacity(usize::from(n));
    for port in base..base + n {
        match std::net::TcpListener::bind(("127.0.0.1", port)) {
            Ok(l) => held.push(l),
            Err(e) => {
                eprintln!("holder: bind {port}: {e}");
                std::process::exit(1);
            }
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {base} {}", std::process::id()).expect("stdout");
    out.flush().expect("flush");
    drop(out);
    wait_for_eof();
}
