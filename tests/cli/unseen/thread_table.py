# A holder whose listener lives in a thread with an fd table of its own
# (unshare(CLONE_FILES)): /proc/PID/fd does not show it, only
# /proc/PID/task/TID/fd. Prints the port, holds it until stdin closes.
import ctypes, socket, sys, threading
libc = ctypes.CDLL(None, use_errno=True)
CLONE_FILES = 0x400
port = []
ready = threading.Event()
def hold():
    if libc.unshare(CLONE_FILES) != 0:
        port.append(-ctypes.get_errno()); ready.set(); return
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
    port.append(s.getsockname()[1]); ready.set()
    threading.Event().wait()
threading.Thread(target=hold, daemon=True).start()
ready.wait()
print(port[0], flush=True)
sys.stdin.read()
