//! Windows holders to explain, not kill: pid 4 "System" (HTTP.sys), the
//! services (svchost.exe and anything services.exe started: name the
//! service, `sc.exe stop NAME`: never `sc`, which is Set-Content in
//! Windows PowerShell 5.1), and the forwarders of WSL 2 and Docker
//! Desktop (the server runs inside WSL or a container).

use crate::i18n::msg;
use crate::kill::policy::{Verdict, published_by};
use crate::report::{ProcessReport, Refusal};
use crate::shell::{Command, Step};

pub(crate) fn decide(p: &ProcessReport, port: u16) -> Option<Verdict> {
    let is_service = p.name.eq_ignore_ascii_case("svchost.exe")
        || p.parent_name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case("services.exe"));
    let service = if is_service { service_of(p.pid) } else { None };
    rule(p, port, is_service, service.as_deref())
}

fn refuse(reason: Refusal, stop: Step) -> Option<Verdict> {
    Some(Verdict::Refuse { reason, stop: Some(stop) })
}

/// The rules, given whether `p` is a service and its service name.
pub(super) fn rule(
    p: &ProcessReport,
    port: u16,
    is_service: bool,
    service: Option<&str>,
) -> Option<Verdict> {
    let name = p.name.to_ascii_lowercase();
    if p.pid == 4 || name == "system" {
        return system(port);
    }
    if name == "wslrelay.exe" || name == "wslhost.exe" {
        return refuse(
            Refusal::WslRelay { name: p.name.clone() },
            Step::explained(msg!("holders-wsl", port = port), Command::new(["wsl", "--shutdown"])),
        );
    }
    if name.starts_with("com.docker.") || name == "vpnkit.exe" {
        return refuse(
            Refusal::DockerDesktop { name: p.name.clone() },
            published_by("docker", port),
        );
    }
    if is_service {
        let reason =
            Refusal::WindowsService { name: p.name.clone(), service: service.map(str::to_string) };
        let stop = match service {
            Some(s) => {
                Step::explained(msg!("holders-admin-terminal"), Command::new(["sc.exe", "stop", s]))
            }
            None => Step::explained(
                msg!("holders-find-service"),
                Command::new([
                    "tasklist".to_string(),
                    "/svc".into(),
                    "/fi".into(),
                    format!("PID eq {}", p.pid),
                ]),
            ),
        };
        return refuse(reason, stop);
    }
    None
}

/// Pid 4 (System) by the port: the kernel's SMB server on 445 and its
/// NetBIOS over TCP/IP on 137-139; HTTP.sys on any other.
fn system(port: u16) -> Option<Verdict> {
    match port {
        445 => refuse(
            Refusal::SmbServer,
            Step::explained(
                msg!("holders-smb-stop"),
                Command::new(["sc.exe", "stop", "LanmanServer"]),
            ),
        ),
        137..=139 => refuse(Refusal::Netbios { port }, Step::say(msg!("holders-netbios-off"))),
        _ => refuse(
            Refusal::HttpSys,
            Step::explained(
                msg!("holders-http-sys"),
                Command::new(["netsh", "http", "show", "servicestate"]),
            ),
        ),
    }
}

/// The service `pid` runs, from `tasklist /svc` (asked only for a service
/// process that would otherwise be killed); the first when it hosts several.
fn service_of(pid: u32) -> Option<String> {
    let filter = format!("PID eq {pid}");
    let out = std::process::Command::new("tasklist")
        .args(["/svc", "/fo", "csv", "/nh", "/fi", &filter])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    service_in(&String::from_utf8_lossy(&out.stdout), pid)
}

/// `"svchost.exe","1234","Dnscache,LanmanWorkstation"` → `Dnscache`.
/// The third field is `N/A` (translated elsewhere) for no service: a
/// service name has no spaces, so a field with one is no name.
fn service_in(csv: &str, pid: u32) -> Option<String> {
    csv.lines().find_map(|line| {
        let fields: Vec<&str> = line.split("\",\"").map(|f| f.trim().trim_matches('"')).collect();
        if fields.get(1)?.parse::<u32>().ok()? != pid {
            return None;
        }
        let first = fields.get(2)?.split(',').next()?.trim();
        let valid = !first.is_empty()
            && first != "N/A"
            && first.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.$".contains(&b));
        valid.then(|| first.to_string())
    })
}

#[cfg(test)]
/// Wine has no service manager, WSL or Docker: `sc.exe stop NAME`, `tasklist
/// /svc /fi "PID eq N"`, `netsh http show servicestate` and `wsl --shutdown`
/// are checked against Microsoft's documented syntax.
mod tests {
    use super::*;
    use crate::kill::holders::proc;

    fn refused(v: Option<Verdict>) -> (String, String) {
        v.and_then(Verdict::refusal).expect("refused")
    }

    /// Pid 4 is the kernel's SMB and NetBIOS servers on their ports,
    /// HTTP.sys on any other.
    #[test]
    fn pid_4_is_named_by_its_port() {
        let (r, stop) = refused(rule(&proc(4, "System"), 445, false, None));
        assert!(r.contains("SMB server") && !r.contains("HTTP.sys"), "{r}");
        assert!(stop.contains("sc.exe stop LanmanServer"), "{stop}");
        for (port, what) in [(137, "name"), (138, "datagram"), (139, "session")] {
            let (r, stop) = refused(rule(&proc(4, "System"), port, false, None));
            assert!(r.contains("NetBIOS") && r.contains(what), "{port}: {r}");
            assert!(stop.contains("NetBIOS over TCP/IP"), "{stop}");
        }
        let (r, _) = refused(rule(&proc(4, "System"), 8080, false, None));
        assert!(r.contains("HTTP.sys"), "{r}");
    }

    #[test]
    fn http_sys_and_forwarders_are_explained() {
        let (r, stop) = refused(rule(&proc(4, "System"), 80, false, None));
        assert!(r.contains("HTTP.sys") && stop.contains("netsh http show servicestate"), "{r}");
        let (r, stop) = refused(rule(&proc(900, "wslrelay.exe"), 5000, false, None));
        assert!(r.contains("inside WSL") && stop.contains("wsl --shutdown"), "{r} {stop}");
        let (r, stop) = refused(rule(&proc(903, "wslhost.exe"), 5000, false, None));
        assert!(r.contains("wslhost.exe") && stop.contains("wsl --shutdown"), "{r} {stop}");
        let (r, stop) = refused(rule(&proc(901, "com.docker.backend.exe"), 5000, false, None));
        assert!(r.contains("Docker") && stop.contains("publish=5000"), "{r} {stop}");
        assert!(rule(&proc(902, "python.exe"), 5000, false, None).is_none());
    }

    #[test]
    fn services_are_named_with_sc_stop() {
        let (r, stop) = refused(rule(&proc(1234, "svchost.exe"), 5357, true, Some("FDResPub")));
        assert!(r.contains("FDResPub") && stop.contains("sc.exe stop FDResPub"), "{r} {stop}");
        let (_, stop) = refused(rule(&proc(1234, "svchost.exe"), 5357, true, None));
        assert!(stop.contains("tasklist /svc") && stop.contains("PID eq 1234"), "{stop}");
    }

    /// JSON's `stop_argv` of a Windows stop line is its words (whatever
    /// shell `stop` is rendered for), and the WSL relay's stop is a
    /// command, never a command inside a sentence.
    #[test]
    fn windows_stop_lines_carry_their_words_in_json() {
        let json = |p: &ProcessReport, port, service: Option<&str>| match rule(
            p,
            port,
            service.is_some(),
            service,
        ) {
            Some(Verdict::Refuse { stop: Some(s), .. }) => serde_json::to_value(&s).unwrap(),
            other => panic!("{other:?}"),
        };
        let cases: [(ProcessReport, u16, Option<&str>, &[&str]); 4] = [
            (proc(1234, "svchost.exe"), 5357, Some("FDResPub"), &["sc.exe", "stop", "FDResPub"]),
            (proc(4, "System"), 80, None, &["netsh", "http", "show", "servicestate"]),
            (proc(900, "wslrelay.exe"), 5000, None, &["wsl", "--shutdown"]),
            (proc(903, "wslhost.exe"), 5000, None, &["wsl", "--shutdown"]),
        ];
        for (p, port, service, words) in cases {
            let v = json(&p, port, service);
            assert_eq!(v["stop_argv"], serde_json::json!(words), "{v}");
            assert_eq!(v["stop"], words.join(" "), "{v}");
            assert!(v["stop_note"].as_str().is_some_and(|n| !n.contains("--shutdown")), "{v}");
        }
    }

    #[test]
    fn tasklist_csv_names_the_first_service() {
        let csv = "\"svchost.exe\",\"1234\",\"Dnscache,LanmanWorkstation\"\r\n";
        assert_eq!(service_in(csv, 1234).as_deref(), Some("Dnscache"));
        assert_eq!(service_in(csv, 99), None);
        assert_eq!(service_in("\"python.exe\",\"77\",\"N/A\"\r\n", 77), None);
        assert_eq!(service_in("\"x.exe\",\"78\",\"해당 없음\"\r\n", 78), None);
    }
}
