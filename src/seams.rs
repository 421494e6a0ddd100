//! Test seams, in the `test-seams` build only (off by default; `.ci/windows`
//! builds a second binary with it, and a test checks that the default
//! build ignores these variables). Wine 8's socket table names owner pid
//! 0, so `--kill` cannot be tested end to end there without them:
//!
//! - `PORTCHECK_TEST_OWNERS=tcp:5000=1234,udp:5353=99`: a row the table
//!   lists on that protocol and port with no owner (pid 0) gets that pid.
//!   It never adds a row, so a socket that was closed is gone as it is
//!   from the real table, at every read (the last check before
//!   TerminateProcess included).
//! - `PORTCHECK_TEST_ASK=1`: `--kill` asks its question on a pipe as on a
//!   terminal, so a test can act between the question and the answer.

use crate::net::Protocol;

/// Fills the owner of a row the table lists without one, as
/// `PORTCHECK_TEST_OWNERS` says.
pub(crate) fn owners(protocol: Protocol, port: u16, pids: &mut Vec<u32>) {
    if pids.iter().any(|&p| p != 0) {
        return;
    }
    let Ok(spec) = std::env::var("PORTCHECK_TEST_OWNERS") else { return };
    let wanted = format!("{}:{port}", protocol.name());
    let pid = spec.split(',').find_map(|item| {
        let (at, pid) = item.split_once('=')?;
        (at == wanted).then(|| pid.parse::<u32>().ok()).flatten()
    });
    if let Some(pid) = pid {
        *pids = vec![pid];
    }
}

/// Whether `--kill` asks on a pipe too (`PORTCHECK_TEST_ASK=1`).
pub(crate) fn ask_on_a_pipe() -> bool {
    std::env::var_os("PORTCHECK_TEST_ASK").is_some_and(|v| v == "1")
}
