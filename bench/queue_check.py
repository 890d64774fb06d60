"""A total-queue check of a run's event logs, in the manner of Jepsen's total-queue checker.

    .venv/bin/python bench/queue_check.py LOG... [--all]

A log is JSON lines, two kinds of record (other keys are ignored, e.g. a time stamp):

- a send, one per message a side tried to send, written once the outcome is known:
  ``{"chat": 7, "from": "youth", "txn_id": "ab12", "text": "hoi", "acked": true}``
  (``acked``: the server answered that it stored the message);
- a delivery, one per message the other side was shown:
  ``{"chat": 7, "to": "helper", "seq": 123, "txn_id": "ab12", "text": "hoi"}``.

A delivery belongs to the send of the same chat with the same ``txn_id``; a delivery
without a ``txn_id`` (null or missing) to the send of the same chat with the same text
from another side than the recipient. Send order is the order of a sender's send records
in a chat (in the order the logs are given); delivery order is the order of a recipient's
delivery records in a chat: what that side saw, in the order it saw it. Where a delivery
stands relative to its send record does not matter (a send is logged when its answer
came, which may be after the other side was shown the message).

Per chat and in total it counts:

- lost: acknowledged, and delivered to nobody;
- duplicated: each delivery of a message to a recipient beyond the first;
- reordered: each first delivery of a message that comes after a delivery (to the same
  recipient, from the same sender) of a message sent later;
- unexpected: a delivery that matches no send of that chat;
- unacknowledged but delivered: the answer was lost but the message got through. Fine
  (the sender retries with the same txn_id, or the answer was cut): counted apart.

Prints a table (per chat: only chats with an anomaly unless ``--all``; then the total)
and a totals line ``checker: ...``. Exit code 1 when anything is lost, duplicated,
reordered or unexpected; 2 when a log cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

#: The anomalies: any of these makes the check fail.
ANOMALIES = ("lost", "duplicated", "reordered", "unexpected")


class LogError(ValueError):
    """A record that is neither a well-formed send nor a well-formed delivery."""


@dataclass
class Tally:
    """The counts of one chat (or of all chats)."""

    sent: int = 0
    acked: int = 0
    delivered: int = 0
    lost: int = 0
    duplicated: int = 0
    reordered: int = 0
    unexpected: int = 0
    unacked_delivered: int = 0

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def anomalies(self) -> int:
        return sum(getattr(self, name) for name in ANOMALIES)


@dataclass
class Report:
    chats: dict[Any, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)
    #: Readable descriptions of the first anomalies found (at most `MAX_DETAILS`).
    details: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.total.anomalies == 0


MAX_DETAILS = 20


@dataclass
class _Send:
    index: int  # position among this sender's sends in this chat
    sender: str
    txn_id: str | None
    text: str
    acked: bool
    #: recipient -> times delivered
    seen: Counter[str] = field(default_factory=Counter)


def _kind(record: dict[str, Any], where: str) -> str:
    if not isinstance(record, dict) or "chat" not in record:
        raise LogError(f"{where}: not a record with a chat: {record!r}")
    if "from" in record and "acked" in record:
        if not isinstance(record["acked"], bool):
            raise LogError(f"{where}: acked must be true or false")
        return "send"
    if "to" in record:
        return "delivery"
    raise LogError(f"{where}: neither a send (from, acked) nor a delivery (to)")


def read_logs(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Every record of the given JSON-lines logs, in order; blank lines are skipped."""
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise LogError(f"{path}:{number}: not JSON ({exc.msg})") from None
                _kind(record, f"{path}:{number}")
                yield record


def check(records: Iterable[dict[str, Any]]) -> Report:
    """Count the anomalies of a run's send and delivery records (see the module text)."""
    sends_by_txn: dict[tuple[Any, str], _Send] = {}
    sends_by_text: dict[tuple[Any, str], list[_Send]] = defaultdict(list)
    sends: dict[Any, list[_Send]] = defaultdict(list)
    next_index: Counter[tuple[Any, str]] = Counter()
    # (chat, sender, recipient) -> highest send index delivered so far
    high: dict[tuple[Any, str, str], int] = {}
    report = Report()

    def tally(chat: Any) -> Tally:
        return report.chats.setdefault(chat, Tally())

    def note(text: str) -> None:
        if len(report.details) < MAX_DETAILS:
            report.details.append(text)

    # A send is logged once its answer came, so its delivery may come first in the log:
    # all sends first, then the deliveries.
    kinds = [(record, _kind(record, f"record {n}")) for n, record in enumerate(records, 1)]
    for number, (record, kind) in enumerate(kinds, 1):
        chat = record["chat"]
        if kind == "send":
            sender = str(record["from"])
            txn_id = record.get("txn_id")
            send = _Send(
                next_index[(chat, sender)], sender, txn_id, str(record.get("text", "")),
                bool(record["acked"]),
            )  # fmt: skip
            next_index[(chat, sender)] += 1
            sends[chat].append(send)
            if txn_id is not None:
                if (chat, txn_id) in sends_by_txn:
                    raise LogError(f"record {number}: chat {chat} has txn_id {txn_id} twice")
                sends_by_txn[(chat, txn_id)] = send
            sends_by_text[(chat, send.text)].append(send)
            tally(chat)
    for record, kind in kinds:
        if kind != "delivery":
            continue
        chat = record["chat"]
        recipient = str(record["to"])
        txn_id = record.get("txn_id")
        text = str(record.get("text", ""))
        found: _Send | None
        if txn_id is not None:
            found = sends_by_txn.get((chat, txn_id))
        else:
            # Same text sent more than once: the first not yet shown to this recipient.
            candidates = [s for s in sends_by_text[(chat, text)] if s.sender != recipient]
            fresh = [s for s in candidates if not s.seen[recipient]]
            found = (fresh or candidates)[0] if candidates else None
        t = tally(chat)
        t.delivered += 1
        if found is None:
            t.unexpected += 1
            note(f"chat {chat}: {recipient} was shown {text!r} (txn {txn_id}), never sent")
            continue
        found.seen[recipient] += 1
        if found.seen[recipient] > 1:
            t.duplicated += 1
            note(
                f"chat {chat}: {recipient} was shown {found.text!r} again (seq {record.get('seq')})"
            )
            continue
        stream = (chat, found.sender, recipient)
        if found.index < high.get(stream, -1):
            t.reordered += 1
            note(f"chat {chat}: {recipient} was shown {found.text!r} after a later message")
        high[stream] = max(high.get(stream, -1), found.index)

    for chat, chat_sends in sends.items():
        t = tally(chat)
        for send in chat_sends:
            t.sent += 1
            delivered = sum(send.seen.values()) > 0
            if send.acked:
                t.acked += 1
                if not delivered:
                    t.lost += 1
                    note(
                        f"chat {chat}: {send.sender}'s {send.text!r} was acknowledged, never shown"
                    )
            elif delivered:
                t.unacked_delivered += 1
    for t in report.chats.values():
        report.total.add(t)
    return report


# --------------------------------------------------------------------------------- output
COLUMNS = (
    ("sent", "sent"),
    ("acked", "acked"),
    ("delivered", "shown"),
    ("lost", "lost"),
    ("duplicated", "dup"),
    ("reordered", "reord"),
    ("unexpected", "unexp"),
    ("unacked_delivered", "unacked-shown"),
)


def totals_line(report: Report) -> str:
    """One line a script can parse: `checker: N chats, S sent, ... lost, ...`."""
    t = report.total
    return (
        f"checker: {len(report.chats)} chats, {t.sent} sent, {t.acked} acknowledged, "
        f"{t.delivered} delivered, {t.lost} lost, {t.duplicated} duplicated, "
        f"{t.reordered} reordered, {t.unexpected} unexpected, "
        f"{t.unacked_delivered} unacknowledged but delivered" + ("" if report.ok else " -- FAILED")
    )


def format_report(report: Report, every_chat: bool = False) -> str:
    header = f"{'chat':>10} " + " ".join(f"{label:>{max(6, len(label))}}" for _, label in COLUMNS)
    out = [header, "-" * len(header)]

    def row(name: str, t: Tally) -> str:
        cells = " ".join(f"{getattr(t, attr):>{max(6, len(label))}}" for attr, label in COLUMNS)
        return f"{name:>10} {cells}"

    shown = 0
    for chat, t in sorted(report.chats.items(), key=lambda kv: str(kv[0]).zfill(12)):
        if every_chat or t.anomalies:
            out.append(row(str(chat), t))
            shown += 1
    clean = len(report.chats) - sum(1 for t in report.chats.values() if t.anomalies)
    if not every_chat and clean:
        out.append(f"{'':>10} ({clean} chats without anomalies not listed; --all lists them)")
    out.append("-" * len(header))
    out.append(row("total", report.total))
    for detail in report.details:
        out.append(f"  ! {detail}")
    out.append(totals_line(report))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("logs", nargs="+", type=Path, metavar="LOG")
    parser.add_argument("--all", action="store_true", help="list every chat, not only bad ones")
    args = parser.parse_args(argv)
    try:
        report = check(read_logs(args.logs))
    except (OSError, LogError) as exc:
        print(f"queue_check: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, every_chat=args.all))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
