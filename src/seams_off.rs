//! The default build's test seams: none. Every function does nothing, so
//! `PORTCHECK_TEST_OWNERS` and `PORTCHECK_TEST_ASK` are ignored (see
//! `seams.rs`, compiled in only with the `test-seams` feature).

use crate::net::Protocol;

/// The table's owners stand as they are.
#[cfg_attr(not(windows), allow(dead_code))]
pub(crate) fn owners(_protocol: Protocol, _port: u16, _pids: &mut Vec<u32>) {}

/// Only a terminal is asked.
pub(crate) fn ask_on_a_pipe() -> bool {
    false
}
