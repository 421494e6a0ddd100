//! Linux's port settings, from `/proc/sys/net/ipv4/`.

use super::HostPorts;
use crate::i18n::{Msg, msg, t};

/// The range is always this machine's own.
pub(super) fn assumed_ephemeral() -> Option<Msg> {
    None
}

pub(super) fn read() -> HostPorts {
    let mut host =
        HostPorts { unprivileged_start: 1024, ephemeral: (32768, 60999), reserved: Vec::new() };
    let read = |name: &str| std::fs::read_to_string(format!("/proc/sys/net/ipv4/{name}"));
    if let Some(start) =
        read("ip_unprivileged_port_start").ok().and_then(|s| s.trim().parse::<u32>().ok())
    {
        host.unprivileged_start = start.min(65536).try_into().unwrap_or(u16::MAX);
    }
    if let Some(range) = read("ip_local_port_range").ok().and_then(|s| parse_pair(&s)) {
        host.ephemeral = range;
    }
    if let Ok(s) = read("ip_local_reserved_ports") {
        host.reserved = parse_ranges(&s);
    }
    host
}

/// Whether this host may have the IPv6 family: false only when its
/// absence is proven, that is `/proc/sys/net` can be listed and has no
/// `ipv6/conf` and there is no `/proc/net/if_inet6` (`ipv6.disable=1`
/// removes both). A
/// `/proc/sys/net` that cannot be read (`ProcSubset=pid`, a `/proc` with
/// `subset=pid`, no `/proc`) proves nothing: the family may be there, so
/// EAFNOSUPPORT from `socket(AF_INET6)` is then a policy (seccomp,
/// `RestrictAddressFamilies=`) and the answer unknown, never "free".
pub(super) fn has_ipv6() -> bool {
    let exists = |p: &str| std::path::Path::new(p).exists();
    std::fs::read_dir("/proc/sys/net").is_err()
        || exists("/proc/sys/net/ipv6/conf")
        || exists("/proc/net/if_inet6")
}

/// What a privileged port needs, as the `Free:` line says it.
pub(super) fn needs_root() -> String {
    t!("port-needs-root-linux")
}

/// Nothing more to read than `read` did.
pub(super) fn refine(_host: &mut HostPorts) {}

/// Only Windows's probe reports a refusal; the generic words stand in.
pub(super) use super::refused_elsewhere as refusal;

/// A bind refused with EACCES: a privileged port.
pub(super) fn denied_note(host: &HostPorts, port: u16) -> Msg {
    msg!("port-denied-linux", port = port, start = host.unprivileged_start)
}

/// "32768\t60999\n" → (32768, 60999).
fn parse_pair(s: &str) -> Option<(u16, u16)> {
    let mut it = s.split_whitespace().map(|x| x.parse::<u16>());
    match (it.next(), it.next()) {
        (Some(Ok(a)), Some(Ok(b))) if a <= b => Some((a, b)),
        _ => None,
    }
}

/// "8000,9000-9010\n" → [(8000, 8000), (9000, 9010)]; malformed parts are skipped.
fn parse_ranges(s: &str) -> Vec<(u16, u16)> {
    s.trim()
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            match part.split_once('-') {
                Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
                None => part.parse().ok().map(|p| (p, p)),
            }
        })
        .filter(|(a, b)| a <= b)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_settings_parse() {
        assert_eq!(parse_pair("32768\t60999\n"), Some((32768, 60999)));
        assert_eq!(parse_pair("9 1"), None);
        assert_eq!(parse_ranges("8000,9000-9010\n"), vec![(8000, 8000), (9000, 9010)]);
        assert_eq!(parse_ranges("\n"), vec![]);
    }
}
