//! Linux's snapshot: sock_diag netlink (`sockdiag.rs`) or, without it,
//! `/proc/net/*` (`procnet.rs`), and the owners from one walk of
//! `/proc/*/fd` (`owners.rs`); "does pid P hold inode I" (`fds.rs`), which
//! the walk's second pass and `--kill`'s re-check share.

mod fds;
mod owners;
mod procnet;
mod sockdiag;

use crate::i18n::{Arg, msg};
use crate::net::Selection;
use crate::scan::{Scope, Snapshot};

pub(crate) use fds::{Held, NotHeld, held};

/// sock_diag lists every user's sockets.
pub(crate) const BLIND_SPOT: super::BlindSpot = super::BlindSpot::None;

/// Whether sock_diag may be asked: `PORTCHECK_NO_SOCK_DIAG=1` stands in
/// for a kernel without it, so the fallback is tested end to end.
fn sock_diag_allowed() -> bool {
    std::env::var_os("PORTCHECK_NO_SOCK_DIAG").is_none()
}

/// [`crate::scan::second_look`]: sock_diag is asked for the TCP sockets of
/// `ports` that are not listening (`Scope::Rest`); the first look's
/// listeners and UDP sockets on `ports` are added, and the owners of all
/// are found with one walk. Where sock_diag cannot answer, `/proc/net` is
/// read whole, as for any scan.
pub(super) fn second_look(
    select: Selection,
    ports: &[u16],
    first: &Snapshot,
) -> anyhow::Result<Snapshot> {
    let rest =
        if sock_diag_allowed() { sockdiag::sockets(select, Scope::Rest(ports)).ok() } else { None };
    let Some(mut sockets) = rest else { return snapshot(select, Scope::AnyState(ports), true) };
    let seen = Scope::Ports(ports);
    sockets
        .extend(first.sockets.iter().filter(|s| seen.wants(s.protocol, s.port, s.state)).cloned());
    let mut snap = Snapshot { sockets, ..Snapshot::default() };
    fill_owners(&mut snap);
    Ok(snap)
}

pub(super) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    owners: bool,
) -> anyhow::Result<Snapshot> {
    let mut snap = Snapshot::default();
    // PORTCHECK_NO_SOCK_DIAG=1 stands in for a kernel without sock_diag,
    // so the fallback is tested end to end.
    let diag = if sock_diag_allowed() {
        sockdiag::sockets(select, scope).map_err(|err| Arg::from(format!("{err:#}")))
    } else {
        Err(Arg::from(msg!("scan-sock-diag-disabled")))
    };
    match diag {
        Ok(sockets) => snap.sockets = sockets,
        Err(why) => {
            snap.notes.push(msg!("scan-no-sock-diag", error = why));
            snap.sockets = procnet::sockets(select, scope)?;
        }
    }
    if owners {
        fill_owners(&mut snap);
    }
    Ok(snap)
}

/// Fills in every socket's holders with one `/proc` walk (none when no
/// socket holds its port).
fn fill_owners(snap: &mut Snapshot) {
    let inodes = crate::net::sorted_unique(
        snap.sockets.iter().filter(|s| s.state.holds_port()).map(|s| s.inode),
    );
    if inodes.is_empty() {
        // Nothing to walk for, but what hides processes is still worth
        // knowing for the report.
        snap.hidepid = owners::hidepid();
        return;
    }
    match owners::find(&inodes) {
        Ok(found) => {
            let me = std::process::id();
            let mut mine = Vec::new();
            for s in &mut snap.sockets {
                s.pids = found.holders(s.inode).to_vec();
                // A socket portcheck inherited from whatever ran it: not
                // a holder of its own (else `--kill` refuses "portcheck
                // itself" and spares every co-holder), but said.
                if let Ok(i) = s.pids.binary_search(&me) {
                    s.pids.remove(i);
                    mine.push(s.port);
                }
            }
            for port in crate::net::sorted_unique(mine) {
                snap.notes.push(msg!("scan-inherited", port = port));
            }
            snap.unreadable = found.unreadable;
            snap.hidepid = found.hidepid;
            snap.out_of_fds = found.out_of_fds;
            if snap.sockets.iter().any(|s| s.state.holds_port() && s.pids.is_empty()) {
                snap.child_pid_ns = owners::in_child_pid_namespace();
            }
        }
        // No /proc: the sockets are still real; their owners are unknown,
        // and the report says why.
        Err(err) => snap.proc_error = Some(format!("{err:#}")),
    }
}
