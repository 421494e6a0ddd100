"""A VS Code-shaped Run and Debug session, for portcheck's tests.

Usage: python vscode_dap.py CWD NODEBUG MODULE|PROGRAM ARGS_JSON ENV_JSON

It does what VS Code does for a `"type": "debugpy"` launch configuration
with `"console": "integratedTerminal"`: starts the debug adapter
(`python …/debugpy/adapter`) on stdio, sends `initialize` and `launch`,
answers the adapter's `runInTerminal` request by spawning the launcher it
names (with `TERM_PROGRAM=vscode`, as VS Code's terminal has), then
`configurationDone`. It prints `READY <adapter pid> <launcher pid>` and
keeps the session until its stdin closes, then disconnects.
"""

import json
import os
import subprocess
import sys
import threading

import debugpy


def send(pipe, seq, kind, **body):
    msg = dict(seq=seq, type=kind, **body)
    data = json.dumps(msg).encode()
    pipe.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
    pipe.flush()


def receive(pipe):
    length = None
    while True:
        line = pipe.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(pipe.read(length))


def main():
    cwd, no_debug, target, args, env = sys.argv[1:6]
    adapter_dir = os.path.join(os.path.dirname(debugpy.__file__), "adapter")
    adapter = subprocess.Popen(
        [sys.executable, adapter_dir],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    out, inp = adapter.stdin, adapter.stdout
    seq = 1
    send(out, seq, "request", command="initialize", arguments={
        "clientID": "vscode", "clientName": "Visual Studio Code", "adapterID": "debugpy",
        "pathFormat": "path", "linesStartAt1": True, "columnsStartAt1": True,
        "supportsRunInTerminalRequest": True, "supportsVariableType": True,
    })
    config = {
        "name": "Python Debugger: Flask", "type": "debugpy", "request": "launch",
        "console": "integratedTerminal", "cwd": cwd, "env": json.loads(env),
        "args": json.loads(args), "noDebug": no_debug == "true", "justMyCode": True,
        "python": [sys.executable],
    }
    if target.endswith(".py"):
        config["program"] = os.path.join(cwd, target)
    else:
        config["module"] = target
    launcher = None
    launched = False
    while True:
        msg = receive(inp)
        if msg is None:
            sys.exit("the adapter closed the session")
        if msg["type"] == "response" and msg["command"] == "initialize":
            seq += 1
            send(out, seq, "request", command="launch", arguments=config)
        elif msg["type"] == "request" and msg["command"] == "runInTerminal":
            a = msg["arguments"]
            child_env = dict(os.environ)
            child_env.update({k: v for k, v in (a.get("env") or {}).items() if v is not None})
            child_env["TERM_PROGRAM"] = "vscode"
            launcher = subprocess.Popen(
                a["args"], cwd=a.get("cwd") or cwd, env=child_env,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            seq += 1
            send(out, seq, "response", request_seq=msg["seq"], success=True,
                 command="runInTerminal", body={"processId": launcher.pid})
        elif msg["type"] == "event" and msg["event"] == "initialized":
            seq += 1
            send(out, seq, "request", command="configurationDone", arguments={})
        elif msg["type"] == "response" and msg["command"] == "launch":
            if not msg["success"]:
                sys.exit("launch failed: %s" % msg.get("message"))
            launched = True
        if launched and launcher is not None:
            break
    print("READY %d %d" % (adapter.pid, launcher.pid), flush=True)
    # Keep reading the adapter's events so its pipe never fills.
    threading.Thread(target=lambda: [None for _ in iter(lambda: receive(inp), None)],
                     daemon=True).start()
    sys.stdin.read()
    seq += 1
    send(out, seq, "request", command="disconnect", arguments={"terminateDebuggee": True})
    try:
        adapter.wait(10)
    except subprocess.TimeoutExpired:
        adapter.kill()


if __name__ == "__main__":
    main()
