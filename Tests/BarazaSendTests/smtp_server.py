#!/usr/bin/env python3
"""A real SMTP server for Baraza's send tests and benchmark (aiosmtpd), with scripted misbehaviour.

Binds 127.0.0.1 on a free port, prints `PORT <n>` on standard output, and serves until killed. Every message it
accepts is appended to the --record file as one JSON line {"kind": "message", "mail_from", "rcpt_tos", "data"
(base64), "tls", "login", "helo"}; every MAIL command as {"kind": "mail", "n": <count>}, so a test can tell how
far a client got; every connection as {"kind": "connect"}.

Scripts:
  --temp-fail ADDRESS=N   answer 451 at the end of DATA the first N times a message for ADDRESS arrives
  --perm-fail ADDRESS     answer 550 to RCPT TO:<ADDRESS>
  --drop-every N          drop the connection, without a reply, at every Nth MAIL command
  --mail-delay SECONDS    wait this long before answering each MAIL command
  --tls-cert/--tls-key    offer STARTTLS with this certificate, and require it
  --login USER:PASSWORD   require AUTH (after STARTTLS) with these credentials
  --envelope-only         record the envelope and the Message-ID instead of the whole message (benchmarks)
"""

import argparse
import asyncio
import base64
import json
import re
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, args):
        self.args = args
        self.out = open(args.record, "a", encoding="utf-8") if args.record else None
        self.mails = 0
        self.temporary = {}
        for item in args.temp_fail:
            address, _, count = item.rpartition("=")
            self.temporary[address.lower()] = int(count)
        self.permanent = {address.lower() for address in args.perm_fail}

    def write(self, record):
        if self.out:
            self.out.write(json.dumps(record) + "\n")
            self.out.flush()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.mails += 1
        self.write({"kind": "mail", "n": self.mails})
        if self.args.drop_every and self.mails % self.args.drop_every == 0:
            server.transport.abort()
            return "421 4.4.2 connection dropped by the test server"
        if self.args.mail_delay:
            await asyncio.sleep(self.args.mail_delay)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.permanent:
            return f"550 5.1.1 <{address}>: mailbox unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            left = self.temporary.get(address.lower(), 0)
            if left > 0:
                self.temporary[address.lower()] = left - 1
                return "451 4.3.0 try again later"
        auth = getattr(session, "auth_data", None)
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        content = envelope.original_content or envelope.content
        if self.args.envelope_only:
            match = re.search(rb"^Message-ID: (\S+)", content, re.MULTILINE | re.IGNORECASE)
            self.write({
                "kind": "message",
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "message_id": match.group(1).decode() if match else None,
            })
            return "250 2.0.0 accepted"
        self.write({
            "kind": "message",
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": base64.b64encode(content).decode(),
            "tls": session.ssl is not None,
            "login": login,
            "helo": session.host_name,
        })
        return "250 2.0.0 accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--record")
    parser.add_argument("--temp-fail", action="append", default=[])
    parser.add_argument("--perm-fail", action="append", default=[])
    parser.add_argument("--drop-every", type=int, default=0)
    parser.add_argument("--mail-delay", type=float, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--login")
    parser.add_argument("--envelope-only", action="store_true")
    args = parser.parse_args()

    recorder = Recorder(args)
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
    authenticator = None
    if args.login:
        user, _, password = args.login.partition(":")

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, auth_data=data if ok else None)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    class CountingSMTP(SMTP):
        def connection_made(self, transport):
            if not getattr(self, "_counted", False):
                self._counted = True
                recorder.write({"kind": "connect"})
            super().connection_made(transport)

    def factory():
        return CountingSMTP(
            recorder, hostname="baraza-test", tls_context=context, require_starttls=context is not None,
            authenticator=authenticator, auth_required=authenticator is not None,
            auth_require_tls=context is not None, loop=loop)

    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
