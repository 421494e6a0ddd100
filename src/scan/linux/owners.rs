//! Which processes hold which sockets, by one walk of `/proc/*/fd`.
//!
//! Reading every fd link is the one cost no tool can avoid, so the walk
//! pays little else: `openat`, `getdents64` and `readlinkat` relative to
//! directory fds, fixed stack buffers (no allocation per fd), a binary
//! search in the sorted wanted inodes, and the pids handed out to every
//! core in small batches. A socket shared by forked workers or passed to a child shows up
//! in every process that has it open, so every holder is found.

use std::collections::HashMap;
use std::ffi::CStr;
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use rustix::fs::{CWD, Mode, OFlags, RawDir, openat, readlinkat_raw};
use rustix::io::Errno;

use super::fds::socket_inode;

/// Below this many processes one thread walks them all: a thread costs more
/// than it saves.
const PARALLEL_MIN: usize = 256;

/// The holders found for the wanted inodes.
#[derive(Debug, Default)]
pub(crate) struct Owners {
    by_inode: HashMap<u64, Vec<u32>>,
    /// Processes whose fd table could not be read (EACCES: another user's
    /// process without root), sorted.
    pub(crate) unreadable: Vec<u32>,
    /// `/proc` is mounted with `hidepid=1|2|invisible|noaccess`: other
    /// users' processes may be missing from it altogether.
    pub(crate) hidepid: bool,
    /// The walk ran out of file descriptors (EMFILE): some processes were
    /// not read.
    pub(crate) out_of_fds: bool,
}

impl Owners {
    /// The sorted pids holding `inode`.
    pub(crate) fn holders(&self, inode: u64) -> &[u32] {
        self.by_inode.get(&inode).map_or(&[], Vec::as_slice)
    }
}

/// Walks `/proc` once and returns, for each inode of `wanted` (sorted,
/// unique), every process that has it open.
pub(crate) fn find(wanted: &[u64]) -> anyhow::Result<Owners> {
    let proc =
        openat(CWD, c"/proc", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())
            .context("cannot open /proc")?;
    let pids = list_pids(&proc).context("cannot list /proc")?;
    if !pids.contains(&std::process::id()) {
        anyhow::bail!("/proc does not list this process: it is not a usable procfs");
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let queue = Queue { pids: &pids, next: AtomicUsize::new(0) };
    let parts: Vec<Part> = if threads < 2 || pids.len() < PARALLEL_MIN {
        vec![walk(&proc, &queue, wanted)]
    } else {
        // Processes with many fds sit next to each other in pid order, so
        // the threads take small batches from a shared cursor instead of
        // fixed halves. This thread works too.
        // A thread that cannot be spawned (`ulimit -u`, a cgroup's
        // `pids.max`, little address space) leaves its share to the others:
        // this thread walks whatever the queue still holds.
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads)
                .filter_map(|_| {
                    let (proc, queue) = (&proc, &queue);
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || walk(proc, queue, wanted))
                        .ok()
                })
                .collect();
            let mut parts = vec![walk(&proc, &queue, wanted)];
            // A helper that panicked lost its batch: walk everything again
            // rather than answer from part of /proc.
            let joined: Option<Vec<Part>> = helpers.into_iter().map(|h| h.join().ok()).collect();
            match joined {
                Some(rest) => parts.extend(rest),
                None => {
                    let again = Queue { pids: &pids, next: AtomicUsize::new(0) };
                    parts = vec![walk(&proc, &again, wanted)];
                }
            }
            parts
        })
    };
    let mut owners = Owners::default();
    for part in parts {
        for (inode, pid) in part.found {
            owners.by_inode.entry(inode).or_default().push(pid);
        }
        owners.unreadable.extend(part.unreadable);
        owners.out_of_fds |= part.out_of_fds;
    }
    let missing: Vec<u64> =
        wanted.iter().copied().filter(|i| !owners.by_inode.contains_key(i)).collect();
    if !missing.is_empty() {
        for (inode, pid) in hidden_holders(&pids, &missing) {
            owners.by_inode.entry(inode).or_default().push(pid);
        }
    }
    for pids in owners.by_inode.values_mut() {
        pids.sort_unstable();
        pids.dedup();
    }
    owners.unreadable.sort_unstable();
    owners.hidepid = hidepid();
    Ok(owners)
}

/// The second pass, for sockets the walk of `/proc/*/fd` left without a
/// holder only (so it costs nothing in the common case): a process can
/// hold a socket outside its fd table — a thread with a table of its own
/// (`unshare(CLONE_FILES)`: `/proc/PID/task/TID/fd`, read by
/// `fds::held_by_threads`, the check `--kill` also uses), or an `mmap` of
/// the socket (a `socket:[INODE]` line of `/proc/PID/maps`, as a packet
/// ring). It runs during the scan, never at signal time.
fn hidden_holders(pids: &[u32], missing: &[u64]) -> Vec<(u64, u32)> {
    let mut found = Vec::new();
    // A maps line ends in its path: `socket:[INODE]`.
    let inode_of = |line: &str| -> Option<u64> {
        let n = socket_inode(line.rsplit(' ').next()?.as_bytes())?;
        missing.binary_search(&n).is_ok().then_some(n)
    };
    for &pid in pids {
        let mut add = |n: u64| {
            if !found.contains(&(n, pid)) {
                found.push((n, pid));
            }
        };
        for (_, n) in super::fds::held_by_threads(pid, missing) {
            add(n);
        }
        if let Ok(maps) = std::fs::read_to_string(format!("/proc/{pid}/maps")) {
            maps.lines().filter_map(inode_of).for_each(&mut add);
        }
    }
    found
}

/// Whether portcheck runs in a child PID namespace: processes of the
/// parent namespaces are not in its `/proc`. `NSpid:` of
/// `/proc/self/status` lists more than one pid when `/proc` is a parent
/// namespace's; with a `/proc` of its own (a container, `unshare
/// --mount-proc`) it lists one, and then it is pid 2 that tells: the
/// initial namespace's `/proc` always shows the kernel thread `kthreadd`
/// there, a child namespace's never does (unless hidepid hides it).
pub(crate) fn in_child_pid_namespace() -> bool {
    let nspid = std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("NSpid:"))
            .is_some_and(|l| l.split_whitespace().count() > 1)
    });
    nspid || (!hidepid() && !pid_2_is_a_kernel_thread())
}

/// Whether `/proc/2` is a kernel thread (`PF_KTHREAD` in the flags of its
/// `stat`): `kthreadd`, in the initial PID namespace.
fn pid_2_is_a_kernel_thread() -> bool {
    const PF_KTHREAD: u64 = 0x0020_0000;
    std::fs::read_to_string("/proc/2/stat").is_ok_and(|s| {
        // After the name: state, ppid, pgrp, session, tty_nr, tpgid, flags.
        s.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(6))
            .and_then(|f| f.parse::<u64>().ok())
            .is_some_and(|flags| flags & PF_KTHREAD != 0)
    })
}

/// Whether the `/proc` in use hides other users' processes.
pub(crate) fn hidepid() -> bool {
    std::fs::read_to_string("/proc/self/mountinfo").is_ok_and(|m| {
        m.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.get(4) == Some(&"/proc")
                && l.split(" - ").nth(1).is_some_and(|opts| {
                    opts.split([',', ' ']).any(|o| {
                        o.starts_with("hidepid=") && o != "hidepid=0" && o != "hidepid=off"
                    })
                })
        })
    })
}

/// Every numeric entry of `/proc`.
fn list_pids(proc: &OwnedFd) -> rustix::io::Result<Vec<u32>> {
    let mut buf: Vec<MaybeUninit<u8>> = Vec::with_capacity(64 * 1024);
    buf.resize(64 * 1024, MaybeUninit::uninit());
    let mut pids = Vec::with_capacity(1024);
    let mut dir = RawDir::new(proc, &mut buf);
    while let Some(entry) = dir.next() {
        if let Some(pid) = parse_u32(entry?.file_name().to_bytes()) {
            pids.push(pid);
        }
    }
    Ok(pids)
}

#[derive(Default)]
struct Part {
    found: Vec<(u64, u32)>,
    unreadable: Vec<u32>,
    /// portcheck itself ran out of file descriptors (EMFILE, ENFILE)
    /// opening a process's fd table: that process was not read.
    out_of_fds: bool,
}

/// The pids left to walk, handed out in small batches.
struct Queue<'a> {
    pids: &'a [u32],
    next: AtomicUsize,
}

impl Queue<'_> {
    const BATCH: usize = 16;

    fn take(&self) -> Option<&[u32]> {
        let start = self.next.fetch_add(Self::BATCH, Ordering::Relaxed);
        (start < self.pids.len())
            .then(|| &self.pids[start..(start + Self::BATCH).min(self.pids.len())])
    }
}

fn walk(proc: &OwnedFd, queue: &Queue<'_>, wanted: &[u64]) -> Part {
    let mut part = Part::default();
    let mut dirbuf = [MaybeUninit::<u8>::uninit(); 8192];
    let mut path = [0u8; 24];
    while let Some(batch) = queue.take() {
        for &pid in batch {
            let fd_dir = match openat(
                proc,
                fd_path(&mut path, pid),
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            ) {
                Ok(fd) => fd,
                Err(Errno::ACCESS | Errno::PERM) => {
                    part.unreadable.push(pid);
                    continue;
                }
                Err(Errno::MFILE | Errno::NFILE) => {
                    part.out_of_fds = true;
                    continue;
                }
                // ENOENT/ESRCH: the process exited since /proc was listed.
                Err(_) => continue,
            };
            match walk_fds(&fd_dir, pid, wanted, &mut dirbuf, &mut part) {
                Err(Unreadable) => part.unreadable.push(pid),
                // An empty fd table: a kernel thread, or a thread-group
                // leader that has exited while its other threads run on
                // with the process's descriptors (`lsof -K` reads them).
                Ok(0) if leader_exited(proc, pid) => {
                    if let Err(Unreadable) = walk_tasks(proc, pid, wanted, &mut dirbuf, &mut part) {
                        part.unreadable.push(pid);
                    }
                }
                Ok(_) => {}
            }
        }
    }
    part
}

/// The fd links of one process could not be read.
struct Unreadable;

/// Whether `pid`'s thread-group leader has exited while other threads run
/// on: state `Z` with more than one thread in `/proc/PID/stat` (a zombie
/// whose threads are all gone has one, and nothing left to read).
fn leader_exited(proc: &OwnedFd, pid: u32) -> bool {
    let mut path = [0u8; 16];
    let mut name = [0u8; 24];
    let digits = number_cstr(&mut path, pid).to_bytes();
    name[..digits.len()].copy_from_slice(digits);
    name[digits.len()..digits.len() + 6].copy_from_slice(b"/stat\0");
    let Ok(name) = CStr::from_bytes_with_nul(&name[..digits.len() + 6]) else { return false };
    let Ok(fd) = openat(proc, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) else {
        return false;
    };
    let mut buf = [0u8; 512];
    let Ok(n) = rustix::io::read(&fd, &mut buf) else { return false };
    let stat = &buf[..n];
    // "PID (comm) S ...": the state follows the last ')', and
    // num_threads is the 18th field from it.
    let Some(rest) = stat.iter().rposition(|&b| b == b')').and_then(|i| stat.get(i + 2..)) else {
        return false;
    };
    let mut fields = rest.split(|&b| b == b' ');
    fields.next() == Some(b"Z")
        && fields.nth(16).and_then(parse_u32).is_some_and(|threads| threads > 1)
}

/// Reads the fd tables of `pid`'s other threads (`/proc/PID/task/TID/fd`),
/// crediting what they hold to `pid`: the leader has exited, the process
/// lives on. Threads share one table, so the first readable one is enough.
fn walk_tasks(
    proc: &OwnedFd,
    pid: u32,
    wanted: &[u64],
    dirbuf: &mut [MaybeUninit<u8>],
    part: &mut Part,
) -> Result<(), Unreadable> {
    let Ok(tasks) = openat(
        proc,
        format!("{pid}/task"),
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) else {
        return Ok(());
    };
    let mut tids = list_pids(&tasks).unwrap_or_default();
    tids.retain(|&t| t != pid);
    for tid in tids {
        let mut path = [0u8; 24];
        match openat(
            &tasks,
            fd_path(&mut path, tid),
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        ) {
            Ok(fd_dir) => {
                if walk_fds(&fd_dir, pid, wanted, dirbuf, part)? > 0 {
                    return Ok(());
                }
            }
            Err(Errno::ACCESS | Errno::PERM) => return Err(Unreadable),
            Err(_) => {}
        }
    }
    Ok(())
}

/// Reads every fd link of one process: a `getdents64` listing of
/// `/proc/PID/fd` and a `readlinkat` per entry. (Stopping the listing at
/// the fd count that Linux 6.2+ reports as the directory's size would save
/// the final, empty `getdents64`, but an fd opened meanwhile in a lower
/// slot would end the listing before the socket's entry.) Returns how many
/// descriptors the table has.
fn walk_fds(
    fd_dir: &OwnedFd,
    pid: u32,
    wanted: &[u64],
    dirbuf: &mut [MaybeUninit<u8>],
    part: &mut Part,
) -> Result<usize, Unreadable> {
    let mut link = [0u8; 64];
    let mut count = 0;
    let mut dir = RawDir::new(fd_dir.as_fd(), dirbuf);
    while let Some(entry) = dir.next() {
        let Ok(entry) = entry else { break };
        let name = entry.file_name();
        if name.to_bytes().first() == Some(&b'.') {
            continue;
        }
        count += 1;
        match readlinkat_raw(fd_dir, name, &mut link[..]) {
            Ok(n) => {
                if let Some(inode) = socket_inode(&link[..n])
                    && wanted.binary_search(&inode).is_ok()
                {
                    part.found.push((inode, pid));
                }
            }
            // The fd table is listable but its links are not (ptrace
            // access refused): as good as unreadable.
            Err(Errno::ACCESS | Errno::PERM) => return Err(Unreadable),
            Err(_) => {}
        }
    }
    Ok(count)
}

/// Writes the decimal digits of `n` and a NUL into `buf`.
fn number_cstr(buf: &mut [u8; 16], n: u32) -> &CStr {
    let mut digits = [0u8; 10];
    let mut v = n;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let d = &digits[i..];
    buf[..d.len()].copy_from_slice(d);
    buf[d.len()] = 0;
    CStr::from_bytes_with_nul(&buf[..=d.len()]).unwrap_or(c"")
}

/// Writes "PID/fd\0" into `buf` without allocating.
fn fd_path(buf: &mut [u8; 24], pid: u32) -> &CStr {
    let mut digits = [0u8; 16];
    let len = number_cstr(&mut digits, pid).to_bytes().len();
    buf[..len].copy_from_slice(&digits[..len]);
    buf[len..len + 4].copy_from_slice(b"/fd\0");
    CStr::from_bytes_with_nul(&buf[..len + 4]).unwrap_or(c"")
}

fn parse_u32(name: &[u8]) -> Option<u32> {
    if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(name).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_fd_paths() {
        let mut buf = [0u8; 24];
        assert_eq!(fd_path(&mut buf, 0).to_bytes(), b"0/fd");
        assert_eq!(fd_path(&mut buf, 4_294_967_295).to_bytes(), b"4294967295/fd");
    }

    #[test]
    fn finds_a_socket_far_past_a_gap_in_the_fd_numbers() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let high = rustix::io::fcntl_dupfd_cloexec(&listener, 700).unwrap();
        let inode =
            std::fs::read_link(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&high)))
                .ok()
                .and_then(|p| socket_inode(p.to_string_lossy().as_bytes()))
                .unwrap();
        drop(listener);
        held_by_this_process(inode);
    }

    /// This process holds `inode`, and nobody else does but its own
    /// children: another test of this binary forking a child shares every
    /// fd for the instant between fork and exec (they are close-on-exec).
    fn held_by_this_process(inode: u64) {
        let me = std::process::id();
        let found = find(&[inode]).unwrap();
        let holders = found.holders(inode);
        assert!(holders.contains(&me), "{holders:?}");
        for &pid in holders.iter().filter(|&&pid| pid != me) {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok();
            let ppid = stat.as_deref().and_then(|s| s.rsplit_once(')')).and_then(|(_, rest)| {
                rest.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok())
            });
            assert!(ppid.is_none_or(|p| p == me), "pid {pid} (parent {ppid:?}) holds it too");
        }
    }

    #[test]
    fn numbers_as_c_strings() {
        let mut buf = [0u8; 16];
        assert_eq!(number_cstr(&mut buf, 0).to_bytes(), b"0");
        assert_eq!(number_cstr(&mut buf, 1234).to_bytes(), b"1234");
    }

    #[test]
    fn finds_this_process_holding_its_listener() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let inode = std::fs::read_link(format!(
            "/proc/self/fd/{}",
            std::os::fd::AsRawFd::as_raw_fd(&listener)
        ))
        .ok()
        .and_then(|p| socket_inode(p.to_string_lossy().as_bytes()))
        .unwrap();
        held_by_this_process(inode);
    }
}
