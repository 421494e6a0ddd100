//! The values on the command line: PORT (a number, a range or a service
//! name, with `/tcp` or `/udp`), DURATION and SIG, each refused with a
//! usage error naming the bad value.

use std::time::Duration;

use crate::error::{Error, usage};
use crate::i18n::{Msg, msg};
use crate::net::{PortQuery, Protocol, Selection};
use crate::report::Signal;
use crate::services::Services;

/// The PORT arguments as queries, in the order given, without repeats (a
/// port named twice gets both protocols).
pub(super) fn port_queries(
    args: &[String],
    select: Selection,
    services: &Services,
) -> anyhow::Result<Vec<PortQuery>> {
    let mut ports: Vec<PortQuery> = Vec::new();
    // port -> index in `ports`: a 65,535-port range stays linear.
    let mut index: std::collections::HashMap<u16, usize> = std::collections::HashMap::new();
    for arg in args {
        let spec = parse_port_spec(arg, services)?;
        let tcp = select.tcp && spec.protocol.is_none_or(|p| p == Protocol::Tcp);
        let udp = select.udp && spec.protocol.is_none_or(|p| p == Protocol::Udp);
        if !tcp && !udp {
            let protocol = spec.protocol.map_or("?", Protocol::name);
            return Err(usage(if select.tcp {
                msg!("cli-only-tcp-selected", arg = arg, protocol = protocol)
            } else {
                msg!("cli-only-udp-selected", arg = arg, protocol = protocol)
            }));
        }
        for port in spec.first..=spec.last {
            match index.get(&port) {
                Some(&i) => {
                    ports[i].tcp |= tcp;
                    ports[i].udp |= udp;
                }
                None => {
                    index.insert(port, ports.len());
                    ports.push(PortQuery { port, tcp, udp });
                }
            }
        }
    }
    Ok(ports)
}

/// A parsed PORT argument: an inclusive range and an optional protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PortSpec {
    pub(crate) first: u16,
    pub(crate) last: u16,
    pub(crate) protocol: Option<Protocol>,
}

/// Parses `5000`, `3000-3010`, `http`, each optionally with `/tcp` or `/udp`.
pub(crate) fn parse_port_spec(arg: &str, services: &Services) -> anyhow::Result<PortSpec> {
    let (body, protocol) = match arg.rsplit_once('/') {
        Some((body, proto)) => match Protocol::parse(proto) {
            Some(p) => (body, Some(p)),
            None => {
                return Err(usage(msg!("cli-bad-protocol", proto = proto, arg = arg)));
            }
        },
        None => (arg, None),
    };
    if body.is_empty() {
        return Err(usage(msg!("cli-port-empty", arg = arg)));
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        let port = parse_number(body, arg)?;
        return Ok(PortSpec { first: port, last: port, protocol });
    }
    if let Some((a, b)) = body.split_once('-')
        && !a.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
    {
        if b.is_empty() {
            return Err(usage(msg!("cli-range-no-end", arg = arg)));
        }
        let (first, last) = (parse_number(a, arg)?, parse_number(b, arg)?);
        if first > last {
            return Err(usage(msg!("cli-range-reversed", arg = arg, first = first, last = last)));
        }
        return Ok(PortSpec { first, last, protocol });
    }
    if body.starts_with('-') || body.starts_with('+') {
        return Err(usage(msg!("cli-port-signed", arg = arg)));
    }
    let valid_name = body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.+".contains(&b));
    match services.lookup(body, protocol).filter(|&p| p != 0) {
        Some(port) if valid_name => Ok(PortSpec { first: port, last: port, protocol }),
        _ => Err(usage(msg!("cli-port-unknown", arg = arg))),
    }
}

fn parse_number(digits: &str, arg: &str) -> anyhow::Result<u16> {
    match digits.parse::<u32>() {
        Ok(0) => Err(usage(msg!("cli-port-zero", arg = arg))),
        Ok(n) if n <= 65535 => Ok(n as u16),
        _ => Err(usage(msg!("cli-port-out-of-range", arg = arg))),
    }
}

/// clap's value parser for DURATION flags (its error is found again by
/// `reshape::clap_error`).
pub(super) fn duration_arg(arg: &str) -> Result<Duration, Error> {
    duration(arg).map_err(Error::Usage)
}

/// [`parse_duration`], its error the message naming the bad value.
fn duration(arg: &str) -> Result<Duration, Msg> {
    let bad = || msg!("cli-duration-bad", arg = arg);
    let split = arg.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(arg.len());
    let (number, unit) = arg.split_at(split);
    if number.is_empty() || number.starts_with('.') || number.ends_with('.') {
        return Err(bad());
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let seconds = match unit {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(bad()),
    };
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| *d <= MAX_DURATION)
        .ok_or_else(|| msg!("cli-duration-too-long", arg = arg))
}

/// The longest DURATION: a year.
const MAX_DURATION: Duration = Duration::from_secs(86400 * 365);

/// clap's value parser for `--signal`: a name with or without `SIG` (any
/// case) or a number, as this platform names signals.
pub(super) fn signal_arg(arg: &str) -> Result<Signal, Error> {
    super::parse_signal(arg).ok_or_else(|| Error::Usage(msg!("cli-signal-bad", arg = arg)))
}

/// Parses a DURATION: `500ms`, `30s`, `2m`, `1h`, or a bare number of
/// seconds (tests; clap parses through [`duration_arg`]). Last in the
/// file: the catalog scan reads a file up to its first test item.
#[cfg(test)]
pub(crate) fn parse_duration(arg: &str) -> anyhow::Result<Duration> {
    duration(arg).map_err(usage)
}
