import asyncio

from console.services.transport import SseEvent, _parse_sse


async def lines(items):
    for item in items:
        yield item


def parse(items):
    async def collect():
        return [e async for e in _parse_sse(lines(items))]

    return asyncio.run(collect())


def test_events_comments_and_multiline_data():
    got = parse(
        [
            "event: hello",
            'data: {"head": 3}',
            "",
            ": keep-alive",
            "id: 4",
            "event: team.message",
            "data: line one",
            "data: line two",
            "",
        ]
    )
    assert got == [
        SseEvent("hello", '{"head": 3}', None),
        None,
        SseEvent("team.message", "line one\nline two", "4"),
    ]


def test_an_event_cut_off_before_its_blank_line_is_not_delivered():
    assert parse(["id: 9", "event: team.message", "data: {}"]) == []
