//! macOS holders to explain, not kill: AirPlay Receiver (ControlCenter on
//! 5000 and 7000, *the* Flask conflict there), the desktop container
//! runtimes that publish ports (Docker Desktop, OrbStack, Colima/Lima,
//! Rancher Desktop), and launchd jobs (a holder whose parent is launchd
//! and that runs as root or a system account): refused with the
//! `launchctl` command that stops them.

use crate::i18n::msg;
use crate::kill::policy::{Verdict, published_by};
use crate::report::{ProcessReport, Refusal};
use crate::shell::{Command, Step};

fn refuse(reason: Refusal, stop: Step) -> Option<Verdict> {
    Some(Verdict::Refuse { reason, stop: Some(stop) })
}

pub(crate) fn decide(p: &ProcessReport, port: u16) -> Option<Verdict> {
    let name = p.name.as_str();
    if name.starts_with("ControlCe") {
        return refuse(Refusal::AirplayReceiver { port }, Step::say(msg!("holders-airplay-off")));
    }
    let runtime = [
        ("com.docker", "Docker Desktop"),
        ("vpnkit", "Docker Desktop"),
        ("OrbStack", "OrbStack"),
        ("limactl", "Lima/Colima"),
        ("colima", "Colima"),
        ("Rancher Desktop", "Rancher Desktop"),
    ];
    if let Some((_, product)) = runtime.iter().find(|(n, _)| name.starts_with(n)) {
        return refuse(
            Refusal::DesktopRuntime { name: name.into(), product },
            published_by("docker", port),
        );
    }
    let system_user = p.user.as_deref().is_some_and(|u| u == "root" || u.starts_with('_'));
    if p.ppid == Some(1) && system_user {
        return refuse(
            Refusal::LaunchdJob { name: name.into(), user: p.user.clone() },
            Step::explained(
                msg!("holders-launchd", name = name),
                Command::new(["sudo", "launchctl", "list"]),
            ),
        );
    }
    None
}

#[cfg(test)]
/// No Mac here: `launchctl` and `docker ps --filter publish=PORT` are
/// checked against launchctl(1) and the Docker CLI reference.
mod tests {
    use super::*;
    use crate::kill::holders::proc;

    fn refused(v: Option<Verdict>) -> (String, String) {
        v.and_then(Verdict::refusal).expect("refused")
    }

    #[test]
    fn airplay_receiver_is_named_with_how_to_turn_it_off() {
        let (r, stop) = refused(decide(&proc(400, "ControlCenter"), 5000));
        assert!(r.contains("AirPlay Receiver") && r.contains("Flask"), "{r}");
        assert!(stop.contains("AirDrop & Handoff"), "{stop}");
        let (r, _) = refused(decide(&proc(400, "ControlCe"), 7000));
        assert!(!r.contains("Flask"), "{r}");
    }

    #[test]
    fn container_runtimes_and_launchd_jobs_are_refused() {
        let (r, stop) = refused(decide(&proc(500, "com.docker.backend"), 8080));
        assert!(r.contains("Docker Desktop") && stop.contains("publish=8080"), "{r}");
        assert!(refused(decide(&proc(501, "OrbStack Helper"), 80)).0.contains("OrbStack"));
        let mut job = proc(600, "nginx");
        job.user = Some("root".into());
        let (r, stop) = refused(decide(&job, 80));
        assert!(r.contains("launchd") && stop.contains("launchctl bootout"), "{r} {stop}");
        // A user's own server started from a terminal is signalled.
        let mut mine = proc(700, "python3");
        mine.ppid = Some(650);
        mine.user = Some("ana".into());
        assert!(decide(&mine, 5000).is_none());
    }
}
