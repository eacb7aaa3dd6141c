# corpus: A
"""A local delivery agent that speaks LMTP over asyncio streams, one reply per recipient.

No server framework: the protocol lines are written by hand, so each reply line is a finding.
"""

import asyncio

CRLF = b"\r\n"


class Session:
    def __init__(self, reader, writer, store):
        self.reader = reader
        self.writer = writer
        self.store = store
        self.recipients = []
        self.sender = None

    async def reply(self, line):
        self.writer.write(line + CRLF)
        await self.writer.drain()

    async def run(self, hostname):
        await self.reply(f"220 {hostname} LMTP ready".encode())  # expect: SMT101
        while True:
            line = (await self.reader.readline()).rstrip(CRLF)
            if not line:
                return
            verb, _, arg = line.partition(b" ")
            verb = verb.upper()
            if verb == b"LHLO":
                self.writer.write(b"250-" + hostname.encode() + CRLF)  # expect: SMT101
                self.writer.write(b"250-PIPELINING\r\n"  # expect: SMT101
                                  b"250-ENHANCEDSTATUSCODES\r\n"  # expect: SMT101
                                  b"250 8BITMIME\r\n")  # expect: SMT101
            elif verb == b"MAIL":
                self.sender = arg[5:]
                await self.reply(b"250 2.1.0 Sender OK")  # expect: SMT101
            elif verb == b"RCPT":
                mailbox = self.store.lookup(arg[3:].strip(b"<>"))
                if mailbox is None:
                    await self.reply(b"550 5.1.1 No such user here")  # expect: SMT101
                elif mailbox.over_quota:
                    await self.reply(b"452 4.2.2 Mailbox full")  # expect: SMT101
                else:
                    self.recipients.append(mailbox)
                    await self.reply(b"250 2.1.5 Recipient OK")  # expect: SMT101
            elif verb == b"DATA":
                await self.reply(b"354 End data with <CR><LF>.<CR><LF>")  # expect: SMT101
                body = await self.reader.readuntil(b"\r\n.\r\n")
                for mailbox in self.recipients:
                    try:
                        mailbox.deliver(body)
                    except OSError as error:
                        await self.reply(f"451 4.3.0 {error.strerror}".encode())  # expect: SMT101
                    else:
                        done = b"250 2.0.0 Delivered to " + mailbox.name  # expect: SMT101
                        await self.reply(done)
                self.recipients.clear()
            elif verb == b"QUIT":
                await self.reply(b"221 2.0.0 Bye")  # expect: SMT101
                return
            else:
                await self.reply(b"500 5.5.2 Unknown command")  # expect: SMT101


async def main(store, port=2400, hostname="localhost"):
    server = await asyncio.start_server(
        lambda r, w: Session(r, w, store).run(hostname), "127.0.0.1", port, limit=65536)
    async with server:
        await server.serve_forever()
