//! Integration tests: the built binary against real sockets and processes,
//! one module per capability, one harness (`util`).

mod advice;
mod explain;
mod kill;
mod kill_safety;
mod layout;
mod query;
mod reliability;
mod suggest;
mod truth;
mod usage;
mod util;
mod wait;
