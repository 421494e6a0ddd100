//! `--suggest`: the nearest free ports at or above a base, that a server
//! can really bind and that nothing else is likely to want.

use crate::i18n::{Msg, msg};
use crate::net::{Family, Selection};
use crate::port::HostPorts;
use crate::probe::{Exclusive, exclusive};
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

/// Up to `count` free ports, nearest first (see [`search`]).
pub(crate) fn suggest(host: &HostPorts, select: Selection, base: u16, count: usize) -> Vec<u16> {
    search(host, base, count, |p| probe(select, p)).ports
}

/// The exclusive binds of `port` for the selected protocols, over IPv4
/// and IPv6.
fn probe(select: Selection, port: u16) -> Exclusive {
    exclusive(select.protocols(), [Family::Ipv4, Family::Ipv6], port)
}

/// What the search found, and what the user should know about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) ports: Vec<u16>,
    pub(crate) notes: Vec<Msg>,
}

/// The search, with the bind `probe` given: from `base` up through its
/// IANA class and the classes above it (they are contiguous), skipping
/// excluded ports; ports below the base only when nothing above is free,
/// nearest first, and then a note says so and why. Without the right to
/// bind privileged ports, the search starts at the first unprivileged one
/// and a note says why.
pub(crate) fn search(
    host: &HostPorts,
    base: u16,
    count: usize,
    mut probe: impl FnMut(u16) -> Exclusive,
) -> Found {
    let mut found = Found::default();
    if host.ephemeral(base) {
        found.notes.push(msg!(
            "suggest-ephemeral",
            base = base,
            low = host.ephemeral.0,
            high = host.ephemeral.1
        ));
    } else if host.reserved(base) {
        found.notes.push(msg!("suggest-reserved", base = base));
    }
    let mut denied = false;
    let mut refused: Vec<u16> = Vec::new();
    let mut try_port = |p: u16, found: &mut Found, denied: &mut bool| {
        if excluded(host, p, base) || (*denied && host.privileged(p)) {
            return;
        }
        let e = probe(p);
        if e.refused {
            refused.push(p);
        } else if e.denied && host.privileged(p) {
            *denied = true;
        } else if e.free() {
            found.ports.push(p);
        }
    };
    for p in base..=u16::MAX {
        if found.ports.len() >= count {
            break;
        }
        try_port(p, &mut found, &mut denied);
    }
    if denied {
        let start = host.unprivileged_start;
        found.notes.push(msg!("suggest-privileged", start = start));
    }
    let above = found.ports.len();
    for p in (1..base).rev() {
        if found.ports.len() >= count {
            break;
        }
        try_port(p, &mut found, &mut denied);
    }
    if let Some(first) = refused.iter().min() {
        found.notes.push(msg!("suggest-refused", count = refused.len(), first = *first));
    }
    if found.ports.len() > above {
        found.notes.push(msg!(
            "suggest-below",
            base = base,
            low = host.ephemeral.0,
            high = host.ephemeral.1,
            below = found.ports.len() - above
        ));
    }
    found
}

/// `--suggest`'s answer, or the error that says why there is none.
pub(crate) fn suggestion(
    host: &HostPorts,
    select: Selection,
    base: u16,
    count: usize,
) -> anyhow::Result<Suggestion> {
    let found = search(host, base, count, |p| probe(select, p));
    if found.ports.is_empty() {
        // Nothing bound: say so when the probe itself cannot run.
        let probe = exclusive(select.protocols(), [Family::Ipv4, Family::Ipv6], base);
        if let Some((protocol, family, e)) = probe.failed.first() {
            let why = msg!(
                "suggest-cannot-bind",
                protocol = protocol.name(),
                family = family.label(),
                error = &e.why
            );
            let err = if e.permission {
                crate::error::Error::Permission(why)
            } else {
                crate::error::Error::NoFreePort(why)
            };
            return Err(err.into());
        }
        let (low, high) = host.ephemeral;
        let why = if host.privileged(base) {
            let start = host.unprivileged_start;
            msg!("suggest-none-privileged", low = low, high = high, start = start)
        } else {
            msg!("suggest-none", low = low, high = high)
        };
        return Err(crate::error::Error::NoFreePort(why).into());
    }
    Ok(Suggestion { base, suggestions: found.ports, notes: found.notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The notes as JSON carries them.
    fn english(f: &Found) -> Vec<String> {
        f.notes.iter().map(Msg::english).collect()
    }

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

    /// A probe where `taken` are bound and, without privilege, the ports
    /// below 1024 are denied.
    fn fake(taken: &[u16], root: bool) -> impl FnMut(u16) -> Exclusive + '_ {
        move |p| Exclusive {
            bound: taken.contains(&p),
            denied: !root && p < 1024,
            ..Exclusive::default()
        }
    }

    #[test]
    fn at_or_above_the_base_then_the_next_class_up() {
        let h = host();
        assert_eq!(search(&h, 5000, 1, fake(&[5000, 5001], false)).ports, [5002]);
        // 49151 is inside the ephemeral range: the next class up, above
        // the range, never 1024.
        let f = search(&h, 49151, 1, fake(&[], false));
        assert_eq!(f.ports, [61000]);
        assert_eq!(
            english(&f),
            ["49151 is inside the ephemeral range 32768-60999: outgoing connections may take it"]
        );
        assert_eq!(search(&h, 40000, 1, fake(&[], false)).ports, [61000]);
    }

    /// Windows's WSAEACCES (an excluded range, say 5000-5002): those
    /// ports are skipped, never suggested, and a note says so.
    #[test]
    fn ports_the_os_refuses_are_skipped_and_said() {
        let h = host();
        let refusing =
            |p: u16| Exclusive { refused: (5000..=5002).contains(&p), ..Exclusive::default() };
        let f = search(&h, 5000, 2, refusing);
        assert_eq!(f.ports, [5003, 5004]);
        assert_eq!(f.notes.len(), 1, "{f:?}");
        assert!(english(&f)[0].starts_with("skipped 3 ports the OS refuses to bind"), "{f:?}");
        assert!(english(&f)[0].ends_with("from 5000"), "{f:?}");
    }

    #[test]
    fn below_the_base_only_when_nothing_above_is_free_and_then_said() {
        // macOS and Windows: the whole dynamic class is ephemeral.
        let mac = HostPorts { ephemeral: (49152, 65535), ..host() };
        let f = search(&mac, 50000, 1, fake(&[], false));
        assert_eq!(f.ports, [49151]);
        assert!(english(&f)[1].contains("nothing at or above 50000"), "{f:?}");
    }

    #[test]
    fn privileged_bases_without_the_right_say_why() {
        let f = search(&host(), 80, 1, fake(&[], false));
        assert_eq!(f.ports, [1024]);
        assert_eq!(
            english(&f),
            ["binding below 1024 needs root or CAP_NET_BIND_SERVICE: searched from 1024 up"]
        );
        let root = search(&host(), 80, 1, fake(&[80], true));
        assert_eq!((root.ports, root.notes), (vec![81], vec![]));
    }

    /// The notes in Korean: the glossary's 임시 포트 범위, ports as they
    /// are, a count said whole for one port and for more; JSON in English.
    #[test]
    fn notes_in_korean() {
        use crate::i18n::{Lang, scoped};
        let ko =
            |f: &Found| scoped(Lang::Ko, || f.notes.iter().map(Msg::to_string).collect::<Vec<_>>());
        let f = search(&host(), 49151, 1, fake(&[], false));
        assert_eq!(
            ko(&f),
            [
                "49151번은 임시 포트 범위(32768-60999) 안에 있습니다: 나가는 연결에 운영체제가 배정할 수 있습니다"
            ]
        );
        let json = scoped(Lang::Ko, || serde_json::to_value(&f.notes).unwrap());
        assert_eq!(json, serde_json::json!(english(&f)));
        let mac = HostPorts { ephemeral: (49152, 65535), ..host() };
        let one = search(&mac, 50000, 1, fake(&[], false));
        assert!(ko(&one)[1].ends_with(": 마지막 포트는 50000번 아래에 있습니다"), "{:?}", ko(&one));
        let two = search(&mac, 50000, 2, fake(&[], false));
        assert!(
            ko(&two)[1].ends_with(": 마지막 2개 포트는 50000번 아래에 있습니다"),
            "{:?}",
            ko(&two)
        );
        assert!(english(&two)[1].ends_with(": the last ones are below 50000"), "{two:?}");
    }
}
