# Leaves an orphaned closing connection on a port: a SO_REUSEADDR
# server accepts a connection, closes it and its listener; the client
# keeps its end open, so the server end waits in FIN_WAIT2 with no
# process (inode 0). Prints the port, keeps the client until stdin closes.
import socket, sys, time
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen()
port = srv.getsockname()[1]
cli = socket.create_connection(("127.0.0.1", port))
conn, _ = srv.accept()
conn.close(); srv.close()
print(port, flush=True)
sys.stdin.read()
