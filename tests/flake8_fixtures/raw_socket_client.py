# corpus: A
"""A minimal SMTP client written against a socket, as course work and monitoring probes do:
every reply is checked by slicing off its first three characters."""

from socket import AF_INET, SOCK_STREAM, socket


def expect(sock, code, what):
    reply = sock.recv(1024).decode()
    if reply[:3] != code:
        raise RuntimeError(f"{what}: expected {code}, got {reply.strip()}")
    return reply


def send_probe(mailserver="127.0.0.1", port=1025, sender="probe@example.org",
               recipient="postmaster@example.org"):
    sock = socket(AF_INET, SOCK_STREAM)
    sock.settimeout(10)
    sock.connect((mailserver, port))
    expect(sock, "220", "greeting")  # expect: SMT101
    sock.send(b"HELO probe\r\n")
    expect(sock, "250", "HELO")  # expect: SMT101
    sock.send(f"MAIL FROM:<{sender}>\r\n".encode())
    expect(sock, "250", "MAIL FROM")  # expect: SMT101
    sock.send(f"RCPT TO:<{recipient}>\r\n".encode())
    reply = sock.recv(1024).decode()
    if reply[:3] not in ("250", "251"):  # expect: SMT101 SMT101
        raise RuntimeError("recipient refused: " + reply)
    sock.send(b"DATA\r\n")
    expect(sock, "354", "DATA")  # expect: SMT101
    sock.send(b"Subject: probe\r\n\r\nprobe\r\n.\r\n")
    reply = sock.recv(1024).decode()
    if not reply.startswith("250"):  # expect: SMT101
        raise RuntimeError("message refused: " + reply)
    sock.send(b"QUIT\r\n")
    reply = sock.recv(1024).decode()
    if reply[:3] != "221":  # expect: SMT101
        print("server did not say goodbye properly")
    sock.close()
    return True


if __name__ == "__main__":
    send_probe(port=2525)
