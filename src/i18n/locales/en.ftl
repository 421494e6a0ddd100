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

## Sockets, ports, probes and scans (src/inspect, src/port, src/scan, src/probe, src/host)

# How to get full privilege, said after a refusal (Unix: sudo; Windows:
# an Administrator terminal). Each is said inside another message.
host-hidden-hint-sudo = without root; run with sudo
host-denied-hint-sudo = run with sudo to stop it
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

# A step's sentence not in the catalog yet (src/shell.rs untranslated): as written.
untranslated = { $text }

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
# $what: one of the hint-kind-* messages (empty for a process portcheck does not name).
hint-role-reloader-parent = { $what } (reloader parent)
hint-role-reloader-child = { $what } (server child of the reloader)
hint-role-inspector = { $what } (inspector port)
hint-role-debugger = { $what } (the debugger's port)
hint-role-session = { $what } (a port of the debug session)
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
