//! A port held on one address: where a second server could start beside
//! the holder (each answer a real bind), and the URL that reaches it.

use serde::Serialize;

/// JSON `beside`: present for a TCP port whose listeners share one
/// address that is not the wildcard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Beside {
    /// The holder's address.
    pub(crate) address: String,
    /// The URL that reaches the holder: `http://192.168.0.7:5000`.
    pub(crate) url: String,
    /// A URL a reader may try that does not reach it:
    /// `http://127.0.0.1:5000` for a holder on a LAN address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) not_url: Option<String>,
    /// Each address tried, in order: 0.0.0.0, 127.0.0.1, then each
    /// interface's.
    pub(crate) could_start: Vec<StartAt>,
}

/// Whether a server could start on `address` now, as a bind proved it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct StartAt {
    pub(crate) address: String,
    /// `true`: bound and released; `false`: the bind failed (in use).
    pub(crate) ok: bool,
    /// Why the bind could not be tried or failed otherwise (unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) unknown: Option<crate::i18n::Msg>,
}
