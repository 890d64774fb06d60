import pytest

from console.services.keyrings import MemoryKeyring
from console.services.store import Store, store_path


def make(tmp_path, keyring=None):
    keyring = keyring or MemoryKeyring()
    store = Store(store_path(tmp_path, "https://hulp.example.nl", "bascule.helper1"), keyring, "k")
    store.on_event(
        "team.message",
        lambda db, e: db.table("team_messages").upsert(
            {
                "id": e["data"]["id"],
                "seq": e["seq"],
                "txn_id": "",
                "author_id": 1,
                "author_name": "A",
                "text": store.cipher.seal(e["data"]["text"]),
                "at": "",
            },
            pk="id",
        ),
    )
    return store, keyring


def event(seq, msg_id, text="hallo"):
    return {
        "seq": seq,
        "kind": "team.message",
        "stream": "team:1",
        "data": {"id": msg_id, "text": text},
    }


def test_events_and_cursor_commit_together_or_not_at_all(tmp_path):
    store, _ = make(tmp_path)
    store.apply([event(1, 1)], 1)

    def explode(db, e):
        raise RuntimeError("disk full")

    store.on_event("team.message", explode)
    with pytest.raises(RuntimeError):
        store.apply([event(2, 2), event(3, 3)], 3)
    assert store.cursor == 1
    assert [r["id"] for r in store.db.query("select id from team_messages")] == [1]


def test_duplicates_and_old_events_are_skipped(tmp_path):
    store, _ = make(tmp_path)
    assert [e["seq"] for e in store.apply([event(1, 1), event(2, 2)], 2)] == [1, 2]
    assert [e["seq"] for e in store.apply([event(2, 2), event(3, 3)], 5)] == [3]
    assert store.cursor == 5  # the server's cursor may run ahead of our audience's events
    assert store.db.execute("select count(*) from team_messages").fetchone()[0] == 3


def test_nothing_sensitive_is_plain_text_on_disk(tmp_path):
    store, _ = make(tmp_path)
    store.apply([event(1, 1, "geheime chattekst 0612345678")], 1)
    store.enqueue("t1", "PUT", "/team/messages/t1", {"text": "concept casusnotitie Bram"})
    store.db.execute("PRAGMA wal_checkpoint(FULL)")
    raw = b"".join(p.read_bytes() for p in tmp_path.rglob("*.db*"))
    assert b"geheime" not in raw and b"0612345678" not in raw and b"casusnotitie" not in raw
    assert store.outbox()[0].body == {"text": "concept casusnotitie Bram"}


def test_outbox_keeps_order_and_survives_a_restart(tmp_path):
    store, keyring = make(tmp_path)
    for n in range(5):
        store.enqueue(f"t{n}", "PUT", f"/team/messages/t{n}", {"text": str(n)})
    store.mark_sent("t0")
    store.mark_failed("t2", "409 conflict")
    store.close()
    again, _ = make(tmp_path, keyring)
    assert [i.txn_id for i in again.outbox()] == ["t1", "t3", "t4"]
    assert again.next_pending().txn_id == "t1"
    assert [i.error for i in again.outbox(state="failed")] == ["409 conflict"]


def test_a_lost_key_means_a_fresh_store_not_a_crash(tmp_path):
    store, _ = make(tmp_path)
    store.apply([event(1, 1)], 1)
    store.close()
    fresh, _ = make(tmp_path, MemoryKeyring())  # the keyring lost its entry
    assert fresh.cursor == 0
    assert fresh.db.execute("select count(*) from team_messages").fetchone()[0] == 0
