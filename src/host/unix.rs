//! Host facts on Unix: the effective uid, getifaddrs(3), if_nameindex(3),
//! and how to get full privilege (sudo).

use std::net::IpAddr;

use super::Interfaces;
use crate::i18n::{Msg, msg};

/// How a holder portcheck cannot see is explained, and what to do:
/// "without root; run with sudo".
pub(crate) fn hidden_hint() -> Msg {
    msg!("host-hidden-hint-sudo")
}

/// What to tell the user when a target belongs to another user.
pub(crate) fn denied_hint() -> Msg {
    let [_, hint, _] = denied_words(is_root());
    hint
}

/// The advice of a refused action, on its own: "run with sudo".
pub(crate) fn elevate() -> Msg {
    msg!("host-elevate-sudo")
}

/// Who a process portcheck may not signal belongs to.
pub(crate) fn denied_who() -> Msg {
    let [who, _, _] = denied_words(is_root());
    who
}

/// The advice beside a signal that was denied: sudo, unless portcheck
/// already runs as root, where sudo would change nothing.
pub(crate) fn denied_fix() -> Msg {
    let [_, _, fix] = denied_words(is_root());
    fix
}

/// A denied signal's words (who the process is, the hint, the fix): as
/// root it is not another user's process, and sudo would not help.
fn denied_words(root: bool) -> [Msg; 3] {
    if root {
        [
            msg!("host-denied-who-protected"),
            msg!("host-denied-hint-root"),
            msg!("host-denied-fix-root"),
        ]
    } else {
        [msg!("host-denied-who-user"), msg!("host-denied-hint-sudo"), elevate()]
    }
}

/// Whether portcheck runs as root (and so sees every process).
pub(crate) fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Every address of every interface (up or not), the broadcast addresses,
/// and the interfaces' names by index.
pub(crate) fn interfaces() -> Interfaces {
    let mut out = Interfaces::default();
    let ip = |a: &nix::sys::socket::SockaddrStorage| {
        if let Some(v4) = a.as_sockaddr_in() {
            return Some(IpAddr::V4(v4.ip()));
        }
        a.as_sockaddr_in6().map(|v6| IpAddr::V6(v6.ip()))
    };
    if let Ok(ifs) = nix::ifaddrs::getifaddrs() {
        for i in ifs {
            let up = i.flags.contains(nix::net::if_::InterfaceFlags::IFF_UP);
            if let Some(a) = i.address.as_ref().and_then(ip) {
                out.addresses.push((i.interface_name.clone(), a, up));
            }
            if let Some(b) = i.broadcast.as_ref().and_then(ip) {
                out.broadcast.push(b);
            }
        }
    }
    if let Ok(names) = nix::net::if_::if_nameindex() {
        out.names =
            names.iter().map(|n| (n.index(), n.name().to_string_lossy().into_owned())).collect();
    }
    out
}

/// Whether `e` is nix's EACCES or EPERM: the OS refused an operation.
pub(crate) fn is_os_permission_error(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<nix::errno::Errno>()
        .is_some_and(|n| matches!(n, nix::errno::Errno::EACCES | nix::errno::Errno::EPERM))
}

/// A Unix terminal takes escape sequences as they are.
pub(crate) fn terminal_takes_colour() -> bool {
    true
}

/// The columns of the terminal on stdout (TIOCGWINSZ), as it reports
/// them: 0 from a terminal that was never given a size; `None` when
/// stdout is no terminal.
pub(crate) fn terminal_columns() -> Option<u16> {
    rustix::termios::tcgetwinsize(std::io::stdout()).ok().map(|size| size.ws_col)
}

/// Opens `path` for reading as a plain file or not at all: a symlink is
/// not followed (O_NOFOLLOW: ELOOP), a FIFO does not block the open
/// (O_NONBLOCK), a terminal does not become the controlling one
/// (O_NOCTTY). The caller checks what it opened before reading.
pub(crate) fn open_plain(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use nix::libc::{O_NOCTTY, O_NOFOLLOW, O_NONBLOCK};
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK | O_NOFOLLOW | O_NOCTTY)
        .open(path)
}

/// Whether two paths name the same directory entry's file: device and
/// inode of each, the last component not followed (a venv's `python`
/// symlink is not the system python it points to).
pub(crate) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::symlink_metadata(a), std::fs::symlink_metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// This machine's name (gethostname).
pub(crate) fn name() -> Option<String> {
    nix::unistd::gethostname().ok()?.into_string().ok()
}

/// portcheck's own user id (effective).
pub(crate) fn my_uid() -> Option<u32> {
    Some(nix::unistd::geteuid().as_raw())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    /// As root a denied signal is no other user's and sudo is no advice.
    #[test]
    fn a_signal_denied_to_root_does_not_advise_sudo() {
        let english = |root| denied_words(root).map(|m| m.english());
        assert_eq!(
            english(false),
            ["belongs to another user", "run with sudo to stop it", "run with sudo"]
        );
        let root = english(true);
        assert!(root.iter().all(|w| !w.contains("run with sudo")), "{root:?}");
        assert!(root[0].contains("even from root"), "{root:?}");
        assert_eq!(denied_fix(), denied_words(is_root())[2]);
    }

    /// The privilege words in Korean keep `sudo` as it is and are whole
    /// clauses (said after "프로세스를 보려면"); English as before.
    #[test]
    fn the_privilege_words_keep_sudo_in_korean() {
        let all = || {
            let [who, hint, _] = denied_words(false);
            [hidden_hint(), hint, elevate(), who].map(|m| m.to_string())
        };
        assert_eq!(
            all(),
            [
                "without root; run with sudo",
                "run with sudo to stop it",
                "run with sudo",
                "belongs to another user"
            ]
        );
        let korean = scoped(Lang::Ko, all);
        assert_eq!(korean[2], "sudo로 실행하세요");
        assert!(korean[..3].iter().all(|w| w.contains("sudo로 실행하세요")), "{korean:?}");
        assert_eq!(korean[3], "다른 사용자의 프로세스임");
    }
}
