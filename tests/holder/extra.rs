//! The holder's modes for the ground-truth cases of issue 11: a seccomp
//! launcher, a process whose main thread has exited, a socket in flight in
//! an SCM_RIGHTS message, and the socket options that change what a bound
//! address means (SO_BINDTODEVICE, IP_FREEBIND, SO_REUSEADDR on a client).
//!
//! ```text
//! holder --seccomp inet=ERRNO,inet6=ERRNO,netlink=ERRNO,pidfd_open=ERRNO,signal=ERRNO,bind=ERRNO
//!        -- PROGRAM ARGS...
//! holder --zombie-leader [--addr ADDR]
//! holder --in-flight
//! holder --client --reuseaddr
//! holder --udp-connected
//! holder ... --device DEV | --freebind
//! ```
//!
//! `--seccomp` installs a filter that fails `socket(AF_INET…)` and/or
//! `socket(AF_INET6…)`, `socket(AF_NETLINK…)` and/or `pidfd_open` with
//! ERRNO (EPERM, EACCES, EAFNOSUPPORT, EMFILE, ENOBUFS), as systemd's
//! `RestrictAddressFamilies=` or a container's policy do, and execs
//! PROGRAM. `signal` fails `pidfd_send_signal` and `kill` (EPERM: a target
//! portcheck may not signal, even as root); `bind` fails the bind of an
//! IPv4 or IPv6 address (EACCES: a privileged port without the right, even
//! as root), not a netlink one. `--zombie-leader` listens, says READY and ends its main
//! thread with a raw `exit` (a zombie thread-group leader); another thread
//! holds the socket until stdin closes. `--in-flight` listens, sends the
//! listener over a unix socketpair in an SCM_RIGHTS message nobody
//! receives, and closes its own descriptor: no process has the socket open.

#![allow(unsafe_code)]

use std::io::Write;
use std::os::fd::{AsRawFd, OwnedFd};

use nix::libc;
use nix::sys::socket::{setsockopt, sockopt};

fn ready(port: u16) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY {port} {}", std::process::id()).expect("stdout");
    out.flush().expect("flush");
}

fn errno(name: &str) -> u32 {
    let n = match name {
        "EPERM" => libc::EPERM,
        "EACCES" => libc::EACCES,
        "EAFNOSUPPORT" => libc::EAFNOSUPPORT,
        "EMFILE" => libc::EMFILE,
        "ENOBUFS" => libc::ENOBUFS,
        other => panic!("--seccomp: unknown errno {other}"),
    };
    u32::try_from(n).expect("errno")
}

/// The launchers: `--same-pid` (`pidns.rs`), else `--seccomp`.
pub fn launch(args: &[String]) {
    if args.iter().any(|a| a == "--same-pid") {
        super::pidns::same_pid(args);
    } else {
        seccomp(args);
    }
}

/// `--seccomp SPEC -- PROGRAM ARGS...`: a raw BPF filter through prctl (no
/// libseccomp), then exec.
pub fn seccomp(args: &[String]) {
    use std::os::unix::process::CommandExt;
    let spec = args
        .iter()
        .position(|a| a == "--seccomp")
        .and_then(|i| args.get(i + 1))
        .expect("--seccomp SPEC");
    let rest = args.iter().position(|a| a == "--").expect("-- PROGRAM") + 1;
    let mut deny = Deny::default();
    for part in spec.split(',') {
        let (family, name) = part.split_once('=').expect("FAMILY=ERRNO");
        match family {
            "inet" => deny.inet = Some(errno(name)),
            "inet6" => deny.inet6 = Some(errno(name)),
            "netlink" => deny.netlink = Some(errno(name)),
            "pidfd_open" => deny.pidfd_open = Some(errno(name)),
            "signal" => deny.signal = Some(errno(name)),
            "bind" => deny.bind = Some(errno(name)),
            other => panic!("--seccomp: unknown family {other}"),
        }
    }
    let filter = program(&deny);
    let prog = libc::sock_fprog {
        len: u16::try_from(filter.len()).expect("len"),
        filter: filter.as_ptr().cast_mut(),
    };
    // SAFETY: plain prctl calls with a filter that outlives them.
    unsafe {
        assert_eq!(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0, "no_new_privs");
        assert_eq!(
            libc::prctl(libc::PR_SET_SECCOMP, libc::SECCOMP_MODE_FILTER, &raw const prog),
            0,
            "seccomp: {}",
            std::io::Error::last_os_error()
        );
    }
    let err = std::process::Command::new(&args[rest]).args(&args[rest + 1..]).exec();
    panic!("exec {}: {err}", args[rest]);
}

/// What the filter fails, and with which errno.
#[derive(Default)]
struct Deny {
    inet: Option<u32>,
    inet6: Option<u32>,
    netlink: Option<u32>,
    pidfd_open: Option<u32>,
    signal: Option<u32>,
    bind: Option<u32>,
}

fn program(deny: &Deny) -> Vec<libc::sock_filter> {
    let stmt = |code: u32, k: u32| libc::sock_filter {
        code: u16::try_from(code).expect("code"),
        jt: 0,
        jf: 0,
        k,
    };
    let jeq = |k: u32, jt: u8, jf: u8| libc::sock_filter {
        code: u16::try_from(libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K).expect("code"),
        jt,
        jf,
        k,
    };
    let nr = |n: libc::c_long| u32::try_from(n).expect("nr");
    let af = |n: libc::c_int| u32::try_from(n).expect("af");
    let load = libc::BPF_LD | libc::BPF_W | libc::BPF_ABS;
    let ret = libc::BPF_RET | libc::BPF_K;
    let allow = libc::SECCOMP_RET_ALLOW;
    let fail = |e: Option<u32>| e.map_or(allow, |e| libc::SECCOMP_RET_ERRNO | e);
    // The length of an IPv4 and an IPv6 socket address (a netlink one is
    // shorter).
    let len = |n: usize| u32::try_from(n).expect("len");
    let (in4, in6) = (len(size_of::<libc::sockaddr_in>()), len(size_of::<libc::sockaddr_in6>()));
    // seccomp_data: nr at 0, arch at 4, args[0] at 16, args[2] at 32 (low
    // halves on little-endian x86_64).
    vec![
        stmt(load, 4),
        jeq(0xc000_003e, 1, 0), // AUDIT_ARCH_X86_64
        stmt(ret, allow),
        stmt(load, 0),
        jeq(nr(libc::SYS_pidfd_open), 0, 1),
        stmt(ret, fail(deny.pidfd_open)),
        jeq(nr(libc::SYS_pidfd_send_signal), 0, 1),
        stmt(ret, fail(deny.signal)),
        jeq(nr(libc::SYS_kill), 0, 1),
        stmt(ret, fail(deny.signal)),
        // bind(fd, addr, addrlen): an IPv4 or IPv6 address fails.
        jeq(nr(libc::SYS_bind), 0, 5),
        stmt(load, 32),
        jeq(in4, 1, 0),
        jeq(in6, 0, 1),
        stmt(ret, fail(deny.bind)),
        stmt(ret, allow),
        jeq(nr(libc::SYS_socket), 1, 0),
        stmt(ret, allow),
        stmt(load, 16),
        jeq(af(libc::AF_INET), 0, 1),
        stmt(ret, fail(deny.inet)),
        jeq(af(libc::AF_INET6), 0, 1),
        stmt(ret, fail(deny.inet6)),
        jeq(af(libc::AF_NETLINK), 0, 1),
        stmt(ret, fail(deny.netlink)),
        stmt(ret, allow),
    ]
}

/// `--zombie-leader`: the main thread exits; another thread holds the socket.
pub fn zombie_leader(addr: &str) {
    let listener = std::net::TcpListener::bind((addr, 0)).expect("listen");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let _held = listener;
        super::wait_for_eof();
        std::process::exit(0);
    });
    ready(port);
    // SAFETY: ends the calling thread only (not the process); nothing on
    // this thread's stack is used afterwards.
    unsafe {
        libc::syscall(libc::SYS_exit, 0);
    }
}

/// `--in-flight`: the listener lives only in an unreceived SCM_RIGHTS message.
pub fn in_flight() {
    use nix::sys::socket::{AddressFamily, SockFlag, SockType, socketpair};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = socketpair(AddressFamily::Unix, SockType::Stream, None, SockFlag::empty())
        .expect("socketpair");
    let fd: libc::c_int = listener.as_raw_fd();
    let mut byte = *b"x";
    // SAFETY: one SCM_RIGHTS control message of one fd, built in a buffer
    // sized by CMSG_SPACE and aligned for cmsghdr.
    unsafe {
        let space = libc::CMSG_SPACE(std::mem::size_of::<libc::c_int>() as u32) as usize;
        let mut control = vec![0u64; space.div_ceil(8)];
        let mut iov = libc::iovec { iov_base: byte.as_mut_ptr().cast(), iov_len: 1 };
        let mut msg: libc::msghdr = std::mem::zeroed();
        msg.msg_iov = &raw mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space;
        let cmsg = libc::CMSG_FIRSTHDR(&raw const msg);
        (*cmsg).cmsg_level = libc::SOL_SOCKET;
        (*cmsg).cmsg_type = libc::SCM_RIGHTS;
        (*cmsg).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<libc::c_int>() as u32) as usize;
        std::ptr::write_unaligned(libc::CMSG_DATA(cmsg).cast::<libc::c_int>(), fd);
        assert_eq!(libc::sendmsg(tx.as_raw_fd(), &raw const msg, 0), 1, "sendmsg");
    }
    drop(listener);
    ready(port);
    super::wait_for_eof();
    drop((tx, rx));
}

/// `--client --reuseaddr`: an outgoing connection from a socket that set
/// SO_REUSEADDR (a server-style bind can then take its local port).
pub fn reuseaddr_client() {
    use nix::sys::socket::{
        AddressFamily, SockFlag, SockType, SockaddrIn, bind, connect, getsockname, socket,
    };
    let server = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let target = match server.local_addr().expect("addr") {
        std::net::SocketAddr::V4(v4) => SockaddrIn::from(v4),
        std::net::SocketAddr::V6(_) => unreachable!(),
    };
    let fd: OwnedFd =
        socket(AddressFamily::Inet, SockType::Stream, SockFlag::empty(), None).expect("socket");
    setsockopt(&fd, sockopt::ReuseAddr, &true).expect("SO_REUSEADDR");
    bind(fd.as_raw_fd(), &SockaddrIn::new(127, 0, 0, 1, 0)).expect("bind");
    connect(fd.as_raw_fd(), &target).expect("connect");
    let _accepted = server.accept().expect("accept");
    drop(server);
    let local: SockaddrIn = getsockname(fd.as_raw_fd()).expect("getsockname");
    ready(local.port());
    super::wait_for_eof();
}

/// `--udp-connected`: a UDP socket connected to one peer (a client: it
/// receives from that peer only).
pub fn udp_connected() {
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    sock.connect("127.0.0.1:9").expect("connect");
    ready(sock.local_addr().expect("addr").port());
    super::wait_for_eof();
}

/// `--device DEV` (SO_BINDTODEVICE) and `--freebind` (IP_FREEBIND), set
/// before the bind.
pub fn socket_options(fd: &OwnedFd, value: &dyn Fn(&str) -> Option<String>, freebind: bool) {
    if let Some(dev) = value("--device") {
        setsockopt(fd, sockopt::BindToDevice, &std::ffi::OsString::from(dev))
            .expect("SO_BINDTODEVICE");
    }
    if freebind {
        setsockopt(fd, sockopt::IpFreebind, &true).expect("IP_FREEBIND");
    }
}
