"""A minimal Server-Sent Events reader for tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class SseEvent:
    event: str = "message"
    data: str = ""
    id: str | None = None
    comments: list[str] = field(default_factory=list)

    def json(self) -> Any:
        return json.loads(self.data)


def read_sse(response: httpx.Response) -> Iterator[SseEvent]:
    """Yield events (and comment-only blocks as event "comment") as they arrive."""
    current = SseEvent()
    data_lines: list[str] = []
    seen = False
    for line in response.iter_lines():
        if line == "":
            if seen:
                current.data = "\n".join(data_lines)
                if not data_lines and current.comments and current.event == "message":
                    current.event = "comment"
                yield current
            current, data_lines, seen = SseEvent(), [], False
            continue
        seen = True
        if line.startswith(":"):
            current.comments.append(line[1:].strip())
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "event":
            current.event = value
        elif name == "data":
            data_lines.append(value)
        elif name == "id":
            current.id = value
