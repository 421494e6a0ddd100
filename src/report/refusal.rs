//! Why a `--kill` action ended as it did, as data: every refusal the
//! policy, the plan and the executor make, and the notes beside a signal
//! (continued, traced, denied, let go). Decisions match on the variant;
//! the sentence is made in one place, `text/reasons.rs` (`Refusal::msg`,
//! a message of the catalog), and JSON writes it in English as `reason` with the variant's `kind`
//! beside it (docs/json.md lists every kind).

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::i18n::{Msg, msg};
use crate::net::State;
use crate::process::Sandbox;

/// Why an action ended as it did, when there is more to say than its
/// outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    // The policy (`kill/policy.rs`): who is never signalled.
    /// PID 1 of a pid namespace below portcheck's (a container, a
    /// sandbox): what runs it, and the parent that started a bare one.
    NamespaceInit {
        sandbox: Sandbox,
        ppid: Option<u32>,
        parent: Option<String>,
    },
    /// PID 1 of portcheck's own namespace, and not systemd: the main
    /// process of the container portcheck runs in.
    ContainerMain,
    /// PID 1 is systemd: socket activation.
    InitSystem,
    PortcheckItself,
    PortcheckParent,
    PortcheckAncestor,
    /// docker-proxy, rootlessport, pasta, slirp4netns.
    ContainerForwarder {
        name: String,
    },
    /// A process of a systemd service portcheck does not run in: the
    /// unit, and the uid (with its user name) of the user instance.
    SystemdUnit {
        unit: String,
        uid: Option<u32>,
        user: Option<String>,
    },
    /// VS Code's own process forwarding the port.
    Vscode {
        name: String,
        port: u16,
    },
    /// Its only tie to the port is a connection in `state`.
    Client {
        port: u16,
        state: State,
    },
    // Windows (`kill/holders/windows.rs`).
    /// Pid 4 on 445.
    #[cfg_attr(not(windows), allow(dead_code))]
    SmbServer,
    /// Pid 4 on 137, 138 or 139.
    #[cfg_attr(not(windows), allow(dead_code))]
    Netbios {
        port: u16,
    },
    /// Pid 4 on any other port.
    #[cfg_attr(not(windows), allow(dead_code))]
    HttpSys,
    /// wslrelay.exe or wslhost.exe.
    #[cfg_attr(not(windows), allow(dead_code))]
    WslRelay {
        name: String,
    },
    #[cfg_attr(not(windows), allow(dead_code))]
    DockerDesktop {
        name: String,
    },
    /// A service process: the service's name when `tasklist` gave one.
    #[cfg_attr(not(windows), allow(dead_code))]
    WindowsService {
        name: String,
        service: Option<String>,
    },
    // macOS (`kill/holders/macos.rs`).
    #[cfg_attr(not(target_os = "macos"), allow(dead_code))]
    AirplayReceiver {
        port: u16,
    },
    /// Docker Desktop, OrbStack, Lima/Colima, Rancher Desktop.
    #[cfg_attr(not(target_os = "macos"), allow(dead_code))]
    DesktopRuntime {
        name: String,
        product: &'static str,
    },
    #[cfg_attr(not(target_os = "macos"), allow(dead_code))]
    LaunchdJob {
        name: String,
        user: Option<String>,
    },
    // The plan (`kill/plan.rs`): a port that stays held spares the rest.
    /// Pid `pid` (`name`) is refused and keeps `port` held.
    Spared {
        pid: u32,
        name: String,
        port: u16,
    },
    /// Without root, `port` has a holder that cannot be seen.
    SparedUnseen {
        port: u16,
    },
    /// It runs in the pid namespace of the refused init `init` (`name`).
    SparedInNamespace {
        init: u32,
        name: String,
        port: u16,
    },
    // The executor (`kill/execute.rs`), at the signal's moment.
    /// It let go of the socket before its signal.
    LetGo,
    /// Its pid names another process than the one planned (another
    /// start time).
    PidReused,
    /// Its pidfd names another process than `/proc` shows.
    OtherNamespace,
    /// No pidfd, and `/proc` cannot be proven portcheck's namespace's.
    ProcUnproven,
    /// Its state could not be read (out of fds, say): the error.
    NotPinned {
        error: String,
    },
    /// The OS refused `signal` with an error other than EPERM.
    SignalFailed {
        signal: &'static str,
    },
    /// It let go of the port after its first signal and is still
    /// shutting down: no SIGKILL.
    ShuttingDown,
    /// It let go of the port right after pid `pid` (its parent when
    /// `parent`) was sent `signal`: not sent its own.
    LetGoAfter {
        pid: u32,
        parent: bool,
        signal: &'static str,
    },
    /// It was stopped (state T): SIGCONT was sent after its signal.
    Continued,
    /// It is stopped by a tracer (state t), the tracer's pid: not
    /// continued.
    Traced {
        tracer: Option<u32>,
    },
    /// The OS refused the signal.
    Denied {
        pid: u32,
    },
}

impl Refusal {
    /// The variant's name in JSON: `kind`, snake_case.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Refusal::NamespaceInit { .. } => "namespace_init",
            Refusal::ContainerMain => "container_main",
            Refusal::InitSystem => "init_system",
            Refusal::PortcheckItself => "portcheck_itself",
            Refusal::PortcheckParent => "portcheck_parent",
            Refusal::PortcheckAncestor => "portcheck_ancestor",
            Refusal::ContainerForwarder { .. } => "container_forwarder",
            Refusal::SystemdUnit { .. } => "systemd_unit",
            Refusal::Vscode { .. } => "vscode",
            Refusal::Client { .. } => "client",
            Refusal::SmbServer => "smb_server",
            Refusal::Netbios { .. } => "netbios",
            Refusal::HttpSys => "http_sys",
            Refusal::WslRelay { .. } => "wsl_relay",
            Refusal::DockerDesktop { .. } => "docker_desktop",
            Refusal::WindowsService { .. } => "windows_service",
            Refusal::AirplayReceiver { .. } => "airplay_receiver",
            Refusal::DesktopRuntime { .. } => "desktop_runtime",
            Refusal::LaunchdJob { .. } => "launchd_job",
            Refusal::Spared { .. } => "spared",
            Refusal::SparedUnseen { .. } => "spared_unseen",
            Refusal::SparedInNamespace { .. } => "spared_in_namespace",
            Refusal::LetGo => "let_go",
            Refusal::PidReused => "pid_reused",
            Refusal::OtherNamespace => "other_namespace",
            Refusal::ProcUnproven => "proc_unproven",
            Refusal::NotPinned { .. } => "not_pinned",
            Refusal::SignalFailed { .. } => "signal_failed",
            Refusal::ShuttingDown => "shutting_down",
            Refusal::LetGoAfter { .. } => "let_go_after",
            Refusal::Continued => "continued",
            Refusal::Traced { .. } => "traced",
            Refusal::Denied { .. } => "denied",
        }
    }

    /// Whether the plan made it, before anything was signalled (the
    /// policy's and the sparing rules): shown with the plan, not again
    /// with the results.
    pub(crate) fn by_plan(&self) -> bool {
        !matches!(
            self,
            Refusal::LetGo
                | Refusal::PidReused
                | Refusal::OtherNamespace
                | Refusal::ProcUnproven
                | Refusal::NotPinned { .. }
                | Refusal::SignalFailed { .. }
                | Refusal::ShuttingDown
                | Refusal::LetGoAfter { .. }
                | Refusal::Continued
                | Refusal::Traced { .. }
                | Refusal::Denied { .. }
        )
    }
}

/// A sandbox's id in words: the id, or that it is not known.
pub(crate) fn id_words(s: &Sandbox) -> Msg {
    match &s.id {
        Some(id) => msg!("as-written", text = id),
        None => msg!("refusal-id-unknown"),
    }
}

/// A Kubernetes pod's uid in words: the uid when it fits the grammar
/// (`names::pod_uid`), else said not to be one, or not known.
pub(crate) fn pod_words(pod: Option<&str>) -> Msg {
    match pod {
        Some(u) if crate::names::pod_uid(u) => msg!("as-written", text = u),
        Some(u) => msg!("refusal-uid-invalid", uid = u),
        None => msg!("refusal-uid-unknown"),
    }
}

/// `reason` (the sentence, in English) and `kind`, flattened into an
/// action.
impl Serialize for Refusal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Refusal", 2)?;
        out.serialize_field("reason", &self.msg())?;
        out.serialize_field("kind", self.kind())?;
        out.end()
    }
}

#[cfg(test)]
impl Refusal {
    /// One of each variant (every platform's), for the tests that check
    /// them all.
    pub(crate) fn examples() -> Vec<Refusal> {
        use crate::process::Runtime;
        let sandbox = |runtime, id: &str| Sandbox { runtime, id: Some(id.into()) };
        vec![
            Refusal::NamespaceInit {
                sandbox: sandbox(Some(Runtime::Docker), "3f4e8c0a9b1d"),
                ppid: Some(900),
                parent: Some("containerd-shim".into()),
            },
            Refusal::ContainerMain,
            Refusal::InitSystem,
            Refusal::PortcheckItself,
            Refusal::PortcheckParent,
            Refusal::PortcheckAncestor,
            Refusal::ContainerForwarder { name: "docker-proxy".into() },
            Refusal::SystemdUnit { unit: "nginx.service".into(), uid: None, user: None },
            Refusal::Vscode { name: "node".into(), port: 5000 },
            Refusal::Client { port: 5000, state: State::Established },
            Refusal::SmbServer,
            Refusal::Netbios { port: 137 },
            Refusal::HttpSys,
            Refusal::WslRelay { name: "wslrelay.exe".into() },
            Refusal::DockerDesktop { name: "com.docker.backend.exe".into() },
            Refusal::WindowsService {
                name: "svchost.exe".into(),
                service: Some("FDResPub".into()),
            },
            Refusal::AirplayReceiver { port: 5000 },
            Refusal::DesktopRuntime { name: "OrbStack Helper".into(), product: "OrbStack" },
            Refusal::LaunchdJob { name: "nginx".into(), user: Some("root".into()) },
            Refusal::Spared { pid: 1, name: "systemd".into(), port: 80 },
            Refusal::SparedUnseen { port: 80 },
            Refusal::SparedInNamespace { init: 4711, name: "nginx".into(), port: 80 },
            Refusal::LetGo,
            Refusal::PidReused,
            Refusal::OtherNamespace,
            Refusal::ProcUnproven,
            Refusal::NotPinned { error: "fd table of pid 7: Too many open files".into() },
            Refusal::SignalFailed { signal: "SIGTERM" },
            Refusal::ShuttingDown,
            Refusal::LetGoAfter { pid: 7, parent: true, signal: "SIGTERM" },
            Refusal::Continued,
            Refusal::Traced { tracer: Some(8) },
            Refusal::Denied { pid: 7 },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_a_sentence() {
        for r in Refusal::examples() {
            let s = r.to_string();
            assert!(!s.trim().is_empty(), "{r:?}");
            assert!(!s.ends_with('.') && !s.contains('\n'), "{r:?}: {s}");
        }
    }

    /// Kinds are what JSON readers match: one per variant, snake_case, and
    /// each one documented.
    #[test]
    fn kinds_are_unique_snake_case_and_documented() {
        let docs = include_str!("../../docs/json.md");
        let kinds: Vec<&str> = Refusal::examples().iter().map(Refusal::kind).collect();
        for (i, k) in kinds.iter().enumerate() {
            assert!(!kinds[..i].contains(k), "{k} twice");
            let snake = k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            assert!(snake && !k.starts_with('_') && !k.ends_with('_'), "{k}");
            assert!(docs.contains(&format!("`{k}`")), "{k} is not in docs/json.md");
        }
    }

    /// JSON writes the sentence as `reason` and the variant as `kind`,
    /// and reads back as both.
    #[test]
    fn json_has_the_reason_and_the_kind() {
        for r in Refusal::examples() {
            let text = serde_json::to_string(&r).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["reason"], r.to_string(), "{text}");
            assert_eq!(v["kind"], r.kind(), "{text}");
            assert_eq!(v.as_object().map(|o| o.len()), Some(2), "{text}");
        }
    }
}
