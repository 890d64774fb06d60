"""The roster's reports and exchange: the fairness report with the holiday ledger, and the
grid as an XLSX workbook (export, and an all-or-nothing import).

Kept apart from `server/api/roster.py` (the grid's own endpoints); the contract is in
docs/roster.md ("Fairness report" and "XLSX export and import").
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from console.domain.roles import Role
from server.auth import Principal, policy
from server.db.tables import utcnow
from server.errors import ApiError, conflict
from server.roster import core, exchange, report
from server.state import app_state

router = APIRouter(prefix="/roster", tags=["roster"])

CENTRAL = frozenset({Role.ROSTER_COORDINATOR})
CENTRAL_READERS = CENTRAL | {Role.PROJECT_LEAD}
#: Figures per institution, nothing personal: planners and supervisors read them.
FAIRNESS_READERS = CENTRAL_READERS | {Role.SUPERVISOR}

FairnessReader = Annotated[Principal, Depends(policy(FAIRNESS_READERS, "all"))]
CentralRead = Annotated[Principal, Depends(policy(CENTRAL_READERS, "all"))]
Central = Annotated[Principal, Depends(policy(CENTRAL, "all"))]
Start = Annotated[date, Query()]
End = Annotated[date, Query()]


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422, "invalid", f"{field}: {message}", fields=[{"field": field, "message": message}]
    )


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise _invalid("end", "The period ends before it starts.")
    if (end - start).days + 1 > core.MAX_PERIOD_DAYS:
        raise _invalid("end", f"A period spans at most {core.MAX_PERIOD_DAYS} days.")


@router.get("/fairness")
def fairness_report(request: Request, _who: FairnessReader, start: Start, end: End) -> Any:
    """Blocks, Fridays, holidays and forum duty per institution against its commitment,
    with the spreads, and the holiday ledger of the 12 months up to `end`."""
    _check_period(start, end)
    with app_state(request).db.read() as conn:
        return report.report_json(conn, start, end)


@router.get(
    "/export.xlsx",
    response_class=Response,
    responses={
        200: {
            "description": "An XLSX workbook.",
            "content": {exchange.MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
def export_roster(request: Request, _who: CentralRead, start: Start, end: End) -> Response:
    """The draft of a period as an XLSX workbook."""
    _check_period(start, end)
    with app_state(request).db.read() as conn:
        content = exchange.export_xlsx(conn, start, end)
    name = f"hulpmix-rooster-{start.isoformat()}-{end.isoformat()}.xlsx"
    return Response(
        content,
        media_type=exchange.MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "private, no-cache",
        },
    )


class _Lost(Exception):
    """A row moved between the check and the write: roll back, answer 409."""


def _import(request: Request, who: Principal, content: bytes) -> dict[str, Any]:
    db = app_state(request).db
    try:
        with db.write() as conn:
            plan, errors = exchange.plan_import(conn, content)
            if errors:
                shown = errors[: exchange.MAX_ERRORS]
                rows = sorted({e.row for e in errors})
                raise ApiError(
                    422,
                    "invalid",
                    f"{len(rows)} row(s) of the file have errors; nothing was changed.",
                    errors=[e.as_dict() for e in shown],
                    more=len(errors) - len(shown),
                )
            if not exchange.apply_plan(conn, plan, who.user_id, utcnow()):
                raise _Lost
    except exchange.WorkbookRefused as refused:
        code = "too_large" if refused.status == 413 else "invalid"
        raise ApiError(
            refused.status,
            code,
            refused.message,
            errors=[{"row": None, "field": "file", "message": refused.message}],
            more=0,
        ) from None
    except (_Lost, IntegrityError):
        raise conflict(
            "The roster changed while the file was imported; nothing was changed. Try again.",
            reason="stale",
        ) from None
    return {"rows": plan.rows, "blocks": len(plan.blocks), "forum": len(plan.forum)}


@router.post("/import")
async def import_roster(request: Request, who: Central) -> Any:
    """Apply an XLSX workbook (the request body) all or nothing: 422 with every error per
    row (sheet row number, column, English sentence) and no change, or every change made
    with the same events as hand edits. The body limit (413) bounds the upload."""
    content = await request.body()
    return await run_in_threadpool(_import, request, who, content)
