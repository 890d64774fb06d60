"""Forum demo data: a few published topics and stories with replies, a queue of pending
posts (some with phone numbers, addresses or danger words, to screen), and the duty
rotation over the demo institutions. Added once: a database that has forum posts is left
alone."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, insert, select, update

from server.db.tables import forum_decisions, forum_posts, users, utcnow
from server.forum import settings as forum_settings

#: (kind, theme, title, body, replies_welcome, replies)
PUBLISHED: list[tuple[str, str, str, str, bool, list[str]]] = [
    (
        "topic", "School, werk & geld", "Examenstress",
        "ik slaap bijna niet meer door de examens. hoe doen jullie dat?",
        True,
        [
            "ik maak een planning per dag, dan lijkt het minder veel",
            "Praat erover met je mentor, die van mij hielp echt.",
        ],
    ),
    (
        "topic", "Familie", "Ouders gaan scheiden",
        "Mijn ouders gaan uit elkaar en ik moet kiezen waar ik ga wonen. Ik wil niemand kwijt.",
        True,
        ["Herkenbaar. Je hoeft niet te kiezen tussen je ouders, alleen waar je slaapt."],
    ),
    (
        "story", "Gevoel", "Mijn verhaal: uit het dal",
        "Een jaar geleden zag ik het niet meer zitten. Ik heb het tegen mijn zus gezegd en "
        "toen ben ik naar de huisarts gegaan. Het gaat nu beter, niet altijd, maar wel vaker.",
        True,
        ["Dank je dat je dit deelt. Dit geeft me hoop."],
    ),
    (
        "story", "Verslaving", "Gestopt met blowen",
        "Ik blowde elke dag. Sinds drie maanden niet meer. Ik wil alleen mijn verhaal kwijt.",
        False,
        [],
    ),
    (
        "topic", "Vrienden & relaties", "Vriendin doet raar",
        "mijn beste vriendin negeert me sinds een week en ik weet niet waarom",
        True,
        [],
    ),
]  # fmt: skip

#: (kind, theme, title, body) waiting for screening; replies answer the first topic.
PENDING: list[tuple[str, str | None, str | None, str]] = [
    ("topic", "Gevoel", "Niemand snapt me", "ik voel me zo alleen, ook op school."),
    ("topic", "Gevoel", "Gedachten", "soms denk ik aan zelfmoord, is dat normaal?"),
    ("topic", "Lichaam", "Eten", "ik eet bijna niks meer en krijg complimenten dat ik dun ben"),
    ("topic", "Geweld", "Thuis", "mijn stiefvader slaat me als hij dronken is. bel me 06-12345678"),
    ("topic", "Seksualiteit", "Verliefd", "Ik ben een meisje en verliefd op een meisje."),
    ("story", "Gevoel", "Mijn verhaal", "Ik deed aan zelfbeschadiging. Nu 2 maanden niet. Trots!"),
    ("topic", "School, werk & geld", "Bijbaan", "Wie weet een bijbaan in de buurt van 3511 AB?"),
    ("topic", "Vrienden & relaties", "Gepest", "ze pesten me, mijn account is www.instagram.com/x"),
    ("topic", "Familie", "Mail me", "wil iemand praten? mail naar anoniem123@example.nl"),
    ("topic", "Verslaving", "Gamen", "ik game 10 uur per dag, mn moeder is boos"),
    ("reply", None, None, "Sterkte! Ik herken het, bij mij hielp sporten."),
    ("reply", None, None, "haha wat een zeur ben jij"),
    ("reply", None, None, "Kom langs op de Kerkstraat 12 dan praten we"),
    ("topic", "Gevoel", "Dood willen", "ik wil gewoon dood, niemand zou het merken"),
    ("topic", "Lichaam", "Puistjes", "help mijn gezicht zit vol puistjes wat moet ik doen"),
]  # fmt: skip


def load_forum_demo(conn: Connection, institution_ids: list[int], decider_id: int) -> None:
    """Rotation over `institution_ids`; published and pending posts, once."""
    current = forum_settings.load(conn)
    if current.version == 0:
        data = forum_settings.defaults()
        data["rotation"] = institution_ids
        forum_settings.save(conn, data, 0)
    if conn.execute(select(func.count()).select_from(forum_posts)).scalar_one():
        return
    now = utcnow()
    start = now - timedelta(days=len(PUBLISHED) + 1)
    first_topic: int | None = None
    for index, (kind, theme, title, body, welcome, replies) in enumerate(PUBLISHED):
        at = start + timedelta(days=index)
        topic_id = _published(conn, kind, theme, title, body, welcome, None, at, decider_id)
        first_topic = first_topic or topic_id
        for offset, reply in enumerate(replies, start=1):
            _published(
                conn, "reply", theme, None, reply, False, topic_id,
                at + timedelta(hours=offset), decider_id,
            )  # fmt: skip
    assert first_topic is not None
    for index, (kind, pending_theme, pending_title, body) in enumerate(PENDING):
        conn.execute(
            insert(forum_posts).values(
                kind=kind,
                status="pending",
                theme=pending_theme if kind != "reply" else PUBLISHED[0][1],
                parent_id=first_topic if kind == "reply" else None,
                title=pending_title,
                body=body,
                replies_welcome=kind == "topic",
                created_at=now - timedelta(minutes=5 * (len(PENDING) - index)),
                version=1,
            )
        )


def _published(
    conn: Connection,
    kind: str,
    theme: str,
    title: str | None,
    body: str,
    welcome: bool,
    parent_id: int | None,
    at: datetime,
    decider_id: int,
) -> int:
    post_id = int(
        conn.execute(
            insert(forum_posts)
            .values(
                kind=kind,
                status="published",
                theme=theme,
                parent_id=parent_id,
                title=title,
                body=body,
                replies_welcome=welcome,
                created_at=at,
                published_title=title,
                published_body=body,
                published_at=at,
                version=1,
            )
            .returning(forum_posts.c.id)
        ).scalar_one()
    )
    decision_id = conn.execute(
        insert(forum_decisions)
        .values(
            post_id=post_id,
            txn_id=f"demo-{post_id}",
            user_id=decider_id,
            institution_id=_institution_of(conn, decider_id),
            round_id=None,
            decision="publish",
            published_title=title,
            published_body=body,
            diff=json.dumps([]),
            at=at,
        )
        .returning(forum_decisions.c.id)
    ).scalar_one()
    conn.execute(
        update(forum_posts).where(forum_posts.c.id == post_id).values(decision_id=decision_id)
    )
    return post_id


def _institution_of(conn: Connection, user_id: int) -> int:
    return int(
        conn.execute(select(users.c.institution_id).where(users.c.id == user_id)).scalar_one()
    )
