"""Known vulnerabilities in the installed dependencies (pip-audit), for CI and by hand.

    .venv/bin/python scripts/audit.py                 # the environment this Python runs in
    .venv/bin/python scripts/audit.py --service osv   # ask OSV instead of PyPI
    .venv/bin/python scripts/audit.py --ignore-vuln GHSA-xxxx-xxxx-xxxx

Audits every package installed in this interpreter's environment (`pip-audit --local`,
the project itself, installed editable, left out) against the PyPI vulnerability data
(or OSV with --service osv). Exit status:

    0  every dependency was audited and none has a known vulnerability
    1  at least one known vulnerability (listed, with the fixed versions)
    2  the audit could not be done: the vulnerability service is unreachable, or it knows
       nothing about some packages (a PyPI mirror without PyPI's JSON API answers 404 for
       every package: pip-audit then reports "no known vulnerabilities" although nothing
       was checked; this script refuses to call that a pass)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

OK, VULNERABLE, NOT_AUDITED = 0, 1, 2


def run_pip_audit(service: str, ignored: Sequence[str]) -> tuple[int, str, str]:
    command = [
        sys.executable, "-m", "pip_audit",
        "--local", "--skip-editable", "--progress-spinner", "off",
        "--format", "json", "--vulnerability-service", service,
    ]  # fmt: skip
    for vuln in ignored:
        command += ["--ignore-vuln", vuln]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    return done.returncode, done.stdout, done.stderr


def verdict(report: dict[str, Any]) -> tuple[int, list[str]]:
    """The exit status and the lines to print for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    lines: list[str] = []
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            name = f"{dep['name']} {dep.get('version', '?')}"
            lines.append(f"VULNERABLE {name}: {vuln['id']} (fixed in: {fixed})")
    if vulnerable:
        return VULNERABLE, lines
    if not dependencies:
        return NOT_AUDITED, ["NOT AUDITED: pip-audit listed no dependencies at all."]
    if skipped:
        lines.append(
            f"NOT AUDITED: {len(skipped)} of {len(dependencies)} dependencies could not be "
            "checked; the vulnerability service does not know them (is this a PyPI mirror "
            "without the JSON API? try --service osv where api.osv.dev is reachable):"
        )
        lines += [f"  {d['name']}: {d['skip_reason']}" for d in skipped[:20]]
        if len(skipped) > 20:
            lines.append(f"  ... and {len(skipped) - 20} more")
        return NOT_AUDITED, lines
    audited = len(dependencies)
    return OK, [f"OK: {audited} dependencies audited, no known vulnerabilities."]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--service", choices=["pypi", "osv"], default="pypi")
    parser.add_argument("--ignore-vuln", action="append", default=[], metavar="ID")
    args = parser.parse_args(argv)
    try:
        code, out, err = run_pip_audit(args.service, args.ignore_vuln)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"NOT AUDITED: pip-audit could not run: {exc}", file=sys.stderr)
        return NOT_AUDITED
    try:
        report = json.loads(out)
    except json.JSONDecodeError:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit status {code}"
        print(
            f"NOT AUDITED: pip-audit gave no report ({args.service} service); last error:\n"
            f"  {last}",
            file=sys.stderr,
        )
        return NOT_AUDITED
    status, lines = verdict(report)
    for line in lines:
        print(line, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
