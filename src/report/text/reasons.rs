//! A refusal in English: the one `match` that turns each
//! [`Refusal`] into its sentence, for the text report and for JSON's
//! `reason` alike (names in it are escaped where they are shown).

use std::fmt;

use crate::process::{Runtime, Sandbox};
use crate::report::Refusal;
use crate::report::refusal::{id_words, pod_words};

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Refusal as R;
        match self {
            R::NamespaceInit { .. }
            | R::ContainerMain
            | R::InitSystem
            | R::PortcheckItself
            | R::PortcheckParent
            | R::PortcheckAncestor
            | R::ContainerForwarder { .. }
            | R::SystemdUnit { .. }
            | R::Vscode { .. }
            | R::Client { .. } => policy(self, f),
            R::SmbServer
            | R::Netbios { .. }
            | R::HttpSys
            | R::WslRelay { .. }
            | R::DockerDesktop { .. }
            | R::WindowsService { .. }
            | R::AirplayReceiver { .. }
            | R::DesktopRuntime { .. }
            | R::LaunchdJob { .. } => platform(self, f),
            R::Spared { .. } | R::SparedUnseen { .. } | R::SparedInNamespace { .. } => {
                plan(self, f)
            }
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
            | R::Denied { .. } => moment(self, f),
        }
    }
}

// Each group's sentences; `fmt` above sends every variant to its group,
// so the `_` arms below are never reached.

/// The shared policy's refusals (`kill/policy.rs`).
fn policy(r: &Refusal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match r {
        Refusal::NamespaceInit { sandbox, ppid, parent } => {
            let what = namespace(sandbox, *ppid, parent.as_deref());
            write!(f, "PID 1 of {what}: signalling it would stop every process in it")
        }
        Refusal::ContainerMain => {
            f.write_str("PID 1 holds it: the main process of this container or namespace")
        }
        Refusal::InitSystem => {
            f.write_str("PID 1 (the init system) holds it: systemd socket activation")
        }
        Refusal::PortcheckItself => f.write_str("this is portcheck itself"),
        Refusal::PortcheckParent => {
            f.write_str("this is portcheck's parent (the shell or program that ran portcheck)")
        }
        Refusal::PortcheckAncestor => f.write_str(
            "this is an ancestor of portcheck (a program that runs the shell that ran portcheck)",
        ),
        Refusal::ContainerForwarder { name } => {
            write!(f, "{name} forwards the port of a container")
        }
        Refusal::SystemdUnit { unit, uid, user } => {
            let unit = match (uid, user) {
                (None, _) => unit.clone(),
                (Some(uid), Some(user)) => format!("{unit} of user {user} (uid {uid})"),
                (Some(uid), None) => format!("{unit} of uid {uid}"),
            };
            write!(f, "part of systemd unit {unit}: systemd would restart it")
        }
        Refusal::Vscode { name, .. } => write!(
            f,
            "{name} is VS Code itself, forwarding the port to this machine (Remote-SSH, Dev Containers, WSL): killing it would kill the editor or its remote server"
        ),
        Refusal::Client { port, state } => write!(
            f,
            "its only tie to port {port} is a connection ({}), not a server: portcheck does not signal clients",
            state.as_str()
        ),
        _ => Ok(()),
    }
}

/// The platforms' holders (`kill/holders/`): Windows, then macOS.
fn platform(r: &Refusal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match r {
        Refusal::SmbServer => f.write_str(
            "pid 4 (System) holds it: the kernel's SMB server (file and printer sharing, the Server service LanmanServer)",
        ),
        Refusal::Netbios { port } => {
            let service = match port {
                137 => "name service",
                138 => "datagram service",
                _ => "session service, for SMB",
            };
            write!(f, "pid 4 (System) holds it: the kernel's NetBIOS over TCP/IP ({service})")
        }
        Refusal::HttpSys => f.write_str(
            "pid 4 (System) holds it: HTTP.sys, the kernel's HTTP server, for a URL a service registered (IIS, WinRM, a web service)",
        ),
        Refusal::WslRelay { name } => write!(
            f,
            "{name} forwards the port from a server running inside WSL (its localhost relay)"
        ),
        Refusal::DockerDesktop { name } => {
            write!(f, "{name} publishes a port of a Docker Desktop container")
        }
        Refusal::WindowsService { service: Some(s), .. } => write!(
            f,
            "Windows service {s} holds it: the Service Control Manager runs it and may restart it"
        ),
        Refusal::WindowsService { name, service: None } => write!(
            f,
            "a Windows service holds it ({name}, started by the Service Control Manager)"
        ),
        Refusal::AirplayReceiver { port } => write!(
            f,
            "AirPlay Receiver (ControlCenter) holds it: macOS listens on 5000 and 7000 for AirPlay{}",
            if *port == 5000 {
                "; Flask's default port is 5000, so `flask run` collides with it"
            } else {
                ""
            }
        ),
        Refusal::DesktopRuntime { name, product } => {
            write!(f, "{name} publishes a port of a {product} container or VM")
        }
        Refusal::LaunchdJob { name, user } => write!(
            f,
            "{name} is a launchd job (started by launchd as {}): launchd would start it again",
            user.as_deref().unwrap_or("?")
        ),
        _ => Ok(()),
    }
}

/// The plan's: a port that stays held spares its other holders.
fn plan(r: &Refusal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match r {
        Refusal::Spared { pid, name, port } => write!(
            f,
            "pid {pid} ({name}) is not signalled and keeps port {port} held: stopping the others would not free it, so no holder of it is signalled"
        ),
        Refusal::SparedUnseen { port } => write!(
            f,
            "port {port} also has a holder that cannot be seen {} to stop them all",
            crate::host::hidden_hint()
        ),
        Refusal::SparedInNamespace { init, name, port } => write!(
            f,
            "it runs inside the pid namespace of pid {init} ({name}), whose init portcheck does not signal: stopping it alone would leave port {port} held"
        ),
        _ => Ok(()),
    }
}

/// The executor's, at the moment of each signal.
fn moment(r: &Refusal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match r {
        // The start time says which; the sentence has always said both.
        Refusal::LetGo | Refusal::PidReused => f.write_str(
            "it let go of the socket before the signal (or its pid now names another process); not signalled",
        ),
        Refusal::OtherNamespace => f.write_str(
            "its pid names another process in portcheck's pid namespace than in /proc's",
        ),
        Refusal::ProcUnproven => f.write_str(
            "could not be pinned and checked (no pidfd, and /proc cannot be proven this pid namespace's (no NSpid: line of one pid), so it is not signalled by pid)",
        ),
        Refusal::NotPinned { error } => write!(f, "could not be pinned and checked ({error})"),
        Refusal::SignalFailed { signal } => write!(
            f,
            "the OS would not deliver {signal} to it (an error other than permission denied); not signalled"
        ),
        Refusal::ShuttingDown => f.write_str(
            "let go of the port after the first signal and is still shutting down; not killed",
        ),
        Refusal::LetGoAfter { pid, parent, signal } => {
            let whose = if *parent { " (its parent)" } else { "" };
            let (sent, not) = match *signal {
                "TerminateProcess" => ("ended with", "not ended"),
                "SIGKILL" => ("sent", "not killed"),
                _ => ("sent", "not signalled"),
            };
            write!(f, "let go of the port after pid {pid}{whose} was {sent} {signal}; {not}")
        }
        Refusal::Continued => f.write_str(
            "it was stopped (Ctrl+Z or SIGSTOP): sent SIGCONT after the signal so it is delivered",
        ),
        Refusal::Traced { tracer } => {
            let by = tracer.map_or_else(|| "a tracer".into(), |t| format!("pid {t}"));
            write!(
                f,
                "it is stopped by {by} (a debugger or tracer): not continued, so the signal waits until the tracer lets it go"
            )
        }
        Refusal::Denied { pid } => {
            let (who, what) = (crate::host::denied_who(), crate::host::elevate());
            write!(f, "permission denied: pid {pid} {who}; {what}")
        }
        _ => Ok(()),
    }
}

/// What a pid namespace's init is the init of, in words: the container
/// by its engine and id, or a bare sandbox by the parent that started it.
fn namespace(s: &Sandbox, ppid: Option<u32>, parent: Option<&str>) -> String {
    let id = id_words(s);
    let label = match &s.runtime {
        Some(Runtime::Docker) => "docker",
        Some(Runtime::Podman) => "podman",
        Some(Runtime::Containerd) => "containerd",
        Some(Runtime::CriO) => "CRI-O",
        Some(Runtime::Kubernetes { pod }) => {
            return format!("container {id} of Kubernetes pod {}", pod_words(pod.as_deref()));
        }
        Some(Runtime::Lxc) => return format!("LXC container {id}"),
        Some(Runtime::Nspawn) => return format!("systemd-nspawn container {id}"),
        None => {
            let by = match (ppid, parent) {
                (Some(pp), Some(name)) => format!("pid {pp} ({name})"),
                (Some(pp), None) => format!("pid {pp}"),
                _ => "its parent".into(),
            };
            return format!(
                "a pid namespace (a sandbox such as unshare or bwrap, started by {by})"
            );
        }
    };
    format!("{label} container {id}")
}
