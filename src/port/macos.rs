//! macOS's port settings: the ephemeral range from the sysctls
//! `net.inet.ip.portrange.first` and `.last` (one `sysctl -n` run, a few
//! milliseconds); the IANA range when they cannot be read. Ports below
//! 1024 count as privileged: since 10.14 anyone may bind them on the
//! wildcard address, but not on 127.0.0.1, where a development server
//! binds (the probe, probe/macos.rs, tries both).

use super::HostPorts;
use crate::i18n::{Msg, msg, t};

/// The range is always this machine's own.
pub(super) fn assumed_ephemeral() -> Option<Msg> {
    None
}

pub(super) fn read() -> HostPorts {
    let out = std::process::Command::new("sysctl")
        .args(["-n", "net.inet.ip.portrange.first", "net.inet.ip.portrange.last"])
        .stderr(std::process::Stdio::null())
        .output();
    let ephemeral = out
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| parse_range(&String::from_utf8_lossy(&o.stdout)))
        .unwrap_or((49152, 65535));
    HostPorts { unprivileged_start: 1024, ephemeral, reserved: Vec::new() }
}

/// What a privileged port needs, as the `Free:` line says it: the
/// wildcard is open to anyone since 10.14, the loopback address is not.
pub(super) fn needs_root() -> String {
    t!("port-needs-root-macos")
}

/// Nothing more to read than `read` did.
pub(super) fn refine(_host: &mut HostPorts) {}

/// Only Windows's probe reports a refusal; the generic words stand in.
pub(super) use super::refused_elsewhere as refusal;

/// A bind refused with EACCES: below 1024 on the loopback address.
pub(super) fn denied_note(host: &HostPorts, port: u16) -> Msg {
    msg!("port-denied-macos", port = port, start = host.unprivileged_start)
}

/// `sysctl -n first last` prints one number a line: "49152\n65535\n".
fn parse_range(s: &str) -> Option<(u16, u16)> {
    let mut it = s.split_whitespace().map(str::parse::<u16>);
    match (it.next(), it.next()) {
        (Some(Ok(a)), Some(Ok(b))) if a <= b => Some((a, b)),
        _ => None,
    }
}

/// macOS always has the IPv6 family: a socket that cannot be created is a
/// failed check, never "not available".
pub(super) fn has_ipv6() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn parses_the_sysctl_pair() {
        assert_eq!(parse_range("49152\n65535\n"), Some((49152, 65535)));
        assert_eq!(parse_range("65535\n49152\n"), None);
        assert_eq!(parse_range("49152\n"), None);
    }
}
