"""`python -m server`: migrate, accounts, demo data, development certificates, serve."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from console.domain.roles import Role, parse_roles
from server.config import ENV_VARS, Settings
from server.db.database import Database
from server.errors import ApiError


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        database_url=args.database_url,
        tls_cert=getattr(args, "cert", None),
        tls_key=getattr(args, "key", None),
        access_ttl=getattr(args, "access_ttl", None),
        max_body_bytes=getattr(args, "max_body_bytes", None),
    )


def _migrate(settings: Settings) -> Database:
    from server.db.migrate import upgrade

    db = Database(settings.database_url)
    upgrade(db)
    return db


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _migrate(settings).dispose()
    print("database is up to date")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != first:
            raise SystemExit("error: the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_create_institution(args: argparse.Namespace) -> int:
    from server.accounts import create_institution

    db = Database(_settings(args).database_url)
    with db.write() as conn:
        new_id = create_institution(conn, args.code, args.name)
    print(f"created institution {args.code} (id {new_id})")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from server.accounts import create_user, institution_by_code

    roles = parse_roles(args.role)
    password = _read_password()
    db = Database(_settings(args).database_url)
    with db.write() as conn:
        inst = institution_by_code(conn, args.institution)
        if inst is None:
            raise SystemExit(f"error: no institution with code {args.institution!r}")
        new_id = create_user(
            conn, args.username, args.display_name or args.username, password, roles, inst["id"]
        )
    print(f"created user {args.username} (id {new_id}) with roles {', '.join(sorted(roles))}")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from server.demo import DEMO_PASSWORD, load_demo_data

    db = _migrate(_settings(args))
    accounts = load_demo_data(db)
    db.dispose()
    print("Demo accounts (password for all: " + DEMO_PASSWORD + "):")
    for account in accounts:
        roles = ", ".join(sorted(account.roles))
        state = "new" if account.created else "existing"
        print(f"  {account.username:<18} {account.display_name:<24} {roles:<20} ({state})")
    return 0


def cmd_dev_cert(args: argparse.Namespace) -> int:
    from server.devcert import make_dev_certs

    paths = make_dev_certs(Path(args.out), args.hostname)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from server import serve

    settings = _settings(args)
    return serve.run(
        settings,
        args.host,
        args.port,
        insecure_http=args.insecure_http,
        workers=args.workers,
        forwarded_allow_ips=args.forwarded_allow_ips,
        graceful_timeout=args.graceful_timeout,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help=f"SQLAlchemy URL (env {ENV_VARS['database_url']})")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("migrate", parents=[common], help="create or upgrade the schema")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("create-institution", parents=[common], help="add an institution")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.set_defaults(func=cmd_create_institution)

    p = sub.add_parser(
        "create-user",
        parents=[common],
        help="add a staff account (password from a prompt, or from stdin when piped)",
    )
    p.add_argument("--username", required=True)
    p.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help="repeat for several roles",
    )
    p.add_argument("--institution", required=True, help="institution code")
    p.add_argument("--display-name")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser("demo-data", parents=[common], help="migrate and load demo accounts")
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("dev-cert", help="make a local demo CA and a server certificate")
    p.add_argument("--out", required=True, help="directory for ca.pem/server.pem/server.key")
    p.add_argument("--hostname", action="append", default=[], help="extra name or address")
    p.set_defaults(func=cmd_dev_cert)

    p = sub.add_parser("serve", parents=[common], help="run the HTTPS server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--cert", help=f"certificate chain PEM (env {ENV_VARS['tls_cert']})")
    p.add_argument("--key", help=f"private key PEM (env {ENV_VARS['tls_key']})")
    p.add_argument(
        "--insecure-http",
        action="store_true",
        help="plain HTTP, only behind a TLS-terminating proxy",
    )
    p.add_argument("--workers", type=int, default=int(os.environ.get("HULPMIX_WORKERS", "1")))
    p.add_argument("--access-ttl", type=int, help="access token lifetime in seconds")
    p.add_argument("--max-body-bytes", type=int, help="request body limit in bytes")
    p.add_argument(
        "--forwarded-allow-ips",
        default=os.environ.get("HULPMIX_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        help="proxies whose X-Forwarded-For is trusted (comma-separated)",
    )
    p.add_argument("--graceful-timeout", type=int, default=3, help="seconds to drain on stop")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ApiError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
