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
# $low: the class's first port: 0 (well-known), 1024 (registered), 49152 (dynamic).
report-class-port = { $low ->
        [0] well-known
        [49152] dynamic
       *[other] registered
    } port ({ $low }-{ $high })
report-privileged = privileged (below { $start }: binding needs root)
report-in-ephemeral = inside the ephemeral range { $low }-{ $high } (outgoing connections may take it)
report-class = { $low ->
        [0] well-known
        [49152] dynamic
       *[other] registered
    }
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
