//! For a TCP port held on one address (Flask on 192.168.0.7 or on
//! 127.0.0.1): whether a server could start on 0.0.0.0, on 127.0.0.1 and
//! on each interface address, each answer a bind as Werkzeug makes it
//! (`probe::probe_as_werkzeug`; the OS's own rules decide: Linux refuses
//! the wildcard beside a specific listener, BSD and Windows differ), and
//! the URL that reaches the holder.

use std::net::{IpAddr, Ipv4Addr};

use super::Context;
use crate::i18n::msg;
use crate::net::{Protocol, State};
use crate::probe::Probe;
use crate::report::{Beside, SocketReport, StartAt};

/// `None` unless every socket is a TCP listener on one specific address.
pub(super) fn beside(ctx: &Context, port: u16, sockets: &[SocketReport]) -> Option<Beside> {
    let first = sockets.first()?;
    let one = sockets.iter().all(|s| {
        s.protocol == Protocol::Tcp && s.state == State::Listen && s.address == first.address
    });
    let holder: IpAddr = first.address.parse().ok()?;
    if !one || holder.is_unspecified() || first.device.is_some() {
        return None;
    }
    let mut tried: Vec<IpAddr> = vec![Ipv4Addr::UNSPECIFIED.into(), Ipv4Addr::LOCALHOST.into()];
    for (_, a, up) in &ctx.interfaces().addresses {
        if *up && a.is_ipv4() && !a.is_loopback() && !tried.contains(a) {
            tried.push(*a);
        }
    }
    tried.retain(|a| *a != holder);
    let could_start = tried.iter().map(|a| start_at(*a, port)).collect();
    let not = if holder.is_loopback() {
        ctx.interfaces()
            .addresses
            .iter()
            .find(|(_, a, up)| *up && a.is_ipv4() && !a.is_loopback())
            .map(|(_, a, _)| *a)
    } else {
        Some(Ipv4Addr::LOCALHOST.into())
    };
    Some(Beside {
        address: holder.to_string(),
        url: url(holder, port),
        not_url: not.map(|a| url(a, port)),
        could_start,
    })
}

/// Whether a server could start on `address:port` now, as a bind proved.
pub(crate) fn start_at(address: IpAddr, port: u16) -> StartAt {
    let (ok, unknown) = match crate::probe::probe_as_werkzeug(address, port) {
        Probe::Free => (true, None),
        Probe::InUse | Probe::Refused => (false, None),
        Probe::Denied => (false, Some(msg!("inspect-beside-needs-root"))),
        Probe::Unsupported => (false, Some(msg!("inspect-beside-no-family"))),
        Probe::Failed(failure) => (false, Some(failure.why)),
    };
    StartAt { address: address.to_string(), ok, unknown }
}

/// `http://192.168.0.7:5000`, `http://[::1]:5000`.
fn url(a: IpAddr, port: u16) -> String {
    match a {
        IpAddr::V4(v4) => format!("http://{v4}:{port}"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
    }
}
