//! A refusal in words: the one `match` that turns each [`Refusal`] into
//! its sentence, a message of the catalog ([`Refusal::msg`]). The text
//! report says it in the reader's language (`Display`), JSON's `reason` in
//! English (names in it are escaped where they are shown).

use std::fmt;

use crate::i18n::{Msg, msg};
use crate::process::{Runtime, Sandbox};
use crate::report::Refusal;
use crate::report::refusal::{id_words, pod_words};

impl Refusal {
    /// The sentence, as a message of the catalog.
    pub(crate) fn msg(&self) -> Msg {
        use Refusal as R;
        let said = match self {
            R::NamespaceInit { .. }
            | R::ContainerMain
            | R::InitSystem
            | R::PortcheckItself
            | R::PortcheckParent
            | R::PortcheckAncestor
            | R::ContainerForwarder { .. }
            | R::SystemdUnit { .. }
            | R::Vscode { .. }
            | R::Client { .. } => policy(self),
            R::SmbServer
            | R::Netbios { .. }
            | R::HttpSys
            | R::WslRelay { .. }
            | R::DockerDesktop { .. }
            | R::WindowsService { .. }
            | R::AirplayReceiver { .. }
            | R::DesktopRuntime { .. }
            | R::LaunchdJob { .. } => platform(self),
            R::Spared { .. } | R::SparedUnseen { .. } | R::SparedInNamespace { .. } => plan(self),
            R::LetGo
            | R::PidReused
            | R::OtherNamespace
            | R::ProcUnproven
            | R::NotPinned { .. }
            | R::SignalFailed { .. }
            | R::ShuttingDown
            | R::LetGoAfter { .. }
            | R::Continued
            | R::Traced { .. }
            | R::Denied { .. } => moment(self),
        };
        said.unwrap_or_else(|| msg!("as-written", text = self.kind()))
    }
}

/// In the reader's language (the text report).
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.msg(), f)
    }
}

// Each group's sentences; `msg` above sends every variant to its group,
// so the `_` arms below are never reached.

/// The shared policy's refusals (`kill/policy.rs`).
fn policy(r: &Refusal) -> Option<Msg> {
    Some(match r {
        Refusal::NamespaceInit { sandbox, ppid, parent } => {
            let what = namespace(sandbox, *ppid, parent.as_deref());
            msg!("refusal-namespace-init", what = what)
        }
        Refusal::ContainerMain => msg!("refusal-container-main"),
        Refusal::InitSystem => msg!("refusal-init-system"),
        Refusal::PortcheckItself => msg!("refusal-portcheck-itself"),
        Refusal::PortcheckParent => msg!("refusal-portcheck-parent"),
        Refusal::PortcheckAncestor => msg!("refusal-portcheck-ancestor"),
        Refusal::ContainerForwarder { name } => msg!("refusal-container-forwarder", name = name),
        Refusal::SystemdUnit { unit, uid, user } => {
            let unit = match (uid, user) {
                (None, _) => msg!("as-written", text = unit),
                (Some(uid), Some(user)) => {
                    msg!("refusal-unit-of-user", unit = unit, user = user, uid = *uid)
                }
                (Some(uid), None) => msg!("refusal-unit-of-uid", unit = unit, uid = *uid),
            };
            msg!("refusal-systemd-unit", unit = unit)
        }
        Refusal::Vscode { name, .. } => msg!("refusal-vscode", name = name),
        Refusal::Client { port, state } => {
            msg!("refusal-client", port = *port, state = state.as_str())
        }
        _ => return None,
    })
}

/// The platforms' holders (`kill/holders/`): Windows, then macOS.
fn platform(r: &Refusal) -> Option<Msg> {
    Some(match r {
        Refusal::SmbServer => msg!("refusal-smb-server"),
        Refusal::Netbios { port } => msg!("refusal-netbios", port = *port),
        Refusal::HttpSys => msg!("refusal-http-sys"),
        Refusal::WslRelay { name } => msg!("refusal-wsl-relay", name = name),
        Refusal::DockerDesktop { name } => msg!("refusal-docker-desktop", name = name),
        Refusal::WindowsService { service: Some(s), .. } => {
            msg!("refusal-windows-service", service = s)
        }
        Refusal::WindowsService { name, service: None } => {
            msg!("refusal-windows-service-unnamed", name = name)
        }
        Refusal::AirplayReceiver { port: 5000 } => msg!("refusal-airplay-flask"),
        Refusal::AirplayReceiver { .. } => msg!("refusal-airplay"),
        Refusal::DesktopRuntime { name, product } => {
            msg!("refusal-desktop-runtime", name = name, product = *product)
        }
        Refusal::LaunchdJob { name, user } => {
            let user = user.as_deref().unwrap_or("?");
            msg!("refusal-launchd-job", name = name, user = user)
        }
        _ => return None,
    })
}

/// The plan's: a port that stays held spares its other holders.
fn plan(r: &Refusal) -> Option<Msg> {
    Some(match r {
        Refusal::Spared { pid, name, port } => {
            msg!("refusal-spared", pid = *pid, name = name, port = *port)
        }
        Refusal::SparedUnseen { port } => {
            msg!("refusal-spared-unseen", port = *port, hint = crate::host::hidden_hint())
        }
        Refusal::SparedInNamespace { init, name, port } => {
            msg!("refusal-spared-in-namespace", init = *init, name = name, port = *port)
        }
        _ => return None,
    })
}

/// The executor's, at the moment of each signal.
fn moment(r: &Refusal) -> Option<Msg> {
    Some(match r {
        // The start time says which; the sentence has always said both.
        Refusal::LetGo | Refusal::PidReused => msg!("refusal-let-go"),
        Refusal::OtherNamespace => msg!("refusal-other-namespace"),
        Refusal::ProcUnproven => msg!("refusal-proc-unproven"),
        Refusal::NotPinned { error } => msg!("refusal-not-pinned", error = error),
        Refusal::SignalFailed { signal } => msg!("refusal-signal-failed", signal = *signal),
        Refusal::ShuttingDown => msg!("refusal-shutting-down"),
        Refusal::LetGoAfter { pid, parent, signal } => {
            // The selectors: whether pid is its parent (1), and how it was
            // ended: 2 by TerminateProcess, 1 by SIGKILL, 0 by another signal.
            let parent = u8::from(*parent);
            let how: u8 = match *signal {
                "TerminateProcess" => 2,
                "SIGKILL" => 1,
                _ => 0,
            };
            msg!("refusal-let-go-after", pid = *pid, parent = parent, signal = *signal, how = how)
        }
        Refusal::Continued => msg!("refusal-continued"),
        Refusal::Traced { tracer: Some(t) } => msg!("refusal-traced-by", tracer = *t),
        Refusal::Traced { tracer: None } => msg!("refusal-traced"),
        Refusal::Denied { pid } => {
            let (who, what) = (crate::host::denied_who(), crate::host::denied_fix());
            msg!("refusal-denied", pid = *pid, who = who, what = what)
        }
        _ => return None,
    })
}

/// What a pid namespace's init is the init of, in words: the container
/// by its engine and id, or a bare sandbox by the parent that started it.
fn namespace(s: &Sandbox, ppid: Option<u32>, parent: Option<&str>) -> Msg {
    let id = id_words(s);
    let engine = match &s.runtime {
        Some(Runtime::Docker) => "docker",
        Some(Runtime::Podman) => "podman",
        Some(Runtime::Containerd) => "containerd",
        Some(Runtime::CriO) => "CRI-O",
        Some(Runtime::Kubernetes { pod }) => {
            let pod = pod_words(pod.as_deref());
            return msg!("refusal-ns-kubernetes", id = id, pod = pod);
        }
        Some(Runtime::Lxc) => return msg!("refusal-ns-lxc", id = id),
        Some(Runtime::Nspawn) => return msg!("refusal-ns-nspawn", id = id),
        None => {
            return match (ppid, parent) {
                (Some(pp), Some(name)) => msg!("refusal-ns-sandbox-by", pid = pp, name = name),
                (Some(pp), None) => msg!("refusal-ns-sandbox-by-pid", pid = pp),
                _ => msg!("refusal-ns-sandbox"),
            };
        }
    };
    msg!("refusal-ns-container", engine = engine, id = id)
}
