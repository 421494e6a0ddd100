//! The few errors that change the exit status. Everything else is an
//! `anyhow::Error` with context and exits 3.

use crate::i18n::Msg;

/// An error `main` finds again by downcasting to choose the exit status.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// Bad input from the user: exit 2. The message names the bad value;
    /// kept as a catalog message, so text says it in the reader's language
    /// and JSON's error `message` in English.
    #[error("{0}")]
    Usage(Msg),
    /// `--suggest` found nothing: exit 3.
    #[error("{0}")]
    NoFreePort(String),
    /// The OS refused an operation portcheck cannot do without (EACCES,
    /// EPERM: a probe's socket under a sandbox's policy): exit 3, and
    /// JSON's error `kind` is `permission`.
    #[error("{0}")]
    Permission(String),
}

/// Shorthand for a usage error: `usage(msg!("cli-…", …))`.
pub(crate) fn usage(msg: Msg) -> anyhow::Error {
    Error::Usage(msg).into()
}
