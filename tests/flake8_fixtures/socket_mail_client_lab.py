# corpus: A
"""A network-course mail client on a plain socket: send each command, read the reply, and stop
with a message when the server's code is not the one expected."""
import base64
import ssl
import sys
from socket import AF_INET, SOCK_STREAM, socket

MAILSERVER = ("smtp.example.edu", 587)
MSG = "\r\nI love computer networks!"
ENDMSG = "\r\n.\r\n"


def expect(sock, wanted, step):
    reply = sock.recv(1024).decode()
    print(reply)
    if reply[:3] != wanted:
        print(f"{wanted} reply not received from server after {step}.")
        sys.exit(1)
    return reply


def main(user, password, to):
    client = socket(AF_INET, SOCK_STREAM)
    client.settimeout(30)
    client.connect(MAILSERVER)
    expect(client, "220", "connect")  # expect: SMT101
    client.send(b"EHLO lab\r\n")
    expect(client, "250", "EHLO")  # expect: SMT101
    client.send(b"STARTTLS\r\n")
    expect(client, "220", "STARTTLS")  # expect: SMT101
    client = ssl.create_default_context().wrap_socket(client, server_hostname=MAILSERVER[0])
    client.send(b"EHLO lab\r\n")
    expect(client, "250", "EHLO after TLS")  # expect: SMT101
    client.send(b"AUTH LOGIN\r\n")
    expect(client, "334", "AUTH LOGIN")  # expect: SMT101
    client.send(base64.b64encode(user.encode()) + b"\r\n")
    expect(client, "334", "username")  # expect: SMT101
    client.send(base64.b64encode(password.encode()) + b"\r\n")
    expect(client, "235", "password")  # expect: SMT101
    client.send(f"MAIL FROM:<{user}>\r\n".encode())
    expect(client, "250", "MAIL FROM")  # expect: SMT101
    client.send(f"RCPT TO:<{to}>\r\n".encode())
    reply = client.recv(1024).decode()
    if reply[:3] not in ("250", "251"):  # expect: SMT101 SMT101
        print("recipient refused:", reply)
        return 2
    client.send(b"DATA\r\n")
    expect(client, "354", "DATA")  # expect: SMT101
    client.send(MSG.encode() + ENDMSG.encode())
    expect(client, "250", "end of data")  # expect: SMT101
    client.send(b"QUIT\r\n")
    expect(client, "221", "QUIT")  # expect: SMT101
    client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))

# ruff: noqa  (realistic code, linted by the SMT plugin only)
