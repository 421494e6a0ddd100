//! `--suggest`: the nearest free ports at or above a base, that a server
//! can really bind and that nothing else is likely to want.

use crate::port::{Class, HostPorts};
use crate::probe::{Probe, probe};
use crate::scan::{Family, Selection};
use crate::services::WELL_KNOWN_DEV_PORTS;

/// Why a port is not suggested, besides being taken.
pub(crate) fn excluded(host: &HostPorts, port: u16, base: u16, can_bind_privileged: bool) -> bool {
    host.ephemeral(port)
        || host.reserved(port)
        || (host.privileged(port) && !can_bind_privileged)
        || (port != base && WELL_KNOWN_DEV_PORTS.iter().any(|e| e.0 == port))
}

/// Whether `port` binds on the wildcard address for every selected
/// protocol, over IPv4 and IPv6 (a host without IPv6 skips it).
pub(crate) fn bindable(select: Selection, port: u16) -> bool {
    select.protocols().all(|proto| {
        [Family::Ipv4, Family::Ipv6]
            .into_iter()
            .all(|family| matches!(probe(proto, family, port), Probe::Free | Probe::Unsupported))
    })
}

/// Up to `count` free ports, nearest first: from `base` up to the top of
/// its IANA class, then wrapping to the bottom of the class.
pub(crate) fn suggest(
    host: &HostPorts,
    select: Selection,
    base: u16,
    count: usize,
    can_bind_privileged: bool,
) -> Vec<u16> {
    let (lo, hi) = Class::of(base).range();
    let candidates = (base..=hi).chain(lo..base);
    candidates
        .filter(|&p| !excluded(host, p, base, can_bind_privileged))
        .filter(|&p| bindable(select, p))
        .take(count)
        .collect()
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
        assert!(excluded(&h, 40000, 8000, false), "ephemeral");
        assert!(excluded(&h, 9100, 8000, false), "reserved");
        assert!(excluded(&h, 80, 80, false), "privileged");
        assert!(!excluded(&h, 80, 80, true));
        assert!(excluded(&h, 5432, 5431, false), "popular default");
        assert!(!excluded(&h, 5432, 5432, false), "unless it is the base");
        assert!(!excluded(&h, 5001, 5000, false));
    }
}
