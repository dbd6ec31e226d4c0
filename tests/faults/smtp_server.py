"""A tiny SMTP server on loopback for fault tests: it refuses chosen mailboxes with 550.

It speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
Django's real SMTP backend, records every accepted message, and answers
`550 5.1.1 <address>: mailbox unavailable` to RCPT for the refused addresses.
"""

import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: str


@dataclass
class SmtpState:
    refused: set[str] = field(default_factory=set)
    messages: list[Received] = field(default_factory=list)


class _Handler(socketserver.StreamRequestHandler):
    state: SmtpState

    def _say(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self) -> None:
        self._say("220 test ESMTP")
        sender, recipients = "", []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").strip()
            verb = line.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 test")
            elif verb == "MAIL":
                sender, recipients = line.split(":", 1)[1].strip(" <>"), []
                self._say("250 OK")
            elif verb == "RCPT":
                address = line.split(":", 1)[1].strip().split(" ")[0].strip("<>")
                if address in self.state.refused:
                    self._say(f"550 5.1.1 <{address}>: mailbox unavailable")
                else:
                    recipients.append(address)
                    self._say("250 OK")
            elif verb == "DATA":
                self._say("354 end with .")
                lines = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(chunk.decode("utf-8", "replace"))
                self.state.messages.append(Received(sender, recipients, "".join(lines)))
                self._say("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self._say("250 OK")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("502 not implemented")


class SmtpServer:
    """`with SmtpServer(refused={...}) as smtp:` -> smtp.port, smtp.state.messages."""

    def __init__(self, *, refused: set[str]):
        self.state = SmtpState(refused=set(refused))
        handler = type("Handler", (_Handler,), {"state": self.state})
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]

    def __enter__(self) -> "SmtpServer":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
