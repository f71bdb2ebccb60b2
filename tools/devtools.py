"""Headless Chromium over the DevTools protocol, for the tools that drive `baraza serve` in a real browser
(tools/checkin-check, tools/programme-check): one tab, commands by id, page loads awaited, and the browser's
security messages (Content-Security-Policy refusals) kept for the caller.

Needs chromium (Debian) and aiohttp (.ci/pip-packages.txt).
"""
import asyncio
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request

import aiohttp


class Page:
    """One browser tab over the DevTools protocol: commands by id, load events awaited."""

    def __init__(self, socket):
        self.socket, self.next_id, self.loads = socket, 0, asyncio.Queue()
        self.pending = {}
        # Messages the browser logged about security (a refused script, style or form), as text.
        self.refusals = []

    async def pump(self):
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.pending:
                self.pending.pop(data["id"]).set_result(data)
            elif data.get("method") == "Page.loadEventFired":
                await self.loads.put(True)
            elif data.get("method") == "Log.entryAdded":
                entry = data["params"]["entry"]
                if entry.get("source") in ("security", "violation") or "Content Security Policy" in entry.get("text", ""):
                    self.refusals.append(entry.get("text", ""))

    async def send(self, method, **params):
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        await self.socket.send_str(json.dumps({"id": self.next_id, "method": method, "params": params}))
        answer = await asyncio.wait_for(future, 30)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def evaluate(self, expression):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    async def loaded(self, action):
        """Runs `action` (a coroutine making the page navigate) and waits for the next page's load event."""
        while not self.loads.empty():
            self.loads.get_nowait()
        await action
        await asyncio.wait_for(self.loads.get(), 30)

    async def navigate(self, url):
        await self.loaded(self.send("Page.navigate", url=url))

    async def submit(self, script):
        """Runs `script`, which fills a form and submits it (or clicks a button or link), and waits for the answer."""
        await self.loaded(self.evaluate(script))


def js(value):
    return json.dumps(value)


def run(name, chromium, drive):
    """Starts headless `chromium`, runs `await drive(page, report)` in its first tab, and prints one line per step
    reported ("ok: ..." or "FAILED: ...") and the count of failures. Returns the exit status: 0 when every step
    passed, 1 when one failed, 2 when the browser cannot be run."""
    if not chromium:
        print(f"{name}: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix=name + "-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
         "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failures = []

    def report(step, ok):
        print(("ok: " if ok else "FAILED: ") + step, flush=True)
        if not ok:
            failures.append(step)

    async def attach(endpoint):
        with urllib.request.urlopen(endpoint + "/json/list") as answer:
            targets = [t for t in json.load(answer) if t.get("type") == "page"]
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(targets[0]["webSocketDebuggerUrl"], max_msg_size=0) as socket:
                page = Page(socket)
                pump = asyncio.create_task(page.pump())
                await page.send("Page.enable")
                await page.send("Runtime.enable")
                await page.send("Log.enable")
                try:
                    await drive(page, report)
                finally:
                    pump.cancel()

    try:
        endpoint = None
        for line in browser.stderr:
            match = re.search(r"DevTools listening on ws://([0-9.]+:[0-9]+)/", line)
            if match:
                endpoint = "http://" + match.group(1)
                break
        # Keep reading the browser's messages so that it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in browser.stderr], daemon=True).start()
        if endpoint is None:
            print(f"{name}: chromium did not open its DevTools port", file=sys.stderr)
            return 2
        asyncio.run(attach(endpoint))
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=20)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")
