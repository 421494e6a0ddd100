//! portcheck: who holds this port, how it is bound, what kind of port it
//! is, and what to do about it.
//!
//! `main` is thin: `app::run` returns a typed outcome, and this file alone
//! maps it (or an error) to an exit status and prints the error.

mod advice;
mod app;
mod cli;
mod error;
mod exit;
mod hint;
mod host;
mod i18n;
mod inspect;
mod kill;
#[cfg(test)]
mod layers;
mod names;
mod net;
mod port;
mod probe;
mod process;
mod project;
mod remedy;
mod report;
mod sanitize;
mod scan;
mod secret;
// Test seams: compiled in only with the `test-seams` feature (.ci/windows
// builds a second binary with it; releases never do).
#[cfg(feature = "test-seams")]
mod seams;
#[cfg(not(feature = "test-seams"))]
#[path = "seams_off.rs"]
mod seams;
mod services;
mod shell;
mod started;
mod suggest;
mod wait;
#[cfg(windows)]
mod win32;

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
compile_error!("portcheck supports Linux, macOS and Windows only (see README.md, \"Platforms\")");

use crate::exit::ExitStatus;

fn main() {
    let status = match app::run() {
        Ok(status) => status,
        Err(err) if is_broken_pipe(&err) => ExitStatus::Yes,
        Err(err) => {
            app::warn(&format!("{err:#}"));
            if wants_json() {
                app::error_json(&err);
            }
            app::error_status(&err)
        }
    };
    std::process::exit(status.code());
}

/// `--json` is on the command line (before any `--`): an error is then
/// also printed as JSON, even one found while parsing the rest.
fn wants_json() -> bool {
    std::env::args_os().skip(1).take_while(|a| a != "--").any(|a| a == "--json")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
