# Holds N keep-alive HTTP connections to 127.0.0.1:PORT (one request
# each) and closes each when the server closes it, as browsers and load
# generators do. Prints "connected" once all are open. Loopback only.
import socket, sys, selectors, resource
resource.setrlimit(resource.RLIMIT_NOFILE, (10000, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
port, n = int(sys.argv[1]), int(sys.argv[2])
sel = selectors.DefaultSelector()
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
print("connected", flush=True)
while sel.get_map():
    for key, _ in sel.select():
        try:
            data = key.fileobj.recv(65536)
        except ConnectionError:
            data = b""
        if not data:
            sel.unregister(key.fileobj); key.fileobj.close()
