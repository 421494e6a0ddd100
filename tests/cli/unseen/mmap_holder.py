# A holder that keeps its listener only through an mmap of the socket
# (the fd closed): /proc/PID/maps shows it as socket:[INODE], its fd
# table does not. Prints the port, holds it until stdin closes.
import socket, sys, ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
port = s.getsockname()[1]
addr = libc.mmap(None, 4096, 1, 1, s.fileno(), 0)  # PROT_READ, MAP_SHARED
if addr in (None, ctypes.c_void_p(-1).value):
    print("mmap failed", ctypes.get_errno(), flush=True); sys.exit(1)
s.close()
print(port, flush=True)
sys.stdin.read()
