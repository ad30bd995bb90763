#!/usr/bin/env python3
"""A local SMTP server for the mail tests: writes each message it accepts to DIR/N.eml (and the
envelope's recipients to DIR/N.rcpt), and prints its port on the first line once it listens.

Usage: smtp_sink.py DIR. It binds 127.0.0.1 on a port the system chooses, so parallel tests never
collide, and runs until it is killed.
"""

import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, "%d" % self.count)
        with open(base + ".rcpt", "w", encoding="utf-8") as rcpt:
            rcpt.write("\n".join(envelope.rcpt_tos) + "\n")
        # Written under a temporary name first: a reader never sees half a message.
        with open(base + ".tmp", "wb") as message:
            message.write(envelope.original_content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK"


async def main(directory):
    sink = Sink(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
