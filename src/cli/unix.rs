//! Signals on Unix: `--signal` names one the way kill(1) does, and every
//! flag is honoured.

use crate::report::Signal;

/// Flags this platform cannot honour: none on Unix.
pub(super) const UNSUPPORTED_FLAGS: &[&str] = &[];

/// Parses `--signal`: a name with or without `SIG` (any case) or a number.
pub(super) fn parse_signal(arg: &str) -> Option<Signal> {
    use std::str::FromStr;
    let sig = if let Ok(n) = arg.parse::<i32>() {
        nix::sys::signal::Signal::try_from(n).ok()?
    } else {
        let upper = arg.to_ascii_uppercase();
        let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
        nix::sys::signal::Signal::from_str(&name).ok()?
    };
    Some(Signal { number: sig as i32, name: sig.as_str() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_signals() {
        let name = |s| parse_signal(s).map(|s| s.name);
        assert_eq!(parse_signal("TERM"), Some(Signal::TERM));
        assert_eq!(name("sigint"), Some("SIGINT"));
        assert_eq!(parse_signal("9"), Some(Signal::KILL));
        assert_eq!(name("HUP"), Some("SIGHUP"));
        assert_eq!(parse_signal("NOPE"), None);
        assert_eq!(parse_signal("0"), None);
        assert_eq!(parse_signal("99"), None);
    }
}
