//! Windows's port settings. No port is privileged. The dynamic range and
//! the excluded port ranges come from `netsh` (Windows has no API that
//! lists the exclusions), which costs hundreds of milliseconds, so a plain
//! query never runs it: `read` gives the default dynamic range (49152 +
//! 16384), and `refine` (for `--suggest`) and `refusal` (a bind refused
//! with WSAEACCES) ask netsh when their answer needs it.
//!
//! netsh's headers and labels are translated (a Korean Windows prints
//! Korean), so the parsers read numbers only: never the words.

use super::{HostPorts, Refusal, Refused};
use crate::i18n::{Msg, msg};
use crate::net::Protocol;

/// The default dynamic range since Vista: start 49152, 16384 ports.
const DYNAMIC: (u16, u16) = (49152, 65535);

/// A plain query does not run netsh: its "ephemeral" is against the
/// default range, and the report says so.
pub(super) fn assumed_ephemeral() -> Option<Msg> {
    Some(msg!("port-assumed-ephemeral-windows", start = DYNAMIC.0, end = DYNAMIC.1))
}

pub(super) fn read() -> HostPorts {
    HostPorts { unprivileged_start: 0, ephemeral: DYNAMIC, reserved: Vec::new() }
}

/// No port is privileged on Windows: never said.
pub(super) fn needs_root() -> String {
    String::new()
}

/// Adds what only netsh knows: the dynamic range and the excluded ranges.
pub(super) fn refine(host: &mut HostPorts) {
    if let Some(range) = netsh(&["interface", "ipv4", "show", "dynamicport", "tcp"])
        .as_deref()
        .and_then(parse_dynamic)
    {
        host.ephemeral = range;
    }
    let both = [Protocol::Tcp, Protocol::Udp];
    host.reserved.extend(excluded(&both).into_iter().map(|(_, r)| (r.start, r.end)));
}

/// No port is privileged here, so the probe never reports "denied"
/// (WSAEACCES is a refusal, [`refusal`]); its words, should one come.
pub(super) fn denied_note(_host: &HostPorts, port: u16) -> Msg {
    refusal(port, &[Protocol::Tcp], false).note
}

/// Why a bind of `port` failed with WSAEACCES, the note and the fixes:
/// inside an excluded port range of one of `protocols` (Hyper-V, WSL 2
/// and Docker Desktop reserve them through winnat; netsh lists them),
/// else another program's exclusive bind when the socket table shows a
/// socket there (`seen`), else access denied.
pub(super) fn refusal(port: u16, protocols: &[Protocol], seen: bool) -> Refusal {
    let ranges = excluded(protocols);
    let first = protocols.first().copied().unwrap_or(Protocol::Tcp);
    if let Some((protocol, r)) = ranges.iter().find(|(_, r)| (r.start..=r.end).contains(&port)) {
        let why = Refused::ExcludedRange;
        return Refusal {
            why,
            note: excluded_note(port, *protocol, r),
            fix: why.fix(port, *protocol),
        };
    }
    if seen {
        let why = Refused::ExclusiveBind;
        return Refusal {
            why,
            note: msg!("port-refused-exclusive-windows", port = port),
            fix: why.fix(port, first),
        };
    }
    let why = Refused::AccessDenied;
    Refusal {
        why,
        note: msg!("port-refused-denied-windows", port = port),
        fix: why.fix(port, first),
    }
}

/// The note for a port inside an excluded range (the fixes are
/// [`Refused::fix`]).
fn excluded_note(port: u16, protocol: Protocol, r: &Excluded) -> Msg {
    let who = if r.administered {
        msg!("port-excluded-administered")
    } else {
        msg!("port-excluded-winnat")
    };
    let (start, end) = (r.start, r.end);
    msg!(
        "port-excluded-note",
        port = port,
        protocol = protocol.name(),
        start = start,
        end = end,
        who = who
    )
}

/// One row of `show excludedportrange`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Excluded {
    pub(super) start: u16,
    pub(super) end: u16,
    /// Marked `*`: added by an administrator, not by a service.
    pub(super) administered: bool,
}

/// The excluded ranges of `protocols` (TCP and UDP have their own), of
/// IPv4 and IPv6.
fn excluded(protocols: &[Protocol]) -> Vec<(Protocol, Excluded)> {
    let mut out = Vec::new();
    for &protocol in protocols {
        let which = format!("protocol={}", protocol.name());
        for ip in ["ipv4", "ipv6"] {
            let args = ["interface", ip, "show", "excludedportrange", which.as_str()];
            if let Some(text) = netsh(&args) {
                for r in parse_excluded(&text) {
                    if !out.contains(&(protocol, r.clone())) {
                        out.push((protocol, r));
                    }
                }
            }
        }
    }
    out
}

/// Runs netsh; its output when it succeeded.
fn netsh(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("netsh")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `show dynamicport`: the numbers after the first two colons are the
/// start port and the number of ports, whatever the labels say.
pub(super) fn parse_dynamic(text: &str) -> Option<(u16, u16)> {
    let mut numbers =
        text.lines().filter_map(|l| l.rsplit_once(':')).map(|(_, v)| v.trim().parse::<u32>());
    let (start, count) = (numbers.next()?.ok()?, numbers.next()?.ok()?);
    let end = start.checked_add(count)?.checked_sub(1)?;
    let (start, end) = (u16::try_from(start).ok()?, u16::try_from(end).ok()?);
    (count > 0 && start > 0).then_some((start, end))
}

/// `show excludedportrange`: every line that is two port numbers, start
/// and end, optionally followed by `*` (administered). Headers, dashes
/// and the legend are skipped whatever their language.
pub(super) fn parse_excluded(text: &str) -> Vec<Excluded> {
    text.lines()
        .filter_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (start, end, administered) = match words.as_slice() {
                [a, b] => (a, b, false),
                [a, b, "*"] => (a, b, true),
                _ => return None,
            };
            let (start, end) = (start.parse::<u16>().ok()?, end.parse::<u16>().ok()?);
            (start > 0 && start <= end).then_some(Excluded { start, end, administered })
        })
        .collect()
}

/// Windows always has the IPv6 family (it cannot be removed, only
/// unbound from adapters): a socket that cannot be created is a failed
/// check, never "not available".
pub(super) fn has_ipv6() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    // Fixtures written from Microsoft's documented output format for
    // `netsh interface ipv4 show excludedportrange protocol=tcp` and
    // `netsh interface ipv4 show dynamicport tcp` (learn.microsoft.com,
    // "netsh interface"; KB929851), not captured from a machine. The
    // Korean ones translate the labels as a Korean Windows does; the
    // numbers and the `*` are laid out the same.
    const EXCLUDED_EN: &str = "
Protocol tcp Port Exclusion Ranges

Start Port    End Port
----------    --------
      1080        1080
      5357        5357
     49709       49808
     50000       50059     *

* - Administered port exclusions.
";

    const EXCLUDED_KO: &str = "
프로토콜 tcp 포트 제외 범위

시작 포트    끝 포트
----------    --------
      4990        5089
     50000       50059     *

* - 관리되는 포트 제외입니다.
";

    const DYNAMIC_EN: &str = "
Protocol tcp Dynamic Port Range
---------------------------------
Start Port      : 49152
Number of Ports : 16384
";

    const DYNAMIC_KO: &str = "
프로토콜 tcp 동적 포트 범위
---------------------------------
시작 포트      : 10000
포트 수 : 1000
";

    #[test]
    fn excluded_ranges_are_read_by_numbers_only() {
        let en = parse_excluded(EXCLUDED_EN);
        assert_eq!(en.len(), 4);
        assert_eq!(en[2], Excluded { start: 49709, end: 49808, administered: false });
        assert_eq!(en[3], Excluded { start: 50000, end: 50059, administered: true });
        let ko = parse_excluded(EXCLUDED_KO);
        assert_eq!(
            ko,
            vec![
                Excluded { start: 4990, end: 5089, administered: false },
                Excluded { start: 50000, end: 50059, administered: true },
            ]
        );
        assert!(parse_excluded("").is_empty());
        assert!(parse_excluded("5000 4000\n0 10\n70000 70001\n").is_empty());
    }

    #[test]
    fn the_dynamic_range_is_a_start_and_a_count() {
        assert_eq!(parse_dynamic(DYNAMIC_EN), Some((49152, 65535)));
        assert_eq!(parse_dynamic(DYNAMIC_KO), Some((10000, 10999)));
        assert_eq!(parse_dynamic("Start Port : 60000\nNumber of Ports : 16384\n"), None);
        assert_eq!(parse_dynamic("nothing here"), None);
    }

    /// The note names the range and who reserved it, in prose: the fixes
    /// are steps ([`Refused::fix`]).
    #[test]
    fn the_note_names_the_range_and_the_fixes_are_steps() {
        let r = Excluded { start: 4990, end: 5089, administered: false };
        let note = excluded_note(5000, Protocol::Tcp, &r).english();
        assert!(note.contains("tcp excluded port range 4990-5089"), "{note}");
        assert!(note.contains("winnat"), "{note}");
        for command in ["netsh", "net stop", "--suggest", "'"] {
            assert!(!note.contains(command), "{note}");
        }
        let admin =
            excluded_note(50001, Protocol::Udp, &Excluded { administered: true, ..r }).english();
        assert!(admin.contains("administered") && admin.contains("udp"), "{admin}");
    }

    #[test]
    fn no_port_is_privileged_and_the_default_range_stands() {
        let host = read();
        assert!(!host.privileged(80));
        assert_eq!(host.ephemeral, DYNAMIC);
    }
}
