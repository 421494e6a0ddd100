//! What a `/proc/PID/cgroup` text says: the systemd service a process
//! runs in, and the container engine or sandbox kind it runs under. Pure:
//! text in, names out (the reading is `linux.rs`'s), unit-tested on text.

/// A systemd service a process runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) name: String,
    /// The uid whose systemd instance runs it (a unit below
    /// `user@UID.service`: `systemctl --user`), `None` for the system's.
    pub(crate) user: Option<u32>,
}

/// The systemd service in a `/proc/PID/cgroup` text, when the process
/// runs in one (a `.scope` — a login session, a terminal — is not one).
///
/// systemd puts a unit's cgroup directly below its slices; whatever lies
/// below a unit was made by the unit itself (`Delegate=`, a container's
/// own cgroup namespace) and may have any name, `sshd.service` included.
/// So the unit is the first component below the slices, and a process
/// below `user@UID.service` is in that user's manager's tree, where the
/// same rule finds that user's unit.
pub(crate) fn unit_of(cgroup: &str) -> Option<Unit> {
    let path = cgroup
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .filter(|p| *p != "/")
        .or_else(|| cgroup.lines().find_map(|l| l.split_once(":name=systemd:").map(|x| x.1)))?;
    let mut parts = path.split('/').filter(|c| !c.is_empty());
    let unit = parts.find(|c| !c.ends_with(".slice"))?;
    let uid = unit.strip_prefix("user@").and_then(|u| u.strip_suffix(".service"));
    let user = match uid {
        // Below the manager: the user's own tree.
        Some(uid) if parts.clone().next().is_some() => Some(uid.parse::<u32>().ok()?),
        _ => None,
    };
    let unit = if user.is_some() { parts.find(|c| !c.ends_with(".slice"))? } else { unit };
    unit.ends_with(".service").then(|| Unit { name: unit.to_string(), user })
}

/// The container engine (or sandbox kind) a process runs under, from its
/// cgroup path.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Runtime {
    Docker,
    Podman,
    /// containerd without Kubernetes (nerdctl).
    Containerd,
    /// A Kubernetes pod (any CRI runtime); the pod's uid when the cgroup
    /// names it.
    Kubernetes {
        pod: Option<String>,
    },
    /// CRI-O outside a recognisable pod path.
    CriO,
    /// LXC or LXD.
    Lxc,
    /// systemd-nspawn.
    Nspawn,
}

/// A pid namespace's init, seen from outside: what runs it, and its
/// container id or name when the cgroup says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sandbox {
    /// `None`: a bare namespace (`unshare -p`, bwrap, a runtime not
    /// recognised).
    pub(crate) runtime: Option<Runtime>,
    pub(crate) id: Option<String>,
}

/// The container a `/proc/PID/cgroup` text names, if any: docker,
/// podman (libpod), containerd, Kubernetes (kubepods), CRI-O, LXC/LXD,
/// systemd-nspawn, with the systemd and the cgroupfs drivers, cgroup v2
/// or v1.
pub(crate) fn sandbox_of(cgroup: &str) -> Sandbox {
    let paths = cgroup.lines().filter_map(|l| l.splitn(3, ':').nth(2)).filter(|p| *p != "/");
    for path in paths {
        let parts: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
        if let Some(found) = sandbox_in(&parts) {
            return found;
        }
    }
    Sandbox { runtime: None, id: None }
}

/// A container id (12 or 64 hex digits), shown as docker and podman show
/// it (12); anything else is no id.
fn short_id(id: &str) -> Option<String> {
    crate::names::container_id(id).then(|| id[..12].to_string())
}

/// The id in `PREFIX<id>.scope`.
fn scoped<'a>(part: &'a str, prefix: &str) -> Option<&'a str> {
    part.strip_prefix(prefix)?.strip_suffix(".scope")
}

/// The container in one cgroup path's components.
fn sandbox_in(parts: &[&str]) -> Option<Sandbox> {
    let found = |runtime, id: Option<String>| Some(Sandbox { runtime: Some(runtime), id });
    let after = |name: &str| parts.iter().position(|c| *c == name).and_then(|i| parts.get(i + 1));
    if parts.iter().any(|c| c.starts_with("kubepods")) {
        let pod = parts.iter().rev().find_map(|c| {
            let c = c.strip_suffix(".slice").unwrap_or(c);
            c.rsplit_once("pod").map(|(_, uid)| uid.replace('_', "-")).filter(|u| u.len() >= 32)
        });
        let id = parts.last().and_then(|last| {
            let last = last.strip_suffix(".scope").unwrap_or(last);
            short_id(last.rsplit('-').next().unwrap_or(last))
        });
        return found(Runtime::Kubernetes { pod }, id);
    }
    for part in parts {
        if let Some(id) = scoped(part, "docker-") {
            return found(Runtime::Docker, short_id(id));
        }
        if let Some(id) = scoped(part, "libpod-").filter(|id| !id.starts_with("conmon-")) {
            return found(Runtime::Podman, short_id(id));
        }
        if let Some(id) = scoped(part, "nerdctl-").or_else(|| scoped(part, "cri-containerd-")) {
            return found(Runtime::Containerd, short_id(id));
        }
        if let Some(id) = scoped(part, "crio-") {
            return found(Runtime::CriO, short_id(id));
        }
        if let Some(name) = part.strip_prefix("lxc.payload.") {
            return found(Runtime::Lxc, Some(name.to_string()));
        }
        if let Some(name) =
            part.strip_prefix("systemd-nspawn@").and_then(|p| p.strip_suffix(".service"))
        {
            // The machine's name, as machinectl knows it.
            let name = crate::names::unescape_instance(name).unwrap_or_else(|| name.into());
            return found(Runtime::Nspawn, Some(name));
        }
    }
    if let Some(id) = after("docker") {
        return found(Runtime::Docker, short_id(id));
    }
    if let Some(id) = after("libpod_parent") {
        return found(Runtime::Podman, short_id(id.trim_start_matches("libpod-")));
    }
    if let Some(name) = after("lxc").or_else(|| after("lxc.payload")) {
        return found(Runtime::Lxc, Some((*name).to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_systemd_service_below_the_slices() {
        let unit = |t: &str| unit_of(t).map(|u| (u.name, u.user));
        assert_eq!(unit("0::/system.slice/nginx.service\n"), Some(("nginx.service".into(), None)));
        assert_eq!(unit("0::/user.slice/user-1000.slice/session-3.scope\n"), None);
        assert_eq!(
            unit("0::/user.slice/user-1000.slice/user@1000.service/app.slice/web.service\n"),
            Some(("web.service".into(), Some(1000)))
        );
        // What a unit made below itself is the unit's.
        assert_eq!(
            unit("0::/system.slice/ci.service/sshd.service\n"),
            Some(("ci.service".into(), None))
        );
        assert_eq!(
            unit("1:name=systemd:/system.slice/cron.service\n0::/\n"),
            Some(("cron.service".into(), None))
        );
    }

    #[test]
    fn names_the_container_from_its_cgroup() {
        let id = "3f4e8c0a9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f";
        let of = |text: String| sandbox_of(&text);
        let docker = Sandbox { runtime: Some(Runtime::Docker), id: Some("3f4e8c0a9b1d".into()) };
        assert_eq!(of(format!("0::/system.slice/docker-{id}.scope\n")), docker);
        assert_eq!(of(format!("0::/docker/{id}\n")), docker);
        assert_eq!(of(format!("12:memory:/docker/{id}\n11:cpu:/docker/{id}\n")), docker);
        let podman = Sandbox { runtime: Some(Runtime::Podman), id: Some("3f4e8c0a9b1d".into()) };
        assert_eq!(of(format!("0::/machine.slice/libpod-{id}.scope/container\n")), podman);
        let rootless = format!(
            "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-{id}.scope\n"
        );
        assert_eq!(of(rootless), podman);
        assert_eq!(of(format!("3:pids:/libpod_parent/libpod-{id}\n")), podman);
        let kube = of(format!(
            "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod8a9c3b2e_1f2d_4c3b_9a8e_7d6c5b4a3f2e.slice/cri-containerd-{id}.scope\n"
        ));
        let pod = Some("8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e".to_string());
        assert_eq!(kube.runtime, Some(Runtime::Kubernetes { pod: pod.clone() }));
        assert_eq!(kube.id.as_deref(), Some("3f4e8c0a9b1d"));
        let kube_v1 = of(format!(
            "4:memory:/kubepods/burstable/pod8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e/{id}\n"
        ));
        assert_eq!(kube_v1.runtime, Some(Runtime::Kubernetes { pod }));
        let crio = of(format!("0::/machine.slice/crio-{id}.scope\n"));
        assert_eq!(crio.runtime, Some(Runtime::CriO));
        let nerdctl = of(format!("0::/system.slice/nerdctl-{id}.scope\n"));
        assert_eq!(nerdctl.runtime, Some(Runtime::Containerd));
        let lxc = Sandbox { runtime: Some(Runtime::Lxc), id: Some("web1".into()) };
        assert_eq!(of("0::/lxc.payload.web1\n".into()), lxc);
        assert_eq!(of("10:devices:/lxc/web1\n".into()), lxc);
        let nspawn = of("0::/machine.slice/systemd-nspawn@box.service/payload\n".into());
        assert_eq!(nspawn, Sandbox { runtime: Some(Runtime::Nspawn), id: Some("box".into()) });
        let nspawn = of("0::/machine.slice/systemd-nspawn@my\\x2dbox.service/payload\n".into());
        assert_eq!(nspawn.id.as_deref(), Some("my-box"));
        let nspawn = of("0::/machine.slice/systemd-nspawn@a\\x3bid.service/payload\n".into());
        assert_eq!(nspawn.id.as_deref(), Some("a;id"));
        // A bare namespace (unshare, bwrap) in a login session: unnamed.
        let bare = of("0::/user.slice/user-0.slice/session-3.scope\n".into());
        assert_eq!(bare, Sandbox { runtime: None, id: None });
        assert_eq!(of("0::/\n".into()), Sandbox { runtime: None, id: None });
        // Podman's conmon scope is not the container.
        let conmon = of(format!("0::/machine.slice/libpod-conmon-{id}.scope\n"));
        assert_eq!(conmon.runtime, None);
    }
}
