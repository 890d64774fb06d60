"""The total-queue checker (bench/queue_check.py) on hand-made logs: every anomaly it must
report, and the things it must not count as anomalies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.queue_check import LogError, check, read_logs, totals_line

REPO = Path(__file__).resolve().parents[2]


def send(chat: int, sender: str, txn: str, text: str, acked: bool = True) -> dict[str, Any]:
    return {"chat": chat, "from": sender, "txn_id": txn, "text": text, "acked": acked}


def shown(chat: int, to: str, seq: int, txn: str | None, text: str) -> dict[str, Any]:
    return {"chat": chat, "to": to, "seq": seq, "txn_id": txn, "text": text}


def clean_chat(chat: int = 1) -> list[dict[str, Any]]:
    """Two lines each way, each shown once, in order."""
    return [
        send(chat, "youth", f"y{chat}a", "hoi"),
        send(chat, "youth", f"y{chat}b", "ben je er?"),
        send(chat, "helper", f"h{chat}a", "Ja, vertel maar."),
        send(chat, "helper", f"h{chat}b", "Ik luister."),
        shown(chat, "helper", 10, f"y{chat}a", "hoi"),
        shown(chat, "helper", 11, f"y{chat}b", "ben je er?"),
        shown(chat, "youth", 12, f"h{chat}a", "Ja, vertel maar."),
        shown(chat, "youth", 13, f"h{chat}b", "Ik luister."),
    ]


def anomalies(report: Any) -> dict[str, int]:
    t = report.total
    return {
        "lost": t.lost,
        "duplicated": t.duplicated,
        "reordered": t.reordered,
        "unexpected": t.unexpected,
    }


NONE = {"lost": 0, "duplicated": 0, "reordered": 0, "unexpected": 0}


def test_a_clean_run_has_no_anomalies_and_counts_everything():
    report = check(clean_chat(1) + clean_chat(2))
    assert report.ok
    assert anomalies(report) == NONE
    assert (report.total.sent, report.total.acked, report.total.delivered) == (8, 8, 8)
    assert set(report.chats) == {1, 2}
    assert "0 lost, 0 duplicated, 0 reordered, 0 unexpected" in totals_line(report)


def test_a_delivery_logged_before_its_send_record_is_fine():
    """The other side may be shown a message before the sender has the server's answer."""
    records = clean_chat(1)
    early = [records[4], records[0], records[5], records[1], *records[2:4], *records[6:]]
    assert check(early).ok


def test_an_acknowledged_message_never_shown_is_lost_in_its_chat():
    records = [r for r in clean_chat(1) if r.get("txn_id") != "h1b" or "from" in r]
    records += clean_chat(2)
    report = check(records)
    assert not report.ok
    assert anomalies(report) == {**NONE, "lost": 1}
    assert report.chats[1].lost == 1 and report.chats[2].lost == 0
    assert "Ik luister." in report.details[0]
    assert "1 lost" in totals_line(report) and "FAILED" in totals_line(report)


def test_a_message_shown_twice_is_duplicated_once():
    records = [*clean_chat(1), shown(1, "helper", 11, "y1b", "ben je er?")]
    report = check(records)
    assert anomalies(report) == {**NONE, "duplicated": 1}
    assert report.chats[1].duplicated == 1


def test_a_message_shown_three_times_counts_two_duplicates():
    records = clean_chat(1) + [shown(1, "youth", 12, "h1a", "Ja, vertel maar.")] * 2
    assert check(records).total.duplicated == 2


def test_a_message_shown_before_an_earlier_one_is_reordered():
    records = [
        send(1, "youth", "a", "een"),
        send(1, "youth", "b", "twee"),
        send(1, "youth", "c", "drie"),
        shown(1, "helper", 10, "a", "een"),
        shown(1, "helper", 11, "c", "drie"),
        shown(1, "helper", 12, "b", "twee"),
    ]
    report = check(records)
    assert anomalies(report) == {**NONE, "reordered": 1}
    assert "'twee'" in report.details[0]


def test_order_is_per_sender_so_interleaved_sides_are_not_reordered():
    records = [
        send(1, "youth", "y1", "een"),
        send(1, "helper", "h1", "hallo"),
        send(1, "youth", "y2", "twee"),
        # the helper sees the youth's lines in order; the youth's own view is another stream
        shown(1, "helper", 10, "y1", "een"),
        shown(1, "youth", 11, "h1", "hallo"),
        shown(1, "helper", 12, "y2", "twee"),
    ]
    assert check(records).ok


def test_a_delivery_nobody_sent_is_unexpected():
    records = [*clean_chat(1), shown(1, "helper", 14, "zzz", "dit zei niemand")]
    report = check(records)
    assert anomalies(report) == {**NONE, "unexpected": 1}
    assert report.chats[1].unexpected == 1


def test_a_message_of_another_chat_shown_here_is_unexpected_and_lost_there():
    records = clean_chat(1) + clean_chat(2)
    records = [{**r, "chat": 2} if r.get("to") and r.get("txn_id") == "y1b" else r for r in records]
    report = check(records)
    assert anomalies(report) == {**NONE, "unexpected": 1, "lost": 1}
    assert report.chats[2].unexpected == 1 and report.chats[1].lost == 1


def test_unacknowledged_but_delivered_is_fine_and_counted_apart():
    records = [
        send(1, "youth", "a", "een", acked=False),  # the answer was cut; it got through
        send(1, "youth", "b", "twee", acked=False),  # never arrived: nothing was promised
        shown(1, "helper", 10, "a", "een"),
    ]
    report = check(records)
    assert report.ok
    assert report.total.unacked_delivered == 1
    assert report.total.lost == 0
    assert "1 unacknowledged but delivered" in totals_line(report)


def test_deliveries_without_txn_id_match_on_text_from_the_other_side():
    records = [
        send(1, "youth", "a", "ok"),
        send(1, "youth", "b", "ok"),  # the same text twice: two messages, not a duplicate
        send(1, "helper", "h", "fijn"),
        shown(1, "helper", 10, None, "ok"),
        shown(1, "helper", 11, None, "ok"),
        shown(1, "youth", 12, None, "fijn"),
    ]
    assert check(records).ok
    report = check([*records, shown(1, "helper", 13, None, "ok")])
    assert anomalies(report) == {**NONE, "duplicated": 1}
    # the helper's own line shown to the helper does not count as the youth's
    assert check([*records[:3], shown(1, "helper", 10, None, "fijn")]).total.unexpected == 1


def test_malformed_records_are_refused(tmp_path):
    with pytest.raises(LogError):
        check([{"chat": 1, "text": "neither"}])
    with pytest.raises(LogError):
        check([send(1, "youth", "a", "x"), send(1, "youth", "a", "y")])
    log = tmp_path / "bad.jsonl"
    log.write_text('{"chat": 1, "to": "youth", "seq": 1, "txn_id": "a", "text": "x"}\n{oops\n')
    with pytest.raises(LogError, match=r"bad\.jsonl:2"):
        list(read_logs([log]))


def write_log(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "queue_check.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_command_reads_several_logs_and_exits_1_on_an_anomaly(tmp_path):
    records = clean_chat(1)
    sends = write_log(tmp_path / "sends.jsonl", [r for r in records if "from" in r])
    seen = write_log(tmp_path / "seen.jsonl", [r for r in records if "to" in r])
    good = run_cli(str(sends), str(seen))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "checker: 1 chats, 4 sent, 4 acknowledged, 4 delivered, 0 lost" in good.stdout

    lossy = write_log(tmp_path / "lossy.jsonl", [r for r in records if r.get("seq") != 13])
    bad = run_cli(str(lossy))
    assert bad.returncode == 1
    assert "1 lost" in bad.stdout
    lines = bad.stdout.splitlines()
    assert any(line.split()[:1] == ["1"] for line in lines), "the bad chat has its own row"

    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n")
    assert run_cli(str(broken)).returncode == 2
