//! Port numbers: the IANA class of a port and what this host does with it
//! (the privileged range, the ephemeral range, reserved ports).

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as platform;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
use macos as platform;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

use serde::Serialize;

use crate::i18n::{Msg, msg, t};
use crate::shell::{Command, Step};

/// The IANA range a port falls in (RFC 6335).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Class {
    /// 0–1023: system ports; binding needs privilege on most systems.
    WellKnown,
    /// 1024–49151: user ports that IANA registers to services.
    Registered,
    /// 49152–65535: dynamic/private ports, never registered.
    Dynamic,
}

impl Class {
    pub(crate) fn of(port: u16) -> Class {
        match port {
            0..=1023 => Class::WellKnown,
            1024..=49151 => Class::Registered,
            _ => Class::Dynamic,
        }
    }

    /// The inclusive range of ports in this class (port 0 excluded).
    pub(crate) fn range(self) -> (u16, u16) {
        match self {
            Class::WellKnown => (1, 1023),
            Class::Registered => (1024, 49151),
            Class::Dynamic => (49152, 65535),
        }
    }

    /// The class's name in the reader's language ("registered"; Korean
    /// uses the guide's 등록된), said before "port".
    pub(crate) fn label(self) -> String {
        match self {
            Class::WellKnown => t!("port-class-well-known"),
            Class::Registered => t!("port-class-registered"),
            Class::Dynamic => t!("port-class-dynamic"),
        }
    }
}

/// Why the OS refused a bind that no privilege would lift (Windows's
/// WSAEACCES): the port cannot be bound, and is reported in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(windows), allow(dead_code))]
pub(crate) enum Refused {
    /// Inside a port range excluded from binding (`netsh int ipv4 show
    /// excludedportrange`: winnat's ranges for Hyper-V, WSL 2, Docker
    /// Desktop, or an administrator's).
    ExcludedRange,
    /// Another program bound it exclusively (SO_EXCLUSIVEADDRUSE): a
    /// socket is on the port.
    ExclusiveBind,
    /// Refused with nothing on the port and in no excluded range:
    /// security software or a policy.
    AccessDenied,
}

impl Refused {
    /// Why, in a few words: "Port 80 cannot be bound: {words}".
    pub(crate) fn words(self) -> Msg {
        match self {
            Refused::ExcludedRange => msg!("refused-excluded-range"),
            Refused::ExclusiveBind => msg!("refused-exclusive-bind"),
            Refused::AccessDenied => msg!("refused-access-denied"),
        }
    }

    /// What to do instead of stopping a process (there is none to stop):
    /// each command a [`Step`] of its own, its explanation on its own
    /// line; `protocol` names the excluded ranges to look at and reserve
    /// in.
    pub(crate) fn fix(self, port: u16, protocol: crate::net::Protocol) -> Vec<Step> {
        let another =
            || Command::new(["portcheck".to_string(), "--suggest".into(), port.to_string()]);
        match self {
            Refused::ExcludedRange => {
                let p = format!("protocol={}", protocol.name());
                let netsh = |words: &[&str]| {
                    let mut argv: Vec<String> = ["netsh", "int", "ipv4"].map(String::from).into();
                    argv.extend(words.iter().map(|w| w.to_string()));
                    Command::new(argv)
                };
                vec![
                    Step::explained(
                        msg!("port-fix-see-excluded"),
                        netsh(&["show", "excludedportrange", &p]),
                    ),
                    Step::explained(msg!("port-fix-outside"), another()),
                    Step::explained(
                        msg!("port-fix-winnat", port = port),
                        Command::new(["net", "stop", "winnat"]),
                    ),
                    Step::run(netsh(&[
                        "add",
                        "excludedportrange",
                        &p,
                        &format!("startport={port}"),
                        "numberofports=1",
                    ])),
                    Step::run(Command::new(["net", "start", "winnat"])),
                ]
            }
            Refused::ExclusiveBind => vec![
                Step::say(msg!("port-fix-close")),
                Step::explained(msg!("port-fix-another"), another()),
            ],
            Refused::AccessDenied => vec![
                Step::say(msg!("port-fix-allow", port = port)),
                Step::explained(msg!("port-fix-another"), another()),
            ],
        }
    }
}

/// The refusal where no platform rule names one (never reached off
/// Windows: only its probe reports a refusal).
#[cfg_attr(windows, allow(dead_code))]
fn refused_elsewhere(port: u16, protocols: &[crate::net::Protocol], _seen: bool) -> Refusal {
    let protocol = protocols.first().copied().unwrap_or(crate::net::Protocol::Tcp);
    Refusal {
        why: Refused::AccessDenied,
        note: msg!("port-refused-elsewhere", port = port),
        fix: Refused::AccessDenied.fix(port, protocol),
    }
}

/// A bind refused for good: why, the note that explains it (prose, no
/// command), and what to do instead ([`Refused::fix`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Refusal {
    pub(crate) why: Refused,
    pub(crate) note: Msg,
    pub(crate) fix: Vec<Step>,
}

/// How this host treats ports: read once from the kernel's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostPorts {
    /// Ports below this need root or CAP_NET_BIND_SERVICE
    /// (`net.ipv4.ip_unprivileged_port_start`).
    pub(crate) unprivileged_start: u16,
    /// The range outgoing connections take local ports from
    /// (`net.ipv4.ip_local_port_range`), inclusive.
    pub(crate) ephemeral: (u16, u16),
    /// Ports excluded from ephemeral allocation
    /// (`net.ipv4.ip_local_reserved_ports`), inclusive ranges.
    pub(crate) reserved: Vec<(u16, u16)>,
}

impl HostPorts {
    /// Reads the host's settings; where one cannot be read, the platform
    /// default stands in.
    pub(crate) fn read() -> HostPorts {
        platform::read()
    }

    /// Adds the settings that cost a subprocess to read (Windows's netsh),
    /// for the answers that need them (`--suggest`); elsewhere a no-op.
    pub(crate) fn refined(mut self) -> HostPorts {
        platform::refine(&mut self);
        self
    }

    /// Why an exclusive bind of `port` was refused while nothing is bound
    /// to it, in the platform's terms (privilege on Unix, an excluded port
    /// range on Windows).
    pub(crate) fn denied_note(&self, port: u16) -> Msg {
        platform::denied_note(self, port)
    }

    /// Why a bind of `port` was refused for good ([`Refused`]) and the
    /// note that says so with the fixes; `seen`: the socket table shows a
    /// socket on the port.
    pub(crate) fn refusal(
        &self,
        port: u16,
        protocols: &[crate::net::Protocol],
        seen: bool,
    ) -> Refusal {
        platform::refusal(port, protocols, seen)
    }

    pub(crate) fn privileged(&self, port: u16) -> bool {
        port < self.unprivileged_start
    }

    /// What binding a [`privileged`](Self::privileged) port needs here:
    /// "binding needs root" (Linux), "binding on 127.0.0.1 needs root"
    /// (macOS); Windows has no privileged port.
    pub(crate) fn needs_root(&self) -> String {
        platform::needs_root()
    }

    pub(crate) fn ephemeral(&self, port: u16) -> bool {
        (self.ephemeral.0..=self.ephemeral.1).contains(&port)
    }

    pub(crate) fn reserved(&self, port: u16) -> bool {
        self.reserved.iter().any(|&(a, b)| (a..=b).contains(&port))
    }
}

/// Said of a port in the ephemeral range when that range is the platform's
/// default rather than this machine's (Windows: reading it costs a netsh
/// run, which a plain query does not make).
pub(crate) fn assumed_ephemeral() -> Option<Msg> {
    platform::assumed_ephemeral()
}

/// Whether this host may have the IPv6 family: false only when its
/// absence is proven (a kernel booted with `ipv6.disable=1`). Only then is
/// an IPv6 socket that cannot be created "not available" rather than a
/// failed check: unknown is not absent.
pub(crate) fn has_ipv6() -> bool {
    platform::has_ipv6()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fix of a refused bind is a step: the commands as words (for
    /// the user's shell), the explanation beside them; the excluded-range
    /// commands name the range's protocol.
    #[test]
    fn the_fixes_of_a_refused_bind_are_steps() {
        let shown =
            |why: Refused, p| -> Vec<String> { why.fix(5000, p).iter().map(Step::shown).collect() };
        assert_eq!(
            shown(Refused::ExcludedRange, crate::net::Protocol::Udp),
            [
                "see the excluded port ranges: netsh int ipv4 show excludedportrange protocol=udp",
                "or use a port outside them: portcheck --suggest 5000",
                "or, from an Administrator terminal, stop winnat (it draws its ranges again when \
                 it starts) and keep port 5000 for yourself before it does: these three lines in \
                 turn: net stop winnat",
                "netsh int ipv4 add excludedportrange protocol=udp startport=5000 numberofports=1",
                "net start winnat",
            ]
        );
        for why in [Refused::ExclusiveBind, Refused::AccessDenied] {
            let steps = why.fix(80, crate::net::Protocol::Tcp);
            assert!(steps[0].run.is_none(), "{steps:?}");
            assert_eq!(steps[1].shown(), "or use another port: portcheck --suggest 80");
        }
    }

    #[test]
    fn iana_classes_have_exact_edges() {
        assert_eq!(Class::of(0), Class::WellKnown);
        assert_eq!(Class::of(1023), Class::WellKnown);
        assert_eq!(Class::of(1024), Class::Registered);
        assert_eq!(Class::of(49151), Class::Registered);
        assert_eq!(Class::of(49152), Class::Dynamic);
        assert_eq!(Class::of(65535), Class::Dynamic);
    }

    #[test]
    fn host_predicates() {
        let host = HostPorts {
            unprivileged_start: 1024,
            ephemeral: (32768, 60999),
            reserved: vec![(9000, 9001)],
        };
        assert!(host.privileged(80));
        assert!(!host.privileged(1024));
        assert!(host.ephemeral(32768) && host.ephemeral(60999) && !host.ephemeral(61000));
        assert!(host.reserved(9001) && !host.reserved(9002));
    }

    /// Korean names the classes as the guide does; the fixes' sentences
    /// are Korean, their commands and ports unchanged; a refusal's words
    /// and a note are English in JSON.
    #[test]
    fn korean_uses_the_guides_terms_and_keeps_the_commands() {
        use crate::i18n::{Lang, scoped};
        let labels = |lang| {
            scoped(lang, || [Class::WellKnown, Class::Registered, Class::Dynamic].map(Class::label))
        };
        assert_eq!(labels(Lang::En), ["well-known", "registered", "dynamic"]);
        assert_eq!(labels(Lang::Ko), ["잘 알려진(Well-Known)", "등록된", "동적·사설"]);
        let steps: Vec<String> = scoped(Lang::Ko, || {
            Refused::ExcludedRange
                .fix(5000, crate::net::Protocol::Udp)
                .iter()
                .map(Step::shown)
                .collect()
        });
        assert_eq!(
            steps[0],
            "포트 제외 범위 확인: netsh int ipv4 show excludedportrange protocol=udp"
        );
        assert_eq!(steps[1], "또는 그 범위 밖의 다른 포트 사용: portcheck --suggest 5000");
        assert!(steps[2].contains("포트 5000번") && steps[2].ends_with(": net stop winnat"));
        assert_eq!(steps[4], "net start winnat");
        let words = Refused::AccessDenied.words();
        let korean = scoped(Lang::Ko, || words.to_string());
        assert_eq!(korean, "바인딩된 것이 없는데도 액세스가 거부됨 (보안 소프트웨어 또는 정책)");
        let json = scoped(Lang::Ko, || serde_json::to_string(&words).unwrap());
        assert_eq!(
            json,
            "\"access denied, though nothing is bound there (security software or a policy)\""
        );
        let note = refused_elsewhere(80, &[crate::net::Protocol::Tcp], false).note;
        assert_eq!(note.english(), "the OS refused to bind port 80 though nothing is bound there");
        let korean = scoped(Lang::Ko, || note.to_string());
        assert!(korean.contains("포트 80번 바인딩을 거부했습니다"), "{korean}");
    }
}
