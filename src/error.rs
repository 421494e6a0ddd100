//! The few errors that change the exit status. Everything else is an
//! `anyhow::Error` with context and exits 3.

use crate::i18n::Msg;

/// An error `main` finds again by downcasting to choose the exit status.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// Bad input from the user: exit 2. The message names the bad value.
    /// Each error keeps a catalog message: text says it in the reader's
    /// language, JSON's error `message` in English (`app::error_json`).
    #[error("{0}")]
    Usage(Msg),
    /// `--suggest` found nothing: exit 3.
    #[error("{0}")]
    NoFreePort(Msg),
    /// The OS refused an operation portcheck cannot do without (EACCES,
    /// EPERM: a probe's socket under a sandbox's policy): exit 3, and
    /// JSON's error `kind` is `permission`.
    #[error("{0}")]
    Permission(Msg),
}

/// Shorthand for a usage error: `usage(msg!("cli-…", …))`.
pub(crate) fn usage(msg: Msg) -> anyhow::Error {
    Error::Usage(msg).into()
}
