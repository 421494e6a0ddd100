//! Host facts on Windows: elevation from portcheck's own token
//! (GetTokenInformation, TokenElevation) and the adapters' addresses
//! (GetAdaptersAddresses), both through `crate::win32`. The SOCKADDR bytes
//! and broadcast addresses are read here, in safe code.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::Interfaces;
use crate::i18n::{Msg, msg};
use crate::win32::{self, Adapter};

/// How a holder portcheck cannot see is explained, and what to do:
/// "from this terminal; run from an Administrator terminal".
pub(crate) fn hidden_hint() -> Msg {
    msg!("host-hidden-hint-admin")
}

/// What to tell the user when a target is out of reach.
pub(crate) fn denied_hint() -> Msg {
    msg!("host-denied-hint-admin")
}

/// The advice of a refused action, on its own: "run from an
/// Administrator terminal".
pub(crate) fn elevate() -> Msg {
    msg!("host-elevate-admin")
}

/// Who a process portcheck may not stop belongs to.
pub(crate) fn denied_who() -> Msg {
    msg!("host-denied-who-elevated")
}

/// The advice beside a stop that was denied.
pub(crate) fn denied_fix() -> Msg {
    elevate()
}

/// Whether portcheck's token is elevated (an Administrator terminal): it
/// then may open every process. False when the token cannot be read.
pub(crate) fn is_root() -> bool {
    win32::token_elevated().unwrap_or(false)
}

/// Every unicast address of every adapter (up or not), the IPv4
/// broadcast addresses of the non-loopback ones, and the adapters' names
/// by index. Empty when GetAdaptersAddresses fails: the report then lists
/// the socket's own address only.
pub(crate) fn interfaces() -> Interfaces {
    win32::adapters().map(|list| from_adapters(&list)).unwrap_or_default()
}

/// The host facts of an adapter list.
fn from_adapters(list: &[Adapter]) -> Interfaces {
    let mut out = Interfaces::default();
    for a in list {
        for (bytes, prefix) in &a.unicast {
            let Some(ip) = sockaddr_ip(bytes) else { continue };
            out.addresses.push((a.name.clone(), ip, a.up));
            if let (IpAddr::V4(v4), false) = (ip, a.loopback) {
                out.broadcast.extend(broadcast(v4, *prefix).map(IpAddr::V4));
            }
        }
        for index in a.indexes {
            if index != 0 && !out.names.iter().any(|(i, _)| *i == index) {
                out.names.push((index, a.name.clone()));
            }
        }
    }
    out
}

/// The address of a SOCKADDR_IN or SOCKADDR_IN6 in its in-memory layout
/// (family as a little-endian u16 first; IPv4 at bytes 4..8, IPv6 at
/// 8..24), or `None` for another family or a short buffer.
fn sockaddr_ip(b: &[u8]) -> Option<IpAddr> {
    const AF_INET: u16 = 2;
    const AF_INET6: u16 = 23;
    let family = u16::from_le_bytes(b.get(..2)?.try_into().ok()?);
    match family {
        AF_INET => {
            let a: [u8; 4] = b.get(4..8)?.try_into().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(a)))
        }
        AF_INET6 => {
            let a: [u8; 16] = b.get(8..24)?.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

/// The broadcast address of `ip` on a `prefix`-bit network; none for /31
/// and /32 (point-to-point and host routes have none) or a bad length.
fn broadcast(ip: Ipv4Addr, prefix: u8) -> Option<Ipv4Addr> {
    if prefix > 30 {
        return None;
    }
    let host_bits = u32::MAX >> prefix;
    Some(Ipv4Addr::from(u32::from(ip) | host_bits))
}

/// Windows errors reach portcheck as `std::io::Error`, which the caller
/// already reads: nothing more to recognise.
pub(crate) fn is_os_permission_error(_e: &(dyn std::error::Error + 'static)) -> bool {
    false
}

/// Whether the console on stdout now takes escape sequences: Windows
/// Terminal does; the classic console (conhost) does once
/// ENABLE_VIRTUAL_TERMINAL_PROCESSING is set, which this sets (Windows 10
/// and later). An older console refuses, and gets no colour.
pub(crate) fn terminal_takes_colour() -> bool {
    crate::win32::enable_virtual_terminal().is_ok()
}

/// The columns of the console window on stdout
/// (GetConsoleScreenBufferInfo); `None` when stdout is no console.
pub(crate) fn terminal_columns() -> Option<u16> {
    crate::win32::console_width()
}

/// FILE_FLAG_OPEN_REPARSE_POINT: a symlink or junction is opened as
/// itself, not followed.
const OPEN_REPARSE_POINT: u32 = 0x0020_0000;

/// Opens `path` for reading as a plain file or not at all: a symlink or
/// junction is opened as itself (and is then not a regular file). The
/// caller checks what it opened before reading.
pub(crate) fn open_plain(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::windows::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(OPEN_REPARSE_POINT).open(path)
}

/// Whether two paths name the same file (Windows: by their canonical
/// paths).
pub(crate) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// This machine's name (sysinfo, the Windows backend).
pub(crate) fn name() -> Option<String> {
    sysinfo::System::host_name().ok()
}

/// portcheck's own user id: Windows has none (accounts are compared by
/// name, and `sudo -u` is never advised).
pub(crate) fn my_uid() -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sockaddr_in(ip: [u8; 4]) -> Vec<u8> {
        let mut b = vec![2, 0, 0x13, 0x88];
        b.extend(ip);
        b.extend([0; 8]);
        b
    }

    fn sockaddr_in6(ip: Ipv6Addr, scope: u32) -> Vec<u8> {
        let mut b = vec![23, 0, 0, 0, 0, 0, 0, 0];
        b.extend(ip.octets());
        b.extend(scope.to_le_bytes());
        b
    }

    #[test]
    fn a_console_gets_colour_and_a_pipe_none() {
        // `cargo test` in a console (Windows 10 and later) leaves the
        // tests' stdout on it: colour; a pipe (CI, `| more`) has no
        // console mode to set: none. .ci/windows runs this once with
        // stdout on a pipe and once on a terminal.
        use std::io::IsTerminal;
        let console = std::io::stdout().is_terminal();
        assert_eq!(terminal_takes_colour(), console, "console: {console}");
        assert_eq!(crate::win32::enable_virtual_terminal().is_ok(), console);
    }

    #[test]
    fn sockaddrs_are_read_by_family() {
        assert_eq!(
            sockaddr_ip(&sockaddr_in([192, 168, 1, 20])),
            Some("192.168.1.20".parse().unwrap())
        );
        let v6: Ipv6Addr = "fe80::1:2".parse().unwrap();
        assert_eq!(sockaddr_ip(&sockaddr_in6(v6, 7)), Some(IpAddr::V6(v6)));
        // Another family, a truncated buffer, nothing at all.
        assert_eq!(sockaddr_ip(&[17, 0, 1, 2, 3, 4, 5, 6]), None);
        assert_eq!(sockaddr_ip(&sockaddr_in6(v6, 7)[..20]), None);
        assert_eq!(sockaddr_ip(&[]), None);
    }

    #[test]
    fn broadcast_addresses_come_from_the_prefix() {
        let ip = Ipv4Addr::new(192, 168, 1, 20);
        assert_eq!(broadcast(ip, 24), Some(Ipv4Addr::new(192, 168, 1, 255)));
        assert_eq!(broadcast(ip, 0), Some(Ipv4Addr::BROADCAST));
        assert_eq!(
            broadcast(Ipv4Addr::new(10, 1, 2, 3), 12),
            Some(Ipv4Addr::new(10, 15, 255, 255))
        );
        assert_eq!(broadcast(ip, 31), None);
        assert_eq!(broadcast(ip, 32), None);
    }

    #[test]
    fn adapters_become_addresses_broadcasts_and_names() {
        let v6: Ipv6Addr = "fe80::1:2".parse().unwrap();
        let list = [
            Adapter {
                name: "Loopback Pseudo-Interface 1".into(),
                up: true,
                loopback: true,
                indexes: [1, 1],
                unicast: vec![(sockaddr_in([127, 0, 0, 1]), 8)],
            },
            Adapter {
                name: "Ethernet".into(),
                up: false,
                loopback: false,
                indexes: [5, 6],
                unicast: vec![(sockaddr_in([192, 168, 1, 20]), 24), (sockaddr_in6(v6, 6), 64)],
            },
        ];
        let ifs = from_adapters(&list);
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        assert_eq!(
            ifs.addresses,
            vec![
                ("Loopback Pseudo-Interface 1".into(), "127.0.0.1".parse().unwrap(), true),
                ("Ethernet".into(), lan, false),
                ("Ethernet".into(), IpAddr::V6(v6), false),
            ]
        );
        assert_eq!(ifs.broadcast, vec!["192.168.1.255".parse::<IpAddr>().unwrap()]);
        assert_eq!(
            ifs.names,
            vec![
                (1, "Loopback Pseudo-Interface 1".into()),
                (5, "Ethernet".into()),
                (6, "Ethernet".into())
            ]
        );
    }

    /// Access denied says "run from an Administrator terminal", never sudo
    /// (the report and kill layers read these words).
    #[test]
    fn refusals_point_at_an_administrator_terminal() {
        let words = |m: Msg| m.english();
        for words in [hidden_hint(), denied_hint(), elevate(), denied_who()].map(words) {
            assert!(!words.contains("sudo") && !words.contains("root"), "{words}");
        }
        for words in [hidden_hint(), denied_hint(), elevate()].map(words) {
            assert!(words.contains("run from an Administrator terminal"), "{words}");
        }
    }

    /// The real calls, under Wine here: the token answers (what Wine says
    /// about elevation is its business), and the adapter list has
    /// loopback's 127.0.0.1, as a wildcard socket's report would list it.
    #[test]
    fn the_token_and_the_adapters_are_read() {
        assert!(win32::token_elevated().is_ok(), "{:?}", win32::token_elevated());
        let list = win32::adapters();
        assert!(list.is_ok(), "GetAdaptersAddresses: error {:?}", list.err());
        let ifs = interfaces();
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(
            ifs.addresses.iter().any(|(_, ip, _)| *ip == lo),
            "no 127.0.0.1 in {:?}",
            ifs.addresses
        );
        assert!(!ifs.names.is_empty());
    }
}
