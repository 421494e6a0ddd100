//! The grammars of names portcheck reads from outside — cgroup paths any
//! user can create below their delegated `user@UID.service` subtree, and
//! `systemctl list-sockets` from `$PATH` — checked per source before a
//! name becomes a word of a command to paste. A name that fails is shown
//! escaped, with what to look up; it is never put into a command.
//!
//! A leading `-` is refused everywhere, though some engines allow it: as
//! a word it would be read as an option of the command it is given to.

/// The unit types of systemd.unit(5).
const UNIT_SUFFIXES: &[&str] = &[
    ".service",
    ".socket",
    ".device",
    ".mount",
    ".automount",
    ".swap",
    ".target",
    ".path",
    ".timer",
    ".slice",
    ".scope",
];

/// A systemd unit name by systemd.unit(5): at most 255 characters, a known
/// type suffix, a non-empty prefix of ASCII letters, digits, `:`, `-`,
/// `_`, `.` and `\`, with at most one `@` (a template's instance).
pub(crate) fn unit(name: &str) -> bool {
    let Some(prefix) = UNIT_SUFFIXES.iter().find_map(|s| name.strip_suffix(s)) else {
        return false;
    };
    name.len() <= 255
        && !prefix.is_empty()
        && !prefix.starts_with(['-', '@'])
        && prefix.bytes().filter(|b| *b == b'@').count() <= 1
        && prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b":-_.\\@".contains(&b))
}

/// A container id as engines print it: 12 or 64 hexadecimal digits.
pub(crate) fn container_id(id: &str) -> bool {
    matches!(id.len(), 12 | 64) && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A Kubernetes pod uid: a UUID, `8-4-4-4-12` hexadecimal digits.
pub(crate) fn pod_uid(uid: &str) -> bool {
    let groups: Vec<&str> = uid.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An LXC container or systemd-nspawn machine name: `[A-Za-z0-9_.-]`, at
/// most 64, not starting with `-`.
pub(crate) fn machine(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && !name.starts_with('-')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
}

/// A user name that may become a word (`USER@` of `systemctl --user
/// -M`): the portable characters `[A-Za-z0-9_.-]`, a trailing `$`
/// allowed (machine accounts), at most 256, not starting with `-`. The
/// user database is outside text too (NSS, LDAP).
pub(crate) fn user(name: &str) -> bool {
    let base = name.strip_suffix('$').unwrap_or(name);
    (1..=256).contains(&base.len())
        && !base.starts_with('-')
        && base.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
}

/// A systemd unit's instance (`box` in `systemd-nspawn@box.service`) as
/// the name it was made from: systemd-escape(1) writes `-` and other
/// bytes as `\xHH`. `None` when another `\` is in it or the bytes are not
/// UTF-8.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub(crate) fn unescape_instance(instance: &str) -> Option<String> {
    let mut out = Vec::with_capacity(instance.len());
    let mut rest = instance.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let hex = rest.strip_prefix(b"x").and_then(|h| h.get(..2))?;
        out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
        rest = &rest[3..];
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_follow_systemd_unit_5() {
        for good in [
            "nginx.service",
            "code-server@ana.service",
            "system-code\\x2dserver.slice",
            "cups.socket",
            "a:b_c.d.timer",
        ] {
            assert!(unit(good), "{good}");
        }
        let long = format!("{}.service", "a".repeat(247));
        assert!(unit(&long));
        for bad in [
            "evil;touch${IFS}PWNED;.service",
            "a b.service",
            "$(id).service",
            "a\n.service",
            "nginx",
            "nginx.servic",
            ".service",
            "-x.service",
            "a@b@c.service",
            "é.service",
            &format!("{}.service", "a".repeat(248)),
        ] {
            assert!(!unit(bad), "{bad:?}");
        }
    }

    #[test]
    fn user_names() {
        for good in ["ana", "ana.smith", "svc_1", "web-01", "HOST$"] {
            assert!(user(good), "{good}");
        }
        for bad in ["", "-x", "a b", "a;b", "a\u{1b}]0;X\u{7}", "é", "$", "a$b", &"a".repeat(257)]
        {
            assert!(!user(bad), "{bad:?}");
        }
    }

    #[test]
    fn instances_are_unescaped() {
        assert_eq!(unescape_instance("box").as_deref(), Some("box"));
        assert_eq!(unescape_instance(r"my\x2dbox").as_deref(), Some("my-box"));
        assert_eq!(unescape_instance(r"\x2eweb\x2d1").as_deref(), Some(".web-1"));
        assert_eq!(unescape_instance(r"a\x3bid").as_deref(), Some("a;id"));
        for bad in [r"a\", r"a\x2", r"a\x2g", r"a\n", r"a\xff"] {
            assert_eq!(unescape_instance(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_uids_and_machine_names() {
        assert!(container_id("3f4e8c0a9b1d"));
        assert!(container_id(&"a".repeat(64)));
        for bad in ["3f4e8c0a9b1", "3f4e8c0a9b1dd", "3f4e8c0a9b1g", &"a".repeat(63)] {
            assert!(!container_id(bad), "{bad}");
        }
        assert!(pod_uid("8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2e"));
        for bad in
            ["8a9c3b2e1f2d4c3b9a8e7d6c5b4a3f2e", "8a9c3b2e-1f2d-4c3b-9a8e-7d6c5b4a3f2", "x;id"]
        {
            assert!(!pod_uid(bad), "{bad}");
        }
        assert!(machine("web1") && machine("a.b_c-d") && machine(&"a".repeat(64)));
        for bad in ["", "-n", "a b", "a;b", "a$b", "é", &"a".repeat(65)] {
            assert!(!machine(bad), "{bad:?}");
        }
    }
}
