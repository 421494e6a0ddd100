#!/usr/bin/env python3
"""A busy machine in miniature, for benchmarking portcheck against ss & co.

Builds, with the Python standard library only:

* N sleeping processes (os.fork), each holding about 23 fds: stdin/out/err,
  6 opened files, 4 pipes and 3 unix socketpairs;
* M TCP listeners, all in one process, on loopback ports 10000 and up
  (every fourth on [::1] when IPv6 works), never on 5000 or 5999;
* a prefork group on 0.0.0.0:5000: a master and 3 workers sharing ONE
  listening socket (all four hold it);
* C established loopback TCP connections, both ends held open, spread over
  holder processes of at most --per-holder connections each (each holder
  also keeps its own listener on port 6000 + k open).

Prints `PGID <pgid>`, `PREFORK <master> <w1> <w2> <w3>` and finally a line
starting with `READY` on stdout, then holds everything until stdin reaches
EOF or a SIGTERM/SIGINT/SIGHUP arrives (with --no-stdin: until a signal).
It then kills the load's whole process group and reaps it.

Every load process sits in one process group (led by an "anchor" process,
not by this controller), has PR_SET_PDEATHSIG set so it dies with its
parent even if the controller is SIGKILLed, and the controller is a child
subreaper so orphaned workers are reaped too.

Usage: loadgen.py [-n N] [-m M] [-c C] [--pidfile FILE] [--no-stdin]
Environment defaults: BENCH_N, BENCH_M, BENCH_C.
"""

import argparse
import ctypes
import errno
import gc
import os
import resource
import select
import signal
import socket
import struct
import sys
import tempfile
import time

PREFORK_PORT = 5000
FREE_PORT = 5999
LISTENER_BASE = 10000
LISTENER_SPAN = 20000  # ports 10000..29999: below the ephemeral range
HOLDER_BASE = 6000

PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15
PR_SET_CHILD_SUBREAPER = 36

_libc = ctypes.CDLL(None, use_errno=True)
_stop = False


def prctl(option, arg):
    _libc.prctl(option, ctypes.c_ulong(arg), 0, 0, 0)


def set_name(name):
    buf = ctypes.create_string_buffer(name.encode()[:15])
    _libc.prctl(PR_SET_NAME, buf, 0, 0, 0)


def log(msg):
    sys.stderr.write(f"loadgen: {msg}\n")
    sys.stderr.flush()


def raise_nofile(want):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= want:
        return soft
    try:
        new_hard = max(hard, want) if hard != resource.RLIM_INFINITY else hard
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, new_hard))
        return want
    except (ValueError, OSError):
        if hard == resource.RLIM_INFINITY or hard >= want:
            raise
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        return hard


def child_setup(pgid, name, parent):
    """First thing in every forked load process."""
    if pgid:
        try:
            os.setpgid(0, pgid)
        except OSError:
            pass
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    # stdin and stdout go nowhere (a reader waiting for the controller's
    # output to end must not wait for the load); stderr stays for errors.
    null = os.open("/dev/null", os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)
    set_name(name)


def hold_forever():
    while True:
        signal.pause()


def fork_child(pgid, name, body):
    """Forks a load process that runs body() and then holds forever.
    Returns its pid. body gets no arguments; failures end the child."""
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            child_setup(pgid, name, parent)
            body()
            hold_forever()
        except BaseException as e:  # noqa: BLE001 - report and die
            try:
                log(f"{name} ({os.getpid()}): {e!r}")
            except BaseException:
                pass
        finally:
            os._exit(code)
    if pgid:
        try:
            os.setpgid(pid, pgid)
        except OSError:
            pass
    return pid


def report_ok(wfd, text="OK"):
    os.write(wfd, (text + "\n").encode())
    os.close(wfd)


def read_reply(rfd, what, timeout):
    """Reads one line a child writes to rfd when it is ready."""
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuntimeError(f"{what}: not ready after {timeout}s")
        r, _, _ = select.select([rfd], [], [], left)
        if r:
            chunk = os.read(rfd, 4096)
            if not chunk:
                raise RuntimeError(f"{what}: died before it was ready")
            data += chunk
    os.close(rfd)
    line = data.decode().strip()
    if not line.startswith("OK"):
        raise RuntimeError(f"{what}: {line}")
    return line[2:].strip()


# ---- the load's parts -------------------------------------------------------


def sleeper_body(wfd, files_dir):
    """Holds 23 fds: 0-2 on /dev/null, 6 files, 4 pipes, 3 socketpairs."""
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    keep = []
    keep.append(os.open(__file__, os.O_RDONLY))
    keep.append(os.open(sys.executable, os.O_RDONLY))
    keep.append(os.open("/dev/null", os.O_RDONLY))
    keep.append(os.open("/dev/null", os.O_WRONLY))
    keep.append(os.open("/dev/zero", os.O_RDONLY))
    keep.append(os.open(files_dir, os.O_RDONLY | os.O_DIRECTORY))
    for _ in range(4):
        keep.extend(os.pipe())
    pairs = [socket.socketpair() for _ in range(3)]
    keep.extend(s.detach() for pair in pairs for s in pair)
    os.write(wfd, b".")
    os.close(wfd)


def start_sleepers(n, pgid, files_dir, timeout):
    if n <= 0:
        return []
    rfd, wfd = os.pipe()
    pids = []
    parent = os.getpid()
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            try:
                os.close(rfd)
                child_setup(pgid, "lg-sleeper", parent)
                sleeper_body(wfd, files_dir)
                hold_forever()
            except BaseException:
                try:
                    os.write(wfd, b"!")
                except BaseException:
                    pass
            finally:
                os._exit(1)
        try:
            os.setpgid(pid, pgid)
        except OSError:
            pass
        pids.append(pid)
    os.close(wfd)
    got = 0
    deadline = time.monotonic() + timeout
    while got < n:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuntimeError(f"sleepers: only {got} of {n} ready after {timeout}s")
        r, _, _ = select.select([rfd], [], [], left)
        if not r:
            continue
        chunk = os.read(rfd, 65536)
        if not chunk:
            raise RuntimeError(f"sleepers: only {got} of {n} ready, the rest died")
        if b"!" in chunk:
            raise RuntimeError("sleepers: a sleeper failed to open its fds (fd or pid limit?)")
        got += len(chunk)
    os.close(rfd)
    return pids


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def start_listeners(m, pgid, timeout):
    if m <= 0:
        return None
    use_v6 = ipv6_loopback()
    rfd, wfd = os.pipe()

    def body():
        os.close(rfd)
        raise_nofile(m + 64)
        held = []
        v6 = 0
        for i in range(m):
            port = LISTENER_BASE + i % LISTENER_SPAN
            block = i // LISTENER_SPAN
            if use_v6 and block == 0 and i % 4 == 3:
                s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                addr = ("::1", port)
                v6 += 1
            else:
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                addr = (f"127.0.{block}.1", port)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(addr)
            s.listen(16)
            held.append(s)
        globals()["_held"] = held
        report_ok(wfd, f"OK {m} listeners ({v6} on ::1)")

    pid = fork_child(pgid, "lg-listeners", body)
    os.close(wfd)
    return pid, read_reply(rfd, "listeners", timeout)


def start_prefork(pgid, timeout):
    rfd, wfd = os.pipe()

    def body():
        os.close(rfd)
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", PREFORK_PORT))
        s.listen(128)
        globals()["_held"] = s
        master = os.getpid()
        workers = []
        for _ in range(3):
            pid = os.fork()
            if pid == 0:
                try:
                    os.close(wfd)
                    child_setup(0, "lg-worker", master)
                    hold_forever()
                finally:
                    os._exit(1)
            workers.append(pid)
        # The workers are ready once forked: they hold the socket from fork.
        report_ok(wfd, "OK " + " ".join(str(p) for p in [master] + workers))

    pid = fork_child(pgid, "lg-prefork", body)
    os.close(wfd)
    pids = [int(p) for p in read_reply(rfd, "prefork group", timeout).split()]
    return pid, pids


def start_conn_holder(k, count, pgid, timeout):
    rfd, wfd = os.pipe()

    def body():
        os.close(rfd)
        raise_nofile(2 * count + 64)
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", HOLDER_BASE + k))
        srv.listen(4096)
        addr = srv.getsockname()
        held = [srv]
        # Linger 0: when the load is killed its connections end with a RST
        # instead of leaving TIME_WAIT sockets behind to skew the next load.
        linger = struct.pack("ii", 1, 0)
        for _ in range(count):
            c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            c.connect(addr)
            a, _ = srv.accept()
            a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            held.append(c)
            held.append(a)
        globals()["_held"] = held
        report_ok(wfd, f"OK {count}")

    pid = fork_child(pgid, f"lg-conns{k}", body)
    os.close(wfd)
    return pid, read_reply(rfd, f"connection holder {k}", timeout)


# ---- bookkeeping --------------------------------------------------------------


def group_members(pgid):
    """Pids whose process group is pgid, read from /proc/*/stat."""
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            out.append(int(name))
    return out


def count_fds(pids):
    total = 0
    for pid in pids:
        try:
            total += len(os.listdir(f"/proc/{pid}/fd"))
        except OSError:
            pass
    return total


def reap(block_until):
    """Reaps children (and orphans: we are a subreaper) until none is left or
    the deadline passes. Returns True when no child is left."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            if time.monotonic() >= block_until:
                return False
            time.sleep(0.02)


def teardown(pgid):
    if not pgid:
        return
    for attempt in range(5):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        reap(time.monotonic() + 5)
        left = group_members(pgid)
        if not left:
            return
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    left = group_members(pgid)
    if left:
        log(f"WARNING: {len(left)} load processes survived: {left[:10]}")


def on_signal(signum, _frame):
    global _stop
    _stop = True


def wait_for_stop(watch_stdin):
    while not _stop:
        fds = [0] if watch_stdin else []
        try:
            r, _, _ = select.select(fds, [], [], 0.5)
        except InterruptedError:
            continue
        if r:
            try:
                data = os.read(0, 4096)
            except OSError:
                data = b""
            if not data:
                return "stdin closed"
    return "signal"


def main():
    env = os.environ
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", "--sleepers", type=int, default=int(env.get("BENCH_N", 1000)))
    p.add_argument("-m", "--listeners", type=int, default=int(env.get("BENCH_M", 2000)))
    p.add_argument("-c", "--connections", type=int, default=int(env.get("BENCH_C", 3000)))
    p.add_argument("--per-holder", type=int, default=5000,
                   help="established connections per holder process (default 5000)")
    p.add_argument("--pidfile", help="write the prefork group's 4 pids here, one a line")
    p.add_argument("--no-stdin", action="store_true",
                   help="ignore stdin; stop on SIGTERM/SIGINT/SIGHUP only")
    p.add_argument("--timeout", type=float, default=300, help="seconds allowed for each part")
    a = p.parse_args()
    if a.listeners > 4 * LISTENER_SPAN:
        p.error(f"at most {4 * LISTENER_SPAN} listeners")
    try:
        with open("/proc/sys/kernel/pid_max") as f:
            pid_max = int(f.read())
        running = sum(1 for d in os.listdir("/proc") if d.isdigit())
        need = a.sleepers + 16 + a.connections // max(a.per_holder, 1)
        if running + need > pid_max:
            p.error(f"{need} more processes would pass kernel.pid_max ({pid_max}, "
                    f"{running} running); lower -n or raise the sysctl")
    except OSError:
        pass

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    # Fork-friendly: no GC walks dirtying every page in 1000s of children.
    gc.collect()
    gc.freeze()
    gc.disable()

    files_dir = tempfile.mkdtemp(prefix="portcheck-loadgen-")
    pgid = 0
    started = time.monotonic()
    try:
        # The anchor leads the load's process group and holds nothing.
        me = os.getpid()
        anchor = os.fork()
        if anchor == 0:
            try:
                os.setpgid(0, 0)
                child_setup(0, "lg-anchor", me)
                hold_forever()
            finally:
                os._exit(1)
        try:
            os.setpgid(anchor, anchor)
        except OSError:
            pass
        pgid = anchor
        print(f"PGID {pgid}", flush=True)

        _, prefork = start_prefork(pgid, a.timeout)
        if a.pidfile:
            with open(a.pidfile, "w") as f:
                f.write("".join(f"{pid}\n" for pid in prefork))
        print("PREFORK " + " ".join(map(str, prefork)), flush=True)

        listeners = start_listeners(a.listeners, pgid, a.timeout)
        if listeners:
            log(listeners[1])

        holders = 0
        left = a.connections
        while left > 0:
            count = min(left, a.per_holder)
            start_conn_holder(holders, count, pgid, a.timeout)
            holders += 1
            left -= count

        sleepers = start_sleepers(a.sleepers, pgid, files_dir, a.timeout)

        members = group_members(pgid)
        fds = count_fds(members)
        print(
            f"READY sleepers={len(sleepers)} listeners={max(a.listeners, 0)} "
            f"connections={max(a.connections, 0)} holders={holders} "
            f"load_processes={len(members)} load_fds={fds} "
            f"setup_s={time.monotonic() - started:.1f}",
            flush=True,
        )
        why = wait_for_stop(not a.no_stdin)
        log(f"stopping ({why})")
        return 0
    except Exception as e:  # noqa: BLE001
        log(f"FAILED: {e}")
        print(f"FAILED {e}", flush=True)
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        teardown(pgid)
        try:
            os.rmdir(files_dir)
        except OSError:
            pass
        log("stopped")


if __name__ == "__main__":
    sys.exit(main())
