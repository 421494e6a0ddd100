//! `--suggest`: the nearest free ports at or above a base, that a server
//! can really bind and that nothing else is likely to want.

use crate::net::{Family, Selection};
use crate::port::{Class, HostPorts};
use crate::probe::exclusive;
use crate::report::Suggestion;
use crate::services::WELL_KNOWN_DEV_PORTS;

/// Why a port is not suggested, besides being taken. A privileged port
/// is left to the bind probe: it fails with EACCES (not bindable) unless
/// the user is root or has CAP_NET_BIND_SERVICE.
pub(crate) fn excluded(host: &HostPorts, port: u16, base: u16) -> bool {
    host.ephemeral(port)
        || host.reserved(port)
        || (port != base && WELL_KNOWN_DEV_PORTS.iter().any(|e| e.0 == port))
}

/// Whether `port` binds exclusively (nothing at all bound to it, not even
/// TIME_WAIT) on the wildcard address for every selected protocol, over
/// IPv4 and IPv6 (a host without IPv6 skips it).
pub(crate) fn bindable(select: Selection, port: u16) -> bool {
    exclusive(select.protocols(), [Family::Ipv4, Family::Ipv6], port).free()
}

/// Up to `count` free ports, nearest first: from `base` up to the top of
/// its IANA class, then wrapping to the bottom of the class.
pub(crate) fn suggest(host: &HostPorts, select: Selection, base: u16, count: usize) -> Vec<u16> {
    let (lo, hi) = Class::of(base).range();
    let candidates = (base..=hi).chain(lo..base);
    candidates
        .filter(|&p| !excluded(host, p, base))
        .filter(|&p| bindable(select, p))
        .take(count)
        .collect()
}

/// `--suggest`'s answer, or the error that says why there is none.
pub(crate) fn suggestion(
    host: &HostPorts,
    select: Selection,
    base: u16,
    count: usize,
) -> anyhow::Result<Suggestion> {
    let found = suggest(host, select, base, count);
    if found.is_empty() {
        // Nothing bound: say so when the probe itself cannot run.
        let probe = exclusive(select.protocols(), [Family::Ipv4, Family::Ipv6], base);
        if let Some((protocol, family, e)) = probe.failed.first() {
            return Err(crate::error::Error::NoFreePort(format!(
                "cannot suggest a port: portcheck cannot bind one to check it ({} over {}: {e})",
                protocol.name(),
                family.label()
            ))
            .into());
        }
        let class = Class::of(base);
        let (lo, hi) = class.range();
        return Err(crate::error::Error::NoFreePort(format!(
            "no free port to suggest in {lo}-{hi} (the {} class of {base}) outside the ephemeral range {}-{}",
            class.label(),
            host.ephemeral.0,
            host.ephemeral.1
        ))
        .into());
    }
    Ok(Suggestion { base, suggestions: found })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host() -> HostPorts {
        HostPorts {
            unprivileged_start: 1024,
            ephemeral: (32768, 60999),
            reserved: vec![(9100, 9101)],
        }
    }

    #[test]
    fn exclusions() {
        let h = host();
        assert!(excluded(&h, 40000, 8000), "ephemeral");
        assert!(excluded(&h, 9100, 8000), "reserved");
        assert!(excluded(&h, 5432, 5431), "popular default");
        assert!(!excluded(&h, 5432, 5432), "unless it is the base");
        assert!(!excluded(&h, 5001, 5000));
        assert!(!excluded(&h, 80, 80), "privilege is the probe's call");
    }
}
