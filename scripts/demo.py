"""Set everything up and start the demo: the server on SQLite with demo data, and the console.

    python3 scripts/demo.py

Everything lives in ./demo-data (database, certificates, the console's settings and local
store), so your own settings are not touched. Log in as any demo account, for example
`bascule.helper1`, with the password `hulpmix-demo`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bootstrap import PYTHON, QT_RUNTIME, ROOT, debian_packages, ensure_venv, run, say

DEMO = ROOT / "demo-data"
PORT = int(os.environ.get("HULPMIX_DEMO_PORT", "8443"))


def wait_for_server(proc: subprocess.Popen[bytes], url: str, ca: Path) -> None:
    check = (
        "import ssl,sys,urllib.request;"
        f"ctx=ssl.create_default_context(cafile={str(ca)!r});"
        f"urllib.request.urlopen({url + '/api/v1/ping'!r},context=ctx,timeout=2)"
    )
    for _ in range(150):
        if proc.poll() is not None:
            sys.exit(f"the server stopped (exit {proc.returncode}); see {DEMO / 'server.log'}")
        if (
            subprocess.run([str(PYTHON), "-c", check], capture_output=True, check=False).returncode
            == 0
        ):
            return
        time.sleep(0.2)
    sys.exit(f"the server did not start; see {DEMO / 'server.log'}")


def main() -> int:
    # A SIGTERM (a service manager, `timeout`) ends the demo like Ctrl+C does, so the
    # `finally` below stops the server instead of leaving it running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if sys.platform.startswith("linux"):
        debian_packages(QT_RUNTIME, "the console's window")
    ensure_venv("server")
    DEMO.mkdir(exist_ok=True)
    db_url = f"sqlite:///{DEMO / 'hulpmix.db'}"
    env = {"HULPMIX_DATABASE_URL": db_url}
    certs = DEMO / "certs"
    if not (certs / "server.pem").exists():
        say("making a local demo certificate authority and server certificate")
        run([str(PYTHON), "-m", "server", "dev-cert", "--out", str(certs)])
    say("preparing the database with demo data")
    run([str(PYTHON), "-m", "server", "demo-data"], env=env)

    url = f"https://localhost:{PORT}"
    policy = DEMO / "policy.json"
    policy.write_text(
        json.dumps(
            {
                "settings": {
                    "server_url": url,
                    "extra_ca_file": str(certs / "ca.pem"),
                    "proxy_mode": "none",
                }
            },
            indent=2,
        )
    )
    say(f"starting the server on {url}")
    log = open(DEMO / "server.log", "ab")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        [str(PYTHON), "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(PORT),
         "--cert", str(certs / "server.pem"), "--key", str(certs / "server.key")],
        cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_server(server, url, certs / "ca.pem")
        say("demo accounts (password for all: hulpmix-demo):")
        print(
            "   bascule.helper1 (helper + supervisor), bascule.trainee1 (trainee),\n"
            "   the same for ggze, bjzg, bjzo and bjzzh; coordinator, projectlead, helpdesk, admin"
        )
        say(f"the chat is open around the clock in the demo; a young person's page: {url}/chat")
        say(f"the forum: {url}/forum (screening rounds 10:00-12:00 and 16:00-18:00 Amsterdam time)")
        say("(in the browser, trust demo-data/certs/ca.pem or accept the demo certificate once)")
        console_env = {
            "HULPMIX_POLICY_FILE": str(policy),
            "HULPMIX_CONFIG_DIR": str(DEMO / "console-config"),
            "HULPMIX_DATA_DIR": str(DEMO / "console-data"),
        }
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            say("no screen here (DISPLAY is not set), so the console cannot open a window.")
            say(f"the server keeps running on {url}; press Ctrl+C to stop it.")
            say(f"on a machine with a screen: HULPMIX_POLICY_FILE={policy} {PYTHON} -m console")
            server.wait()
            return 0
        say("starting the console; close it to stop the demo")
        return run([str(PYTHON), "-m", "console"], env=console_env, check=False)
    except KeyboardInterrupt:
        return 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
