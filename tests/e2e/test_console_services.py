"""The console's services against the real server over HTTPS on loopback (no Qt here)."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from console.services.errors import (
    ProxyAuthRequired,
    ServerError,
    TlsUntrusted,
    TooLarge,
    Unauthorized,
)
from console.services.keyrings import MemoryKeyring
from console.services.session import Session
from console.services.store import Store, store_path
from console.services.sync import LONG_POLL, SSE, ConnectionState, SyncService
from console.services.team import TeamChannel
from console.services.transport import Transport, ssl_context
from console.settings import Settings
from console.ui.errors import explain
from tests.support.api import admin_token, make_institution, make_user
from tests.support.garbage import GarbageServer
from tests.support.proxy import ProxyConfig, TestProxy
from tests.support.waiting import until


def settings_for(server, **overrides) -> Settings:
    base = {"server_url": server.url, "extra_ca_file": str(server.ca_file), "proxy_mode": "none"}
    return Settings(**{**base, **overrides})


@dataclass
class Console:
    transport: Transport
    session: Session
    store: Store
    sync: SyncService
    team: TeamChannel


@contextlib.asynccontextmanager
async def console(
    server, tmp_path, user, *, use_sse=False, poll_timeout=25.0, **overrides
) -> AsyncIterator[Console]:
    transport = Transport(settings_for(server, **overrides))
    keyring = MemoryKeyring()
    session = Session(transport, keyring)
    await session.login(user["username"], user["password"], remember=False)
    store = Store(store_path(tmp_path, server.url, user["username"]), keyring, user["username"])
    remembered: dict[str, str] = {}
    sync = SyncService(
        transport,
        store,
        use_sse=use_sse,
        poll_timeout=poll_timeout,
        recall_transport=remembered.get,
        remember_transport=remembered.__setitem__,
    )
    team = TeamChannel(store, sync)
    sync.start()
    try:
        yield Console(transport, session, store, sync, team)
    finally:
        await sync.stop()
        await transport.aclose()
        store.close()


@pytest.fixture
def team(demo_sqlite_server):
    """A fresh institution with a helper and a trainee, so tests do not see each other."""
    with demo_sqlite_server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        helper = make_user(client, token, inst["id"], ["helper", "supervisor"])
        trainee = make_user(client, token, inst["id"], ["trainee"])
    return inst, helper, trainee


def server_messages(server, user) -> list[dict]:
    with server.client() as client:
        token = client.post(
            "/api/v1/session", json={"username": user["username"], "password": user["password"]}
        ).json()["access_token"]
        answer = client.get("/api/v1/team/messages", headers={"Authorization": f"Bearer {token}"})
        answer.raise_for_status()
        return answer.json()["messages"] if isinstance(answer.json(), dict) else answer.json()


def texts(c: Console) -> list[str]:
    return [m.text for m in c.team.messages() if not m.pending]


@pytest.mark.parametrize("use_sse", [False, True], ids=["long-poll", "sse"])
def test_message_reaches_a_colleague_through_sync(demo_sqlite_server, tmp_path, team, use_sse):
    _, helper, trainee = team

    async def scenario():
        async with (
            console(demo_sqlite_server, tmp_path / "h", helper, use_sse=use_sse) as a,
            console(demo_sqlite_server, tmp_path / "t", trainee, use_sse=use_sse) as b,
        ):
            await until(lambda: b.sync.state is ConnectionState.ONLINE, what="trainee online")
            if use_sse:
                await until(lambda: b.sync.transport_name == SSE, what="upgrade to SSE")
            else:
                assert b.sync.transport_name == LONG_POLL
            a.team.post("Wie neemt de dienst van donderdag over?")
            await until(
                lambda: texts(b) == ["Wie neemt de dienst van donderdag over?"], what="delivery"
            )
            await until(lambda: a.store.outbox(state=None) == [], what="outbox drained")

    asyncio.run(scenario())


def test_outbox_written_offline_goes_out_once_in_order_after_the_server_returns(
    demo_sqlite_server, tmp_path, team
):
    _, helper, trainee = team
    server = demo_sqlite_server

    async def scenario():
        async with console(server, tmp_path / "h", helper) as a:
            await until(lambda: a.sync.state is ConnectionState.ONLINE)
            await asyncio.to_thread(server.stop)
            await until(lambda: a.sync.state is ConnectionState.RECONNECTING, what="reconnecting")
            for n in range(5):
                a.team.post(f"bericht {n}")
            assert [m.pending for m in a.team.messages()] == [True] * 5
            await asyncio.to_thread(server.start)
            a.sync.retry_now()
            await until(lambda: texts(a) == [f"bericht {n}" for n in range(5)], timeout=60)
        stored = [m["text"] for m in server_messages(server, trainee)]
        assert sorted(stored) == [f"bericht {n}" for n in range(5)]  # each exactly once

    asyncio.run(scenario())


def test_a_repeated_upload_after_a_lost_answer_stores_one_message(
    demo_sqlite_server, tmp_path, team
):
    """The answer to a PUT was lost: the outbox sends the same txn_id again."""
    _, helper, trainee = team

    async def scenario():
        transport = Transport(settings_for(demo_sqlite_server))
        session = Session(transport, MemoryKeyring())
        await session.login(helper["username"], helper["password"], remember=False)
        first = await transport.call("PUT", "/team/messages/retry-0001", json_body={"text": "een"})
        again = await transport.call("PUT", "/team/messages/retry-0001", json_body={"text": "een"})
        await transport.aclose()
        return first, again

    first, again = asyncio.run(scenario())
    assert first["id"] == again["id"]
    assert [m["text"] for m in server_messages(demo_sqlite_server, trainee)] == ["een"]


def test_server_restart_while_following_misses_no_event(demo_sqlite_server, tmp_path, team):
    _, helper, trainee = team
    server = demo_sqlite_server

    async def scenario():
        async with (
            console(server, tmp_path / "h", helper) as a,
            console(server, tmp_path / "t", trainee) as b,
        ):
            await until(lambda: b.sync.state is ConnectionState.ONLINE)
            a.team.post("voor de herstart")
            await until(lambda: texts(b) == ["voor de herstart"])
            await asyncio.to_thread(server.restart)
            a.team.post("na de herstart 1")
            a.team.post("na de herstart 2")
            b.sync.retry_now()
            await until(
                lambda: texts(b) == ["voor de herstart", "na de herstart 1", "na de herstart 2"],
                timeout=60,
                what="all three messages after the restart",
            )
            assert b.sync.state is ConnectionState.ONLINE

    asyncio.run(scenario())


def test_unknown_certificate_authority_is_refused_and_named(demo_sqlite_server):
    async def scenario():
        transport = Transport(settings_for(demo_sqlite_server, extra_ca_file=""))
        try:
            with pytest.raises(TlsUntrusted) as info:
                await transport.ping()
        finally:
            await transport.aclose()
        return info.value

    error = asyncio.run(scenario())
    assert error.issuer and "Hulpmix Demo CA" in error.issuer


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="the OS is asked there")
def test_new_connections_do_not_reload_the_system_trust_store(demo_sqlite_server, monkeypatch):
    """On Linux the system store is read once per context, not at every connection.

    truststore re-read it at every new connection (40-70 ms of the console's event loop
    here, more with every connection on OpenSSL before 3.4); a console reconnects after
    every quiet spell, so a helper's line waited for it."""
    loads: list[int] = []
    real = ssl.SSLContext.set_default_verify_paths

    def counted(self: ssl.SSLContext) -> None:
        loads.append(1)
        real(self)

    monkeypatch.setattr(ssl.SSLContext, "set_default_verify_paths", counted)
    ctx = ssl_context(str(demo_sqlite_server.ca_file))
    made = len(loads)

    async def five_connections() -> None:
        for _ in range(5):
            async with httpx.AsyncClient(verify=ctx, base_url=demo_sqlite_server.url) as client:
                assert (await client.get("/api/v1/ping")).status_code == 200

    asyncio.run(five_connections())
    assert made <= 1
    assert len(loads) == made  # none per connection


def test_wrong_password_is_unauthorized(demo_sqlite_server):
    async def scenario():
        transport = Transport(settings_for(demo_sqlite_server))
        try:
            with pytest.raises(Unauthorized):
                await Session(transport, MemoryKeyring()).login(
                    "bascule.helper2", "fout-wachtwoord", False
                )
        finally:
            await transport.aclose()

    asyncio.run(scenario())


def test_body_over_the_limit_is_too_large(demo_sqlite_server, tmp_path, team):
    _, helper, _ = team

    async def scenario():
        transport = Transport(settings_for(demo_sqlite_server))
        await Session(transport, MemoryKeyring()).login(
            helper["username"], helper["password"], False
        )
        try:
            with pytest.raises(TooLarge):
                await transport.call(
                    "PUT", "/team/messages/big-00001", json_body={"text": "x" * 200_000}
                )
        finally:
            await transport.aclose()

    asyncio.run(scenario())


def test_remembered_session_survives_in_the_keyring_only(demo_sqlite_server, tmp_path, team):
    _, helper, _ = team
    keyring = MemoryKeyring()

    async def scenario():
        transport = Transport(settings_for(demo_sqlite_server))
        first = Session(transport, keyring)
        await first.login(helper["username"], helper["password"], remember=True)
        assert first.has_remembered(helper["username"])
        second = Session(transport, keyring)
        user = await second.resume(helper["username"])
        assert user is not None and user.username == helper["username"]
        await second.logout()  # revokes on the server and forgets locally
        third = Session(transport, keyring)
        assert await third.resume(helper["username"]) is None
        await transport.aclose()

    asyncio.run(scenario())
    assert all(not key[1].startswith(helper["username"]) for key in keyring.items)


@pytest.mark.parametrize(
    ("schemes", "basic_possible"), [(["NTLM", "Negotiate"], False), (["Basic"], True)]
)
def test_proxy_demanding_authentication_is_explained_without_a_retry_storm(
    demo_sqlite_server, tmp_path, schemes, basic_possible
):
    proxy = TestProxy(ProxyConfig(schemes=schemes, basic_user="u", basic_password="p"))

    async def scenario():
        transport = Transport(
            settings_for(demo_sqlite_server, proxy_mode="manual", proxy_url=proxy.url)
        )
        try:
            with pytest.raises(ProxyAuthRequired) as info:
                await transport.ping()
            store = Store(tmp_path / "s.db", MemoryKeyring(), "k")
            sync = SyncService(transport, store, use_sse=False)
            sync.start()
            await until(lambda: sync.state is ConnectionState.OFFLINE, what="offline")
            asked = proxy.requests
            await asyncio.sleep(3)  # a storm would hammer the proxy during this time
            await sync.stop()
            store.close()
            return info.value, asked, proxy.requests
        finally:
            await transport.aclose()

    try:
        error, asked, later = asyncio.run(scenario())
    finally:
        proxy.close()
    assert error.basic_possible is basic_possible
    assert set(schemes) <= set(error.schemes)
    assert later == asked  # no retries while waiting for a person to act


def test_basic_proxy_credentials_work(demo_sqlite_server):
    proxy = TestProxy(ProxyConfig(schemes=["Basic"], basic_user="jan", basic_password="geheim:1"))

    async def scenario():
        transport = Transport(
            settings_for(demo_sqlite_server, proxy_mode="manual", proxy_url=proxy.url),
            proxy_credentials=("jan", "geheim:1"),
        )
        try:
            return await transport.ping()
        finally:
            await transport.aclose()

    try:
        assert asyncio.run(scenario())["ok"] is True
        assert proxy.tunnels >= 1
    finally:
        proxy.close()


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, b"<html><body>Blocked by your web filter</body></html>", "text/html"),
        (500, b'{"error": "internal", "message": "x", "incident": "abc123"}', "application/json"),
        (502, b"Bad gateway", "text/plain"),
        (503, b'{"error": "busy", "message": "x", "retry_after": 1}', "application/json"),
    ],
)
def test_garbage_or_server_errors_become_a_clear_server_error(
    dev_certs, tmp_path, status, body, content_type
):
    fake = GarbageServer(
        dev_certs / "server.pem", dev_certs / "server.key", status, body, content_type
    )

    async def scenario():
        transport = Transport(
            Settings(
                server_url=fake.url, extra_ca_file=str(dev_certs / "ca.pem"), proxy_mode="none"
            )
        )
        store = Store(tmp_path / "s.db", MemoryKeyring(), "k")
        sync = SyncService(transport, store, use_sse=False)
        try:
            with pytest.raises(ServerError) as info:
                await transport.call("GET", "/sync", params={"since": 0})
            sync.start()
            await until(lambda: sync.state is ConnectionState.RECONNECTING, what="reconnecting")
            assert isinstance(sync.last_error, ServerError)
            return info.value
        finally:
            await sync.stop()
            store.close()
            await transport.aclose()

    try:
        error = asyncio.run(scenario())
    finally:
        fake.close()
    assert error.status == status
    assert error.incident == ("abc123" if status == 500 else None)
    assert error.busy is (status == 503)
    # What the helper reads: a busy server is not "a proxy may be in the way".
    assert ("busy" in explain(error)) is (status == 503)
    assert ("proxy" in explain(error)) is (status in {200, 502})


@pytest.fixture
def buffering_server(tmp_path_factory, dev_certs):
    """A real server whose event stream says hello only after 2 s, like a buffering proxy."""
    from tests.support.servers import RunningServer, run_cli

    url = f"sqlite:///{tmp_path_factory.mktemp('buffered') / 'hulpmix.db'}"
    run_cli("demo-data", database_url=url)
    running = RunningServer(url, dev_certs, env={"HULPMIX_TEST_SSE_HELLO_DELAY": "2"}).start()
    yield running
    running.stop()


def test_a_network_that_holds_back_the_stream_is_remembered_and_long_poll_carries_on(
    buffering_server, tmp_path
):
    """The hello does not arrive in time: stay on long-poll, remember it, keep working."""
    from console.settings import Policy, SettingsStore

    server = buffering_server
    settings = SettingsStore(tmp_path / "settings.json", Policy({}, frozenset()))

    def remember(key: str, value: str) -> None:
        settings.update(transports={**(settings.current.transports or {}), key: value})

    async def scenario():
        transport = Transport(settings_for(server))
        keyring = MemoryKeyring()
        await Session(transport, keyring).login("bjzo.trainee1", "hulpmix-demo", False)
        store = Store(tmp_path / "s.db", keyring, "k")
        sync = SyncService(
            transport,
            store,
            use_sse=True,
            sse_hello_timeout=0.5,  # the rule is 5 s; the server holds the hello 2 s
            recall_transport=lambda key: (settings.current.transports or {}).get(key),
            remember_transport=remember,
        )
        channel = TeamChannel(store, sync)
        sync.start()
        try:
            await until(lambda: settings.current.transports, what="transport remembered")
            remembered = next(iter(settings.current.transports.values()))
            assert remembered.startswith("long-poll:")
            assert sync.transport_name == LONG_POLL
            assert all(not t.done() for t in sync._tasks)  # the stream task lives on
            colleague = {"username": "bjzo.helper2", "password": "hulpmix-demo"}
            async with console(server, tmp_path / "h", colleague) as other:
                other.team.post("komt via long-poll binnen")
                await until(
                    lambda: "komt via long-poll binnen" in [m.text for m in channel.messages()]
                )
            assert sync.transport_name == LONG_POLL
        finally:
            await sync.stop()
            store.close()
            await transport.aclose()

    asyncio.run(scenario())


def test_a_fresh_console_is_online_at_once_even_when_nothing_happens(buffering_server, tmp_path):
    """On a server with an empty log the first poll must not hold before we count as online.

    The poll hold is the server's maximum (55 s) and the wait below gives up long before
    that, so a first poll that holds cannot pass; how fast it is does not matter.
    """
    server = buffering_server

    async def scenario():
        user = {"username": "bjzg.trainee1", "password": "hulpmix-demo"}
        async with console(server, tmp_path / "c", user, poll_timeout=55.0) as c:
            await until(lambda: c.sync.state is ConnectionState.ONLINE, timeout=30, what="online")

    asyncio.run(scenario())


@pytest.mark.parametrize("schemes", [["NTLM", "Negotiate"], []], ids=["sign-in", "open"])
def test_connection_test_through_a_proxy_names_the_proxy_step(demo_sqlite_server, schemes):
    from console.services.diagnostics import Diagnosis, Status, Step

    proxy = TestProxy(ProxyConfig(schemes=schemes))

    async def scenario():
        transport = Transport(
            settings_for(demo_sqlite_server, proxy_mode="manual", proxy_url=proxy.url)
        )
        try:
            return [r async for r in Diagnosis(transport).run()]
        finally:
            await transport.aclose()

    try:
        results = {r.step: r for r in asyncio.run(scenario())}
    finally:
        proxy.close()
    if schemes:
        assert results[Step.PROXY].status is Status.FAIL
        assert results[Step.PROXY].code == "proxy_auth"
        assert results[Step.PROXY].args["schemes"] == schemes
        assert Step.TLS not in results  # later steps are not run after a failure
    else:
        assert results[Step.PROXY].code == "proxy_ok"
        assert all(r.status is Status.OK for s, r in results.items() if s is not Step.PROXY)


def test_typing_warms_the_connection_the_line_will_go_out_on(demo_sqlite_server):
    """A line written after a quiet spell waits for a new connection (through a proxy: a
    tunnel and a TLS handshake). `warm`, called when the helper starts typing, opens it
    ahead; the line then goes out on it. The proxy counts the tunnels."""
    proxy = TestProxy()
    expiry = 0.3  # the pool's idle expiry, shortened from 20 s so the test need not wait

    def client(**kwargs):
        limits = httpx.Limits(max_connections=8, max_keepalive_connections=4,
                              keepalive_expiry=expiry)  # fmt: skip
        return httpx.AsyncClient(**{**kwargs, "limits": limits})

    async def scenario() -> list[object]:
        transport = Transport(
            settings_for(demo_sqlite_server, proxy_mode="manual", proxy_url=proxy.url),
            client_factory=client,
        )
        transport.warm_after = expiry / 2
        seen: list[object] = []
        try:
            await transport.ping()
            seen.append(proxy.tunnels)  # 1
            seen.append(await transport.warm())  # just answered: nothing to do
            seen.append(proxy.tunnels)  # 1
            await asyncio.sleep(expiry * 2)  # the idle connection expires
            seen.append(await transport.warm())  # the helper starts typing
            seen.append(proxy.tunnels)  # 2: opened ahead
            await transport.ping()  # the line goes out
            seen.append(proxy.tunnels)  # still 2: on the warmed connection
            await asyncio.sleep(expiry * 2)
            await transport.ping()  # a line without warming after a quiet spell
            seen.append(proxy.tunnels)  # 3: it had to open one
        finally:
            await transport.aclose()
        return seen

    try:
        assert asyncio.run(scenario()) == [1, False, 1, True, 2, 2, 3]
    finally:
        proxy.close()
