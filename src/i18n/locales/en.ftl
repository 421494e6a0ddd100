# portcheck's messages in English: the source language, compiled in, and the
# fallback for every other language. build.rs checks that every language has
# the same ids, each with the same variables (docs/i18n.md).
#
# Rules: one message per sentence a person reads, written whole; plurals
# through a selector on a number; no terms or message references (each
# message is parsed alone, on first use); commands, flags and protocol
# words stay as they are in every language.

## --wait-free / --wait-listen (src/report/text/wait.rs)

# The label before a port whose wait ended as asked.
wait-ok = OK
# The label before a port whose wait ran out.
wait-timed-out = Timed out:
wait-free = { $label } Port { $port } is free.
# $reason: one of the refused-* messages.
wait-refused = { $label } Port { $port } cannot be bound: { $reason }; waiting does not change that.
wait-time-wait = { $label } Port { $port } still has { $count } { $count ->
        [one] connection
       *[other] connections
    } in TIME_WAIT.
# $holders: "pid 4242 (python3)", joined with ", ".
wait-held = { $label } Port { $port } is still held by { $holders }.
wait-held-unseen = { $label } Port { $port } is still held by a socket portcheck cannot see.
wait-listening = { $label } Port { $port } is listening.
wait-listening-by = { $label } Port { $port } is listening: { $holders }.
wait-nothing-listens = { $label } Nothing listens on port { $port }.
# $seconds: already formatted with two decimals ("1.50").
wait-waited = Waited { $seconds }s.

## Why a port cannot be bound although nothing holds it (Windows)

refused-excluded-range = it is inside an excluded port range
refused-exclusive-bind = another program has bound it exclusively
refused-access-denied = access denied, though nothing is bound there (security software or a policy)

## Reports and --kill (src/report/**, src/kill/**, src/shell.rs's Step)

# A sentence not yet in the catalog, said as written in every language.
as-written = { $text }

# Why --kill does not signal a holder, or what else happened to it
# (src/report/text/reasons.rs). Said after "Not signalling pid 7 (nginx): ".
# $what: one of the refusal-ns-* messages.
refusal-namespace-init = PID 1 of { $what }: signalling it would stop every process in it
refusal-container-main = PID 1 holds it: the main process of this container or namespace
refusal-init-system = PID 1 (the init system) holds it: systemd socket activation
refusal-portcheck-itself = this is portcheck itself
refusal-portcheck-parent = this is portcheck's parent (the shell or program that ran portcheck)
refusal-portcheck-ancestor = this is an ancestor of portcheck (a program that runs the shell that ran portcheck)
refusal-container-forwarder = { $name } forwards the port of a container
# $unit: a unit name, or one of the refusal-unit-of-* messages.
refusal-systemd-unit = part of systemd unit { $unit }: systemd would restart it
refusal-unit-of-user = { $unit } of user { $user } (uid { $uid })
refusal-unit-of-uid = { $unit } of uid { $uid }
refusal-vscode = { $name } is VS Code itself, forwarding the port to this machine (Remote-SSH, Dev Containers, WSL): killing it would kill the editor or its remote server
# $state: a TCP state (ESTABLISHED).
refusal-client = its only tie to port { $port } is a connection ({ $state }), not a server: portcheck does not signal clients
refusal-smb-server = pid 4 (System) holds it: the kernel's SMB server (file and printer sharing, the Server service LanmanServer)
refusal-netbios = pid 4 (System) holds it: the kernel's NetBIOS over TCP/IP ({ $port ->
        [137] name service
        [138] datagram service
       *[other] session service, for SMB
    })
refusal-http-sys = pid 4 (System) holds it: HTTP.sys, the kernel's HTTP server, for a URL a service registered (IIS, WinRM, a web service)
refusal-wsl-relay = { $name } forwards the port from a server running inside WSL (its localhost relay)
refusal-docker-desktop = { $name } publishes a port of a Docker Desktop container
refusal-windows-service = Windows service { $service } holds it: the Service Control Manager runs it and may restart it
refusal-windows-service-unnamed = a Windows service holds it ({ $name }, started by the Service Control Manager)
refusal-airplay = AirPlay Receiver (ControlCenter) holds it: macOS listens on 5000 and 7000 for AirPlay
refusal-airplay-flask = AirPlay Receiver (ControlCenter) holds it: macOS listens on 5000 and 7000 for AirPlay; Flask's default port is 5000, so `flask run` collides with it
# $product: Docker Desktop, OrbStack, Lima, Rancher Desktop.
refusal-desktop-runtime = { $name } publishes a port of a { $product } container or VM
refusal-launchd-job = { $name } is a launchd job (started by launchd as { $user }): launchd would start it again
refusal-spared = pid { $pid } ({ $name }) is not signalled and keeps port { $port } held: stopping the others would not free it, so no holder of it is signalled
# $hint: how to see every holder ("without root; run with sudo").
refusal-spared-unseen = port { $port } also has a holder that cannot be seen { $hint } to stop them all
refusal-spared-in-namespace = it runs inside the pid namespace of pid { $init } ({ $name }), whose init portcheck does not signal: stopping it alone would leave port { $port } held
refusal-let-go = it let go of the socket before the signal (or its pid now names another process); not signalled
refusal-other-namespace = its pid names another process in portcheck's pid namespace than in /proc's
refusal-proc-unproven = could not be pinned and checked (no pidfd, and /proc cannot be proven this pid namespace's (no NSpid: line of one pid), so it is not signalled by pid)
# $error: the system's error, in English.
refusal-not-pinned = could not be pinned and checked ({ $error })
refusal-signal-failed = the OS would not deliver { $signal } to it (an error other than permission denied); not signalled
refusal-shutting-down = let go of the port after the first signal and is still shutting down; not killed
# $parent: 1 when pid $pid is its parent, else 0; $how: 2 (TerminateProcess),
# 1 (SIGKILL) or 0 (another signal).
refusal-let-go-after = let go of the port after pid { $pid }{ $parent ->
        [1] {" "}(its parent)
       *[0] {""}
    } was { $how ->
        [2] ended with
       *[other] sent
    } { $signal }; { $how ->
        [2] not ended
        [1] not killed
       *[other] not signalled
    }
refusal-continued = it was stopped (Ctrl+Z or SIGSTOP): sent SIGCONT after the signal so it is delivered
refusal-traced-by = it is stopped by pid { $tracer } (a debugger or tracer): not continued, so the signal waits until the tracer lets it go
refusal-traced = it is stopped by a tracer (a debugger or tracer): not continued, so the signal waits until the tracer lets it go
# $who: "belongs to another user"; $what: "run with sudo".
refusal-denied = permission denied: pid { $pid } { $who }; { $what }
# What a pid namespace's PID 1 is the init of. $engine: docker, podman,
# containerd, CRI-O; $id: the container's id, or refusal-id-unknown.
refusal-ns-container = { $engine } container { $id }
# $pod: the pod's uid, or refusal-uid-invalid / refusal-uid-unknown.
refusal-ns-kubernetes = container { $id } of Kubernetes pod { $pod }
refusal-ns-lxc = LXC container { $id }
refusal-ns-nspawn = systemd-nspawn container { $id }
refusal-ns-sandbox-by = a pid namespace (a sandbox such as unshare or bwrap, started by pid { $pid } ({ $name }))
refusal-ns-sandbox-by-pid = a pid namespace (a sandbox such as unshare or bwrap, started by pid { $pid })
refusal-ns-sandbox = a pid namespace (a sandbox such as unshare or bwrap, started by its parent)
refusal-id-unknown = (id not known)
refusal-uid-invalid = { $uid } (not a valid uid)
refusal-uid-unknown = (uid not known)

# --kill's plan, question and results (src/report/text/kill.rs).
# A refused holder with no reason to give.
kill-refused = refused
# $why: one of the refusal-* messages.
kill-not-signalling = Not signalling pid { $pid } ({ $name }): { $why }
# A label before the command that stops a refused holder for good.
kill-stop-for-good = to stop it for good
# $why: why the holder is hidden.
kill-unseen = Port { $port }: a holder portcheck cannot see: { $why }
# $why: one of the refused-* messages.
kill-cannot-bind = Port { $port } cannot be bound ({ $why }): there is no process to stop. Instead:
# $pids: "4242 (python3), 4243 (node)"; $method: TerminateProcess.
kill-dry-run-end = Dry run: would end pid { $pids } with { $method } (no clean shutdown).
# $grace: a duration as Rust writes it (5s, 300ms).
kill-dry-run-signal = Dry run: would send { $signal } to pid { $pids }, then SIGKILL after { $grace } to any still running.
# $ports: "5000, 5001". The answer is y or n.
kill-prompt = Kill { $count } { $count ->
        [one] process
       *[other] processes
    } holding { $ports }? [y/N]
kill-declined = Nothing was killed.
# $what: one of the kill-* outcomes below.
kill-action = pid { $pid } ({ $name }): { $what }
kill-interrupted-settle = Interrupted by { $signal } during the settle window: the watch for a respawn was cut short.
kill-interrupted = Interrupted by { $signal }: stopped waiting; nothing more was sent.
kill-held-label = Held:
kill-now-held-forked = { $label } Port { $port } is now held by pid { $pid } ({ $name }), which pid { $from } forked on SIGTERM and handed the socket to before it exited: no supervisor restarts it.
kill-now-held-received = { $label } Port { $port } is now held by pid { $pid } ({ $name }), which was running before portcheck started: the socket was passed to it, it was not restarted.
# A label before the command that frees the port.
kill-to-free = to free the port
kill-terminated = terminated ({ $method }: no clean shutdown)
kill-exited-before-method = exited before { $method }
# $elevate: how to get the privilege here ("run with sudo").
kill-method-denied = { $method }: permission denied ({ $elevate })
kill-method-dry-run = would be ended with { $method } (no clean shutdown; dry run)
kill-method-still-running = { $method }: still running
kill-method-interrupted = { $method }: still running; portcheck was interrupted
kill-not-ended = not ended: { $why }
# In place of a signal's name when there was none.
kill-no-signal = no signal
kill-signal-why = { $signal }: { $why }
kill-exited-before-signal = exited before its signal
kill-exited-continued = { $signal }: exited ({ $why })
kill-exited = { $signal }: exited
kill-traced-killed = { $signal } not delivered ({ $why }); SIGKILL: killed
kill-ignored-killed = { $signal } ignored for { $grace }; SIGKILL: killed
kill-killed = { $signal }: killed
kill-signal-denied = { $signal }: permission denied ({ $elevate })
kill-not-signalled = not signalled: { $why }
kill-would-send = would send { $signal } (dry run)
kill-stuck = { $signal }: still running (stuck in the kernel?)
kill-signal-interrupted = { $signal }: still running; portcheck was interrupted
kill-unknown-parent = an unknown parent
kill-respawned-label = Respawned:
# $parent: "pid 8 (supervisord)", or kill-unknown-parent.
kill-respawned = { $label } Port { $port } was taken again by pid { $pid } ({ $name }), started by { $parent }: a supervisor restarts it.
kill-held-refused = { $label } Port { $port } cannot be bound: { $why }.
# $holders: "4242 (python3), 4243 (node)".
kill-still-held = { $label } Port { $port } is still held by pid { $holders }.
kill-still-held-unseen = { $label } Port { $port } is still held by a process portcheck cannot see.
kill-unknown-label = Unknown:
kill-unknown-port = { $label } Port { $port }: no holder is left in the socket table, but portcheck cannot bind it to prove it free.
kill-free-label = Free:
kill-was-free = { $label } Port { $port } was already free: there was nothing to stop.
kill-freed-label = Freed:
kill-freed = { $label } Port { $port } is free now.
# Shared by the reports: a note below a report.
report-note = note: { $note }

# The report on ports and the listing (src/report/text/{mod,ports,listing}.rs,
# src/report/{mod,life}.rs). The exposure words of the table's column.
report-exposure-local = local
report-exposure-network = network
report-exposure-interface = interface
report-exposure-nowhere = nowhere
# In place of a process, when none is found for a socket.
report-no-process = no process found
# What the per-address probe did.
report-tried = bound and listened as a development server does, and released
# $note: how a pasted address was read ("127.0.0.1:5000 → port 5000");
# $at: the address and port; $tried: report-tried.
report-pasted-unknown = { $note }; whether a server could start on { $at } is unknown: { $why }
report-pasted-ok = { $note }; a server could start on { $at } now ({ $tried })
report-pasted-taken = { $note }; a server could not start on { $at } now: it is taken
report-unknown-line = cannot tell whether port { $port } is free: { $why }
report-port = Port { $port }
report-unknown = unknown
# The table's column headings.
report-col-proto = PROTO
report-col-address = ADDRESS
report-col-state = STATE
report-col-exposure = EXPOSURE
report-col-pid = PID
report-col-user = USER
report-col-command = COMMAND
report-cannot-be-bound = cannot be bound
report-in-use = in use
report-what-to-do = what to do:
report-answers-at = it answers at { $url }
report-answers-at-not = it answers at { $url }, not { $not }
# $addrs: "0.0.0.0, 127.0.0.1".
report-could-start = could start on { $addrs }
report-could-not-start = could not start on { $addrs }
report-start-unknown = on { $addr } unknown ({ $why })
# $parts: report-could-start and the others, joined with "; ".
report-beside = a second server on port { $port } { $parts } (each tried: { $tried })
# The pieces of a holder's life; $who: "pid 4242 (python3)".
report-life-at = , at { $time }
# $ago: one of report-*-ago.
report-life-age = ; started { $ago }
# $chain: the ancestors, "900 (bash) < 800 (sshd)".
report-life-under = ; now under { $chain }
# $age, $at, $under: report-life-age, -at, -under, or empty.
report-life-exited = { $who }: its parent (the reloader) has exited{ $age }{ $at }{ $under }
report-life-started-by = { $who }: started by { $chain }{ $at }
report-life-stopped = { $who } is stopped (Ctrl+Z): it holds the port but answers nothing; in its terminal: `fg`, then Ctrl+C, or `kill %1`
report-life-traced = { $who } is traced (held by a debugger or tracer such as gdb or strace): it answers nothing until that lets it go
report-exposure-not-listening = bound without listening: nothing can connect to it until it listens
report-meaning-loopback = loopback: reachable from this machine only
report-meaning-all-interfaces = all interfaces: reachable from other machines on the network
report-meaning-specific = one address: reachable through that interface only
report-meaning-unassigned = an address no interface of this machine has: not reachable until one takes it
# $addrs: up to three "192.168.0.7:5000", joined with ", ".
report-reachable-at = , at { $addrs }
report-reachable-at-more = , at { $addrs } and { $more } more
report-may-take-ipv4 = ; may also take IPv4 (whether it set IPV6_V6ONLY is not known here)
report-warning-label = warning:
report-free-both = bound and released on the wildcard address: IPv4 and IPv6
report-free-ipv4 = bound and released on the wildcard address: IPv4
report-free-ipv6 = bound and released on the wildcard address: IPv6
report-free-no-ipv6 = IPv6 is not available on this host: nothing was bound
report-free-label = Free:
# $ports: the ports with their classes, "80 (well-known), 8000 (registered)".
report-free-unchecked = { $label } { $ports }  (no socket bound; portcheck may not bind it, so it was not bind-checked)
report-free-ephemeral = { $label } { $ports } inside the ephemeral range { $low }-{ $high }: outgoing connections may take { $count ->
        [one] it
       *[other] them
    } (portcheck --suggest finds a port outside it)
report-note-port = note ({ $port }): { $note }
report-next-steps = next steps:
# $pids: "4242, 4243".
report-stop-pids = stop pid { $pids }
# $or: 1 after another step, else 0; $why: why the lines below start the server so.
report-use-port-why = { $or ->
        [1] {"or "}
       *[0] {""}
    }use port { $port } ({ $why }):
report-move-it = { $or ->
        [1] {"or "}
       *[0] {""}
    }move it ({ $why }):
report-use-port = { $or ->
        [1] {"or "}
       *[0] {""}
    }use port { $port }
# $class: one of the port-class-* messages.
report-class-port = { $class } port ({ $low }-{ $high })
report-privileged = privileged (below { $start }: binding needs root)
report-in-ephemeral = inside the ephemeral range { $low }-{ $high } (outgoing connections may take it)
report-class = { $class }
# A long list of ports shortened: $first, the first five; $last, the last.
report-many-ports = { $first }, …, { $last } ({ $count } ports)
report-many-ports-class = { $first }, …, { $last } ({ $count } ports, { $class })
report-just-now = just now
report-minutes-ago = { $count } { $count ->
        [one] minute
       *[other] minutes
    } ago
report-hours-ago = { $count } { $count ->
        [one] hour
       *[other] hours
    } ago
report-days-ago = { $count } { $count ->
        [one] day
       *[other] days
    } ago
listing-none = No listening sockets.

# --suggest on a terminal (src/report/text/suggest.rs).
# $holder: "pid 4242 (python3): COMMAND", or suggest-unseen-holder.
suggest-taken-by = Port { $port } is taken by { $holder }
suggest-unseen-holder = a process portcheck cannot see
suggest-taken = Port { $port } is taken (something is bound to it).
suggest-note-label = note:
suggest-free-label = { $count ->
        [one] Free port:
       *[other] Free ports:
    }
# --kill's manual way (src/report/text/by_hand.rs, src/kill/sys/): labels
# before a command.
kill-by-hand = by hand

# How to stop for good what --kill refuses (src/kill/policy.rs): shown
# above the command to paste, or alone when there is none.
policy-close-connection = close that connection in { $name }, or end the process
policy-container-main = find the container (podman ps for podman), then stop it by that name with docker stop
policy-vscode = close it in VS Code's Ports panel (or stop forwarding port { $port })
# $engine: docker or podman.
policy-published-by = find the container that publishes port { $port }, then stop it by that name with { $engine } stop
# $stop: the command that stops a container ("docker stop").
policy-find-container = find the container, then stop it by that name with { $stop }
policy-lxc = for LXC (under LXD: lxc stop { $name })
# $id: the name that is not valid; $stop: "lxc-stop -n".
policy-invalid-name = its name ({ $id }) is not a valid name: find it, then stop it by that name with { $stop }
policy-sandbox = stop the sandbox where it was started, or end the whole namespace
# $uid: the pod's uid, or refusal-uid-invalid / refusal-uid-unknown.
policy-kubernetes = find the pod with uid { $uid }, then scale down or delete its workload by that name (it restarts a deleted pod)
policy-user-instance-run = it runs in the systemd instance of uid { $uid }, whose user name ({ $user }) is put in no command: as that user, run
policy-user-instance-invalid = it runs in the systemd instance of uid { $uid }, whose user name ({ $user }) is put in no command, and its unit name ({ $unit }) is not a valid systemd unit name: as that user, find the unit, then stop it by that name with systemctl --user stop
# $whose: "sudo systemctl" or "systemctl --user -M ana@".
policy-invalid-unit = its unit name ({ $unit }) is not a valid systemd unit name: find the unit, then stop it by that name with { $whose } stop
policy-socket-unit = find the socket unit listening on port { $port }, then stop it by that name with sudo systemctl stop

# How to stop the platforms' holders that --kill refuses
# (src/kill/holders/macos.rs, windows.rs).
holders-airplay-off = turn it off: System Settings → General → AirDrop & Handoff → AirPlay Receiver (or run Flask on another port: flask run --port 5001)
holders-launchd = find the label of { $name }'s job, then stop it by that name with sudo launchctl bootout system/ followed by the label
holders-wsl = stop the server inside WSL (run portcheck there for port { $port }), or stop WSL, every distribution of it
holders-admin-terminal = from an Administrator terminal
holders-find-service = find the service, then stop it by that name with sc.exe stop
holders-smb-stop = from an Administrator terminal; it stops file and printer sharing
holders-netbios-off = turn off NetBIOS over TCP/IP in the adapter's IPv4 settings (Advanced, WINS)
holders-http-sys = find the registration and its process, then stop that service by its name with sc.exe stop

# What --kill says of itself (src/kill/{mod,plan,settle}.rs, src/kill/sys/).
# $who: "belongs to another user"; $hint: "run with sudo".
kill-problem-denied = permission denied: pid { $pids } { $who }; { $hint }
# $hint: "without root; run with sudo".
kill-problem-hidden = permission denied: port { $ports } has a holder that cannot be seen { $hint }
# $settle: a duration as Rust writes it (2s).
kill-note-settle-cut = interrupted by { $signal } during the { $settle } settle window: the watch for a respawn was cut short
plan-by-vscode = pid { $pid } was started by VS Code: stop it in VS Code (Shift+F5), the clean stop
plan-under-debugpy = pid { $pid } runs under debugpy: its debugpy adapter exits with it
plan-under-debugpy-waiting = pid { $pid } runs under debugpy (it waits for a client with --wait-for-client): its debugpy adapter exits with it
plan-adapter-waiting = pid { $pid } is debugpy's adapter: the program it debugs, pid { $debuggee }, keeps running, forever (it waits for a client with --wait-for-client); stop it too, by its own port
plan-adapter = pid { $pid } is debugpy's adapter: the program it debugs, pid { $debuggee }, keeps running; stop it too, by its own port
plan-adapter-unknown = pid { $pid } is debugpy's adapter: the program it debugs keeps running (forever, if it was started with --wait-for-client); stop that one by its own port
settle-end-holder = end pid { $pid }, which holds the socket now
settle-find-service = find the service that starts it, then stop it by that name
settle-end-parent = end the parent that restarts it, pid { $parent }, then the server it started, pid { $pid }
# $why: one of the sys-* reasons below.
sys-proc-refused = --kill refused: { $why }; run portcheck where /proc is its own (mount one: unshare --pid --fork --mount-proc), or outside the sandbox
sys-no-proc = there is no /proc ({ $error }), so no process can be read
sys-not-procfs = /proc is not a procfs (another file system is mounted there), so no process can be read
# $says: one of sys-nspid, sys-calls-it, sys-does-not-list.
sys-other-namespace = /proc belongs to another pid namespace (portcheck is pid { $pid } here, /proc { $says }), so a pid read from /proc would name a different process here
sys-nspid = lists it as NSpid { $ids }
sys-calls-it = calls it pid { $pid }
sys-does-not-list = does not list it
kill-find-them = find them
# $ports: ":5000 or :5001", joined with kill-list-or.
kill-find-them-netstat = find them (the lines with { $ports }; the PID is the last column)
kill-list-or = {" or "}
## Sockets, ports, probes and scans (src/inspect, src/port, src/scan, src/probe, src/host)

# How to get full privilege, said after a refusal (Unix: sudo; Windows:
# an Administrator terminal). Each is said inside another message.
host-hidden-hint-sudo = without root; run with sudo
host-denied-hint-sudo = run with sudo to stop it
# Said when portcheck runs as root and a signal is still denied.
host-denied-hint-root = sudo would not help: stop it where it was started
host-denied-who-protected = is protected even from root (a security module, a seccomp filter or a sandbox refused the signal)
host-denied-fix-root = sudo would not help
host-elevate-sudo = run with sudo
host-denied-who-user = belongs to another user
host-hidden-hint-admin = from this terminal; run from an Administrator terminal
host-denied-hint-admin = run from an Administrator terminal
host-elevate-admin = run from an Administrator terminal
host-denied-who-elevated = is elevated or belongs to another user

# A port's IANA class, said before "port" ("registered port").
port-class-well-known = well-known
port-class-registered = registered
port-class-dynamic = dynamic
# What a privileged port needs, after its class on the Free: line.
port-needs-root-linux = binding needs root
port-needs-root-macos = binding on 127.0.0.1 needs root
# $start: the first port that needs no privilege (1024).
port-denied-linux = binding port { $port } needs root or CAP_NET_BIND_SERVICE (ports below { $start } are privileged), so portcheck could not bind it; no socket is bound to it
port-denied-macos = binding port { $port } on 127.0.0.1 needs root (ports below { $start } are privileged on the loopback address; since macOS 10.14 anyone may bind them on the wildcard), so portcheck could not bind it; no socket is bound to it
port-refused-elsewhere = the OS refused to bind port { $port } though nothing is bound there
# $start-$end: Windows's default dynamic range.
port-assumed-ephemeral-windows = "ephemeral" is judged against Windows's default dynamic range { $start }-{ $end }, not this machine's own, which --suggest reads
port-refused-exclusive-windows = Windows refused to bind port { $port } (WSAEACCES, 10013): the program holding it bound it exclusively (SO_EXCLUSIVEADDRUSE), and it is in no excluded port range netsh lists
port-refused-denied-windows = Windows refused to bind port { $port } (WSAEACCES, 10013) though no socket is on it and it is in no excluded port range netsh lists: security software (a firewall or endpoint protection) or a policy forbids it
# $who: port-excluded-administered or port-excluded-winnat; $protocol: tcp or udp.
port-excluded-note = port { $port } is in the { $protocol } excluded port range { $start }-{ $end }, { $who }: Windows refuses the bind (WSAEACCES, 10013) though nothing listens
port-excluded-administered = an administered exclusion (added with netsh)
port-excluded-winnat = reserved by Hyper-V, WSL 2 or Docker Desktop (winnat)
# What to do about a refused bind: each is followed by its command, or stands alone.
port-fix-see-excluded = see the excluded port ranges
port-fix-outside = or use a port outside them
port-fix-winnat = or, from an Administrator terminal, stop winnat (it draws its ranges again when it starts) and keep port { $port } for yourself before it does: these three lines in turn
port-fix-close = the program that bound it must close it
port-fix-another = or use another port
port-fix-allow = allow port { $port } in the security software or policy that refuses it

probe-dual-stack = asked with -6: an IPv6 server binds dual-stack here by default (net.ipv6.bindv6only=0), so the IPv4 holders count; a server with IPV6_V6ONLY could still bind it
# Why a bind probe could not run. $error: one of the probe-errno-* messages,
# or the OS's own words.
probe-cannot-socket = cannot create a socket: { $error }
probe-cannot-bind = cannot bind: { $error }
# $call: the socket option or call that failed (SO_REUSEADDR, bind).
probe-call-failed = { $call }: { $error }
# $error: the OS's words for an errno ("Operation not permitted").
probe-errno = { $error }
probe-errno-policy = { $error } (a sandbox or security policy forbids it: seccomp, systemd's RestrictAddressFamilies=, an LSM)
probe-errno-family = { $error } (this host has the family, or cannot be shown to lack it: a policy forbids it)
probe-errno-fds = { $error } (out of file descriptors: ulimit -n)
probe-errno-memory = { $error } (the kernel is out of memory for sockets)

# Windows: the socket table's owner has exited. $address:$port as the table
# gives it.
scan-orphan = the socket table names pid { $owner } as the owner of { $protocol } { $address }:{ $port }, and that process has exited (or its pid was reused): a child that inherited the socket holds it, and Windows does not show it
# $note: scan-orphan (or this message); $pids: "200 (python.exe), 300".
scan-orphan-werkzeug = { $note }; Werkzeug's serving child holds it: pid { $pids }
scan-orphan-may-hold = { $note }; may hold it: pid { $pids }
# $count is always 2 or more.
scan-duplicate-listeners = warning: { $count } processes listen on { $protocol } { $address }:{ $port } (pids { $pids }): on Windows SO_REUSEADDR lets a second server bind a port already in use, and the old one may go on answering; stop the one you do not want
scan-unnamed = Windows's socket table names no owning process for it (pid 0); a process that inherited the socket, or one portcheck may not open, holds it
# $error: the kernel's reason, in its words.
scan-no-sock-diag = sock_diag netlink is unavailable ({ $error }); read /proc/net instead, which shows neither IPV6_V6ONLY nor bound-but-not-listening sockets
scan-inherited = portcheck itself has a socket on port { $port } open, inherited from the program that ran it; it is not counted as a holder

# A list of messages, "a; b; c": $rest is the rest of the list.
inspect-joined = { $first }; { $rest }
inspect-dev-server-exposed = a development server is reachable from the network; bind it to 127.0.0.1 unless you mean to share it
# Who owns a socket no process is shown for ($who below).
inspect-who-uid-name = uid { $uid } ({ $name })
inspect-who-uid = uid { $uid }
inspect-who-another-user = another user
# Why no process is shown for a socket. $elevate: host-elevate-*.
inspect-hidden-orphan-closing = an orphaned closing connection: the process that closed it is gone and the kernel finishes the close (it times out, net.ipv4.tcp_fin_timeout); no process holds it
inspect-hidden-out-of-fds = owned by { $who }; portcheck ran out of file descriptors (EMFILE) walking /proc, so some processes were not read: raise ulimit -n and try again
# $pids: "4242" or "4242, 4243".
inspect-hidden-unopened-pid = the socket table names pid { $pids }, which could not be opened: it exited, or it may not be opened from this terminal ({ $elevate })
# $error: why /proc could not be read, in the OS's words.
inspect-hidden-no-proc = owned by { $who }; /proc could not be read ({ $error }), so no process can be named
inspect-hidden-hidepid = owned by { $who }; /proc is mounted with hidepid, which hides other users' processes: run with sudo to see the process
inspect-hidden-unreadable = owned by { $who }: { $elevate } to see the process
inspect-hidden-time-wait = a closed connection; no process holds it
# $reasons: inspect-no-visible-holder.
inspect-hidden-unseen = owned by { $who }, but { $reasons }
inspect-kernel-socket = a kernel socket (a VXLAN or Geneve tunnel, WireGuard, NFS or another in-kernel service holds it; it is owned by uid 0, as kernel sockets are)
inspect-kernel-socket-unlikely = a kernel socket (unlikely: kernel sockets are owned by uid 0)
inspect-socket-in-flight = a socket in flight: sent in an SCM_RIGHTS message over a unix socket and not yet received (its sender closed its copy)
# $pids: up to five pids, "4242, 4243".
inspect-hiding-unreadable = { $count } { $count ->
        [one] process
       *[other] processes
    } whose descriptors even root may not read (pid { $pids })
inspect-hiding-hidepid = /proc is mounted with hidepid
inspect-hiding-child-ns = portcheck runs in a child PID namespace, whose /proc omits the processes outside it
inspect-unseen-holder-none = a holder portcheck cannot see (none applies here: every process in /proc was read, no hidepid, no child PID namespace)
# $hiding: the inspect-hiding-* messages that apply, joined with "; ".
inspect-unseen-holder-applies = a holder portcheck cannot see, which applies here: { $hiding }
# $first, $second, $third: the kernel, in-flight and unseen-holder reasons, most likely first.
inspect-no-visible-holder = no process portcheck can see has it open; possible reasons, most likely first: 1) { $first }; 2) { $second }; 3) { $third }

# Notes of a port report and a listing. $elevate: host-elevate-*.
inspect-note-other-users = some holders belong to other users: { $elevate } to see the processes
inspect-note-not-dumpable = a holder could not be read: another user's process, or one of your own that changed user (from root, so it is not dumpable: pid { $pids }): { $elevate } to see it
inspect-note-uninspected = { $count } processes of other users could not be inspected: { $elevate } to see every owner
inspect-note-macos-unlisted = sockets of other users' processes are not listed: macOS shows portcheck only the processes it may inspect; run with sudo to list every socket
inspect-note-no-proc = /proc could not be read ({ $error }): the sockets are shown, their processes are not
inspect-note-hidepid = /proc is mounted with hidepid: other users' processes are invisible; run with sudo to see every owner
# Why a server could not be tried on an address beside a holder.
inspect-beside-needs-root = binding it needs root
inspect-beside-no-family = the family is not available
# $family: IPv4 or IPv6.
look-family-unavailable = { $family } is not available on this host; it was not checked
# $reason: one of the look-taken-* or look-unseen* messages.
look-taken = port { $port } is taken: { $reason }
look-taken-bound-inactive = a socket below is bound to it without listening; a server cannot take it
look-taken-reuse = it is the local port of the connection(s) below, which set SO_REUSEADDR: a server that sets it too could bind the port, but it is not free
look-taken-connections = it is bound by the connection(s) below, not by a listener
look-taken-appeared = a holder appeared while portcheck looked (below)
look-taken-time-wait = TIME_WAIT connections left by a socket that did not set SO_REUSEADDR still block it; they expire within a minute
look-time-wait = { $count } TCP { $count ->
        [one] connection
       *[other] connections
    } in TIME_WAIT on this port (recently closed)
look-time-wait-free = { $count } TCP { $count ->
        [one] connection
       *[other] connections
    } in TIME_WAIT on this port (recently closed); they do not block a server that sets SO_REUSEADDR, as servers do
look-orphans = { $count } orphaned closing TCP { $count ->
        [one] connection
       *[other] connections
    } on this port (FIN_WAIT, CLOSING or LAST_ACK: closed by a process that is gone, finished by the kernel); they do not block a server that sets SO_REUSEADDR, as servers do
look-unknown = whether port { $port } is free is unknown: portcheck could not bind it to check it, and the socket table shows nothing on it
# $what: the binds that failed alike ("tcp/IPv4, udp/IPv4"); $error: probe-cannot-*.
look-unknown-group = { $what }: { $error }
look-unseen-bound-windows = bound by a socket that does not listen, which Windows's socket table does not list
# Said before the command `netstat -anoq`.
look-unseen-netstat-bound = netstat lists it in state BOUND on a line with :{ $port }, its pid last
look-unseen-other-users = in use, and no socket portcheck can see holds it: another user's process may hold it: run with sudo to see it
look-unseen = in use by a socket portcheck cannot see: one being opened or closed right now, or held in another way; try again
# $base: look-unseen; $windows: look-wsl-one or look-wsl-two.
look-unseen-wsl = { $base }. Or a Windows program holds it ({ $windows })
look-wsl-two = this is WSL 2: with mirrored networking Windows and WSL share ports
look-wsl-one = this is WSL 1: Linux and Windows share one network stack
# Said before the command `netstat.exe -ano`.
look-unseen-windows-side = look on the Windows side (from here too): the line with :{ $port } has its pid last
# A wait that cannot decide. $protocol: tcp or udp; $family: IPv4 or IPv6;
# $error: probe-cannot-* or probe-call-failed.
wait-cannot-tell = cannot tell whether port { $port } is free: { $protocol } over { $family }: { $error }
# The $error of scan-no-sock-diag when PORTCHECK_NO_SOCK_DIAG is set.
scan-sock-diag-disabled = disabled by PORTCHECK_NO_SOCK_DIAG
## Hints, remedies, advice, --suggest notes (src/hint.rs, src/remedy*, src/advice.rs, src/project.rs, src/suggest.rs, src/started*, src/shell.rs)

# What a process is (the hint beside a holder).
hint-kind-flask = Flask development server
hint-kind-django = Django development server
hint-kind-gunicorn = gunicorn WSGI server
hint-kind-uvicorn = uvicorn ASGI server
hint-kind-hypercorn = hypercorn ASGI server
hint-kind-http-server = Python static file server (python -m http.server)
hint-kind-vite = Vite dev server
hint-kind-next = Next.js dev server
hint-kind-webpack = webpack dev server
hint-kind-node = Node.js process
hint-kind-jupyter = Jupyter server
hint-kind-debugpy-adapter = VS Code Python debugger (debugpy adapter)
hint-kind-debugpy-launcher = VS Code Python debugger (debugpy launcher)
hint-kind-nginx = nginx web server
hint-kind-apache = Apache web server
hint-kind-caddy = Caddy web server
hint-kind-postgres = PostgreSQL server
hint-kind-redis = Redis server
hint-kind-mysql = MySQL/MariaDB server
hint-kind-sshd = OpenSSH server
hint-kind-docker-proxy = Docker published port (docker-proxy)
hint-kind-container-forwarder = rootless container port forwarder
hint-kind-vscode-forwarding = VS Code port forwarding (the Ports panel)
hint-kind-airplay = macOS AirPlay Receiver: turn it off in System Settings > General > AirDrop & Handoff
hint-kind-systemd-socket = init (PID 1): systemd socket activation; stop the .socket unit
# $address: the container's address and port ("172.17.0.2:5432").
hint-docker-to = Docker published port (docker-proxy) to container { $address }
hint-node-inspector = Node.js inspector
# $what: one of the hint-kind-* messages.
hint-role-reloader-parent = { $what } (reloader parent)
hint-role-reloader-child = { $what } (server child of the reloader)
hint-role-inspector = { $what } (inspector port)
hint-role-debugger = { $what } (the debugger's port)
hint-role-session = { $what } (a port of the debug session)
# The role alone, of a process portcheck does not name (its leading space as
# before the catalog).
hint-session-alone = { " " }(a port of the debug session)
hint-pid1-alone = PID 1 of its container or namespace (the container's main process)
hint-pid1 = { $what }; PID 1 of its container or namespace
# What started the process.
hint-by-vscode-debug = started by VS Code (Start Debugging)
hint-by-vscode-run = started by VS Code (Run Without Debugging)
# $listen: debugpy's --listen value as written ("5678", "0.0.0.0:5678").
hint-by-debugpy = under debugpy --listen { $listen }
# $command: the package script's command ("npm start", "yarn dev").
hint-by-package-script = started by { $command }
# $unit: the unit's name, with the user's instance ("myapp.service (user 1000)").
hint-by-systemd = systemd unit { $unit }
# $runtime: Docker, Podman, Containerd, Kubernetes, CriO, Lxc, Nspawn.
hint-by-container = in a { $runtime } container
# $shell: the shell's name (bash, zsh).
hint-by-shell = started from { $shell }
# $what: the hint so far; $by: one of the hint-by-* messages.
hint-with-launcher = { $what }, { $by }
hint-with-unit = { $what } ({ $by })

# How to start a server on another port (why these lines, and the steps).
# $connect: the attach configuration's setting as launch.json writes it ("connect": {"port": 5679}).
remedy-then-connect = then set the attach configuration's { $connect }
remedy-debugger-moved = the debugger's port of a python -m debugpy --listen session; the same command on debugger port { $port }, its app on port { $app }: the first session holds the app's
remedy-secret = start it again as before with port { $port }: its command holds a secret portcheck does not print
remedy-unprintable = start it again as before with port { $port }: its folder or command holds a character portcheck does not print
remedy-session-why = a port of a debug session: the debugger picks it anew each session
remedy-session-stop = nothing to move: stop the session in VS Code (Shift+F5)
remedy-debugpy-why = the debugger's port of a python -m debugpy --listen session
remedy-debugpy-listen = start the app again with --listen { $port } (the debugpy option), and set the attach configuration's { $connect }
remedy-inspector-why = the Node.js inspector's port
remedy-inspector-flag = start node with --inspect={ $port } (your app's own port stays)
remedy-generic-why = if your app reads $PORT, or takes a --port flag
remedy-generic-env = if your app reads $PORT: start it with PORT={ $port } in its environment
remedy-generic-flag = if it takes --port: start it with --port { $port }
# $server: nginx, Apache or Caddy.
remedy-web-server-why = { $server } serves the ports its configuration names
# $find: the command that shows its listen lines ("nginx -T | grep -n listen").
remedy-web-server-listen = its port is its config's listen (see: { $find }); change it there, or stop it
remedy-vscode-why = VS Code started it from launch.json
remedy-vscode-args = in launch.json, change "--port", "{ $old }" in "args" to "--port", "{ $port }"; then start it again
# $env: launch.json's setting ("env": {"FLASK_RUN_PORT": "5001"}).
remedy-vscode-env = in launch.json, set { $env }; then start it again
remedy-vscode-args-or-env = in launch.json, add "--port", "{ $port }" to "args", or set { $env }; then start it again
# $call: the script's run call with the new port ("app.run(debug=True, port=5001)").
remedy-vscode-call = in { $file }, call { $call }; then start it again
remedy-vscode-app-run = in your program, call app.run(port={ $port }); then start it again
remedy-vscode-port = in launch.json, pass port { $port } the way your app takes it ("args" or "env"); then start it again
remedy-package-port-flag = its package.json script runs a server that takes --port
remedy-package-port-env = its package.json script runs a server that reads PORT
remedy-package-elsewhere = its package.json script does not take a port portcheck can see
# $file: the file that sets the port; $command: the script's command ("npm start", "yarn run dev").
remedy-package-change = change the port where { $file } sets it, then { $command } again
remedy-vite = Vite takes --port (it does not read PORT)
remedy-next = Next.js takes -p/--port or reads PORT
remedy-webpack = webpack-dev-server takes --port
remedy-uvicorn = uvicorn takes --port (it does not read PORT)
remedy-flask-run = flask run reads --port or FLASK_RUN_PORT, not PORT
# A step before its command (on the next line); $call: the script's run call with the new port.
remedy-script-call = in { $file }, call { $call }, then
remedy-script-flask-run = or the same app through flask run
remedy-script-env = or let PORT choose: in { $file }, import os and call { $call }, then
# $var: the Flask object's name in the script (app).
remedy-script-why = { $file } sets the port in { $var }.run(); Flask ignores PORT and FLASK_RUN_PORT there
remedy-gunicorn-title = gunicorn takes -b HOST:PORT; its title replaced its command line, so its other flags are unknown
remedy-django = Django's runserver takes the port as its argument (it does not read PORT)
remedy-http-server = python -m http.server takes the port as its argument
# $server: gunicorn or hypercorn.
remedy-bind-flag = { $server } takes -b/--bind HOST:PORT

# The project in the current directory. $why: one of the remedy-* reasons.
project-django = Django project here (manage.py): { $why }
project-flask = Flask app here ({ $file }): { $why }
project-flask-script = when you start it with python { $file }: set app.run(port={ $port }) in { $file }
project-vite = Vite project here (package.json): Vite takes --port
project-next = Next.js project here (package.json): next takes --port or reads PORT
project-react-scripts = Create React App here (package.json): react-scripts reads PORT
project-node = Node project here (package.json): if your app reads $PORT

# Next steps. $why: why --kill cannot run on this system.
advice-no-kill = portcheck --kill cannot work here: { $why }
advice-vscode-stop-adapter = stop it in VS Code (Shift+F5): that ends the debug session cleanly, its debug adapter's port { $port } included (never move that one)
advice-vscode-stop = stop it in VS Code (Shift+F5): that ends the debug session cleanly
advice-stop-web-server = or stop the web server

# --suggest's notes. $low-$high: the ephemeral range.
suggest-ephemeral = { $base } is inside the ephemeral range { $low }-{ $high }: outgoing connections may take it
suggest-reserved = { $base } is reserved (net.ipv4.ip_local_reserved_ports)
suggest-privileged = binding below { $start } needs root or CAP_NET_BIND_SERVICE: searched from { $start } up
# $first: the lowest port skipped.
suggest-refused = skipped { $count } { $count ->
        [one] port
       *[other] ports
    } the OS refuses to bind (Windows's WSAEACCES: an excluded port range, an exclusive bind or security software), from { $first }
# $below: how many of the suggestions are below the base.
suggest-below = nothing at or above { $base } is free outside the ephemeral range { $low }-{ $high } and the reserved ports: { $below ->
        [one] this one is
       *[other] the last ones are
    } below { $base }

# What portcheck could not read literally in a Flask script (JSON's settings.unknown).
started-unreadable = { $file } could not be read
# $call: the script's argument as written ("app.run(port=PORT)").
started-not-literal = { $call } in { $file } is not a literal
started-no-run-call = { $file } has no literal { $var }.run(…) call
started-gunicorn-title = gunicorn's other flags (its title replaced its command line)
# --suggest's errors. $protocol: TCP or UDP; $family: IPv4 or IPv6; $error: the system's error.
suggest-cannot-bind = cannot suggest a port: portcheck cannot bind one to check it ({ $protocol } over { $family }: { $error })
suggest-none = no free port to suggest: every port is taken, reserved or in the ephemeral range { $low }-{ $high }
suggest-none-privileged = no free port to suggest: every port is taken, reserved or in the ephemeral range { $low }-{ $high } (binding below { $start } needs root or CAP_NET_BIND_SERVICE)
## The command line: usage errors, --help, exit statuses (src/cli.rs, src/cli/*.rs)

# $arg: the argument as typed (lossy when not UTF-8).
cli-not-utf8 = invalid argument '{ $arg }': not valid UTF-8
cli-port-signed = invalid port '{ $arg }': ports are numbers from 1 to 65535
# $protocol: tcp or udp, as the argument asked.
cli-only-tcp-selected = '{ $arg }' asks for { $protocol } but only TCP was selected
cli-only-udp-selected = '{ $arg }' asks for { $protocol } but only UDP was selected
# $proto: what followed the '/'.
cli-bad-protocol = invalid protocol '{ $proto }' in '{ $arg }': use /tcp or /udp
cli-port-empty = invalid port '{ $arg }': empty; give a number from 1 to 65535
cli-range-no-end = invalid range '{ $arg }': missing the end port
cli-range-reversed = invalid range '{ $arg }': { $first } is greater than { $last }; write { $last }-{ $first }
cli-port-unknown = invalid port '{ $arg }': not a number from 1 to 65535 nor a known service name
cli-port-zero = invalid port '{ $arg }': port 0 is not a real port (1-65535)
cli-port-out-of-range = invalid port '{ $arg }': out of range, ports are 1-65535
cli-duration-bad = invalid duration '{ $arg }': use a number with ms, s, m or h, such as 500ms or 30s
cli-duration-too-long = invalid duration '{ $arg }': at most 365 days (8760h, 525600m, 31536000s)
cli-signal-bad = invalid signal '{ $arg }': use a name such as TERM, INT, HUP or a number
# How a pasted PORT was read: "127.0.0.1:5000 → port 5000"; $ports joined with ", ".
cli-pasted = { $arg } → { $count ->
        [one] port
       *[other] ports
    } { $ports }
cli-paste-empty-between-commas = invalid port '{ $arg }': empty between commas; write 5000,5001 or 5000 5001
cli-paste-no-port = invalid port '{ $arg }': no port after the ':'
cli-paste-scheme = invalid port '{ $arg }': only http:// and https:// addresses are read as a port
cli-paste-other-machine = invalid port '{ $arg }': { $host } is another machine; portcheck sees only this machine's ports
# $flag: --kill or --suggest; $port: the value given with '=', or PORT.
cli-flag-takes-no-value = { $flag } takes no value: write { $flag } { $port }
# $mode: the flag $flag needs (--kill, --suggest).
cli-needs-mode = { $flag } needs { $mode }: add { $mode } to the command
cli-flag-not-on-windows = { $flag } is not on Windows: there are no signals, --kill ends a process with TerminateProcess
# $n: a bare number given as a DURATION; $port: the PORT after it.
cli-bare-duration = invalid duration '{ $n }' for { $flag }: a bare number is seconds, and { $n } looks like a port (PORT '{ $port }' follows); write { $n }s if you mean { $n } seconds, or give { $flag } its duration before the ports
cli-wait-needs-port = --wait-free and --wait-listen need a PORT: portcheck --wait-free 30s 5000
cli-kill-needs-port = --kill needs a PORT: portcheck --kill 5000
cli-exposed-takes-no-port = --exposed lists every exposed socket; it takes no PORT
# $value: the PORT environment variable's value.
cli-bad-port-variable = invalid $PORT '{ $value }': use a number from 1 to 65535
cli-suggest-one-base = --suggest takes one base PORT, not a list or a range
# clap's errors (src/cli/clap_says.rs); $arg: the flag as clap names it (--color <WHEN>).
cli-unknown-flag = unexpected argument '{ $arg }' found (see 'portcheck --help')
cli-unknown-flag-similar = unexpected argument '{ $arg }' found; a similar argument exists: '{ $similar }' (see 'portcheck --help')
cli-unknown-flag-as-value = unexpected argument '{ $arg }' found; to pass '{ $arg }' as a value, use '-- { $arg }' (see 'portcheck --help')
cli-flag-twice = the argument '{ $arg }' cannot be used multiple times (see 'portcheck --help')
cli-flags-conflict = the argument '{ $arg }' cannot be used with '{ $prior }' (see 'portcheck --help')
cli-flag-alone = the argument '{ $arg }' cannot be used with one or more of the other specified arguments (see 'portcheck --help')
cli-value-missing = a value is required for '{ $arg }' but none was supplied (see 'portcheck --help')
cli-value-invalid = invalid value '{ $value }' for '{ $arg }' (see 'portcheck --help')
# Any other clap error: $clap is clap's own (English) line.
cli-clap-error = { $clap } (see 'portcheck --help')

help-about = Who holds this port, how it is bound, and what kind of port it is.
help-ports = Ports to check: 5000, 3000-3010, http, 53/udp
help-tcp = Only TCP
help-udp = Only UDP
help-ipv4 = Only IPv4
help-ipv6 = Only IPv6
help-json = Machine-readable output: one JSON object, every mode
help-quiet = Print nothing but what a script needs (the numbers of --suggest); the exit status carries the answer. --json still prints JSON
help-completions = Print a shell completion script for SHELL and exit
help-exposed = List only sockets reachable from other machines (not loopback)
help-wide = Show command lines whole (on a terminal they are shortened to fit)
help-color = When to use colour; `auto` honours NO_COLOR and never colours a pipe
help-lang = The language of the output: en or ko (else PORTCHECK_LANG, else the locale)
help-kill = Stop every process holding PORT: SIGTERM, wait --grace, then SIGKILL
help-yes = Do not ask before killing (without a terminal, --kill is the consent)
help-grace = How long holders get to exit before SIGKILL
help-signal = The first signal to send: a name (TERM, INT, HUP) or a number
help-force = Send SIGKILL at once (refusals still apply)
help-dry-run = Show what would be signalled; signal nothing
help-settle = How long to watch a freed port for a respawned holder
help-suggest = Print the nearest free port at or above PORT (else $PORT, else 8000), bind-checked, outside the ephemeral range
help-count = How many free ports to suggest
help-wait-free = Wait until every PORT is free (bindable); exit 1 at the deadline
help-wait-listen = Wait until every PORT has a listener (IPv4 or IPv6); exit 1 at the deadline
help-help = Print help
help-version = Print version
help-heading-kill = Kill
help-heading-suggest = Suggest
help-heading-wait = Wait
# clap's own words, said by portcheck in languages other than English.
help-heading-arguments = Arguments
help-heading-options = Options
help-usage-heading = Usage:
help-usage = portcheck [OPTIONS] [PORT]...
# $value: a flag's default value (5s).
help-default = [default: { $value }]
# $values: a flag's possible values, joined with ", ".
help-possible = [possible values: { $values }]
help-port-text =
    PORT is a number (5000), a range (3000-3010) or a service name (http,
    postgresql), each optionally followed by /tcp or /udp (53/udp). What is
    pasted is read as the port: :5000, localhost:5000, 127.0.0.1:5000,
    { "[" }::1]:5000, http://localhost:5000/ (http:// alone is 80, https:// 443) and
    5000,5001; a host that is not this machine is a usage error. Without PORT,
    every listening TCP socket and bound UDP socket is listed.
help-free-text =
    A port reported free was bound by portcheck on the wildcard address for each
    selected protocol and family, and released.
help-duration-text =
    DURATION is a number with ms, s, m or h (500ms, 30s, 2m), at most 365 days;
    a bare number is seconds (one of 1024 or more before a PORT is refused: write
    5432s).
help-exit-heading = Exit status:
exit-yes = yes: every given port is free (after --kill too), the wait succeeded, or the listing or suggestion was printed
exit-no = no: a given port is in use (still held after --kill), or the wait timed out
exit-usage = usage error: a bad port, range, service name, duration or flag
exit-failure = could not complete: permission denied, no free port to suggest, a port that could not be probed (unknown), or an operating-system error
exit-interrupted = --kill interrupted by SIGHUP, SIGINT (Ctrl-C) or SIGTERM while it waited: what was signalled and what still holds the port is reported
help-examples-heading = Examples:
help-example-port = who holds port 5000, and what to do about it
help-example-range = a range and a UDP port
help-example-list = every listening socket with its owners
help-example-exposed = only the sockets other machines can reach
help-example-quiet = CI preflight: silent, exit 1 if one is taken
help-example-kill = stop whatever holds 5000 (asks on a terminal)
help-example-suggest = the nearest free port at or above 5000
help-example-wait = CI: wait until the server you started listens
help-example-json = the same report as one JSON object
