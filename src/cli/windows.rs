//! No signals on Windows: `--kill` ends a process with TerminateProcess
//! (`kill/sys/windows.rs`), so `--signal` and `--grace` are usage errors,
//! refused before clap parses them.

use crate::report::Signal;

/// Flags that make no sense without signals: a usage error naming them.
pub(super) const UNSUPPORTED_FLAGS: &[&str] = &["--signal", "--grace"];

/// No signals on Windows: `--signal` is refused before it is parsed.
pub(super) fn parse_signal(_arg: &str) -> Option<Signal> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_no_signals() {
        assert_eq!(parse_signal("TERM"), None);
    }
}
