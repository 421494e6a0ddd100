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
