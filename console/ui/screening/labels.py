"""Dutch (via tr) names for the wire words of screening, and what a 409 means to a person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.forum import ScreeningConflict


def decision_label(decision: str) -> str:
    labels = {
        "publish": QCoreApplication.translate("ScreeningLabels", "published"),
        "edit": QCoreApplication.translate("ScreeningLabels", "edited and published"),
        "reject": QCoreApplication.translate("ScreeningLabels", "rejected"),
        "hold": QCoreApplication.translate("ScreeningLabels", "held for the trainees' meeting"),
        "escalate": QCoreApplication.translate("ScreeningLabels", "escalated to the supervisors"),
    }
    return labels.get(decision, decision)


def reason_label(reason: str, server_label: str = "") -> str:
    """Our translation of a known reason; the admin's own label for one they added."""
    labels = {
        "glorifies": QCoreApplication.translate(
            "ScreeningLabels", "Glorifies or promotes destructive behaviour"
        ),
        "personal_data": QCoreApplication.translate("ScreeningLabels", "Personal data"),
        "method_details": QCoreApplication.translate("ScreeningLabels", "Details of methods"),
        "disrespectful": QCoreApplication.translate("ScreeningLabels", "Disrespectful"),
        "not_serious": QCoreApplication.translate("ScreeningLabels", "Not serious or spam"),
        "other": QCoreApplication.translate("ScreeningLabels", "Other (remark required)"),
    }
    return labels.get(reason, server_label or reason.replace("_", " "))


def round_state_label(state: str) -> str:
    labels = {
        "upcoming": QCoreApplication.translate("ScreeningLabels", "upcoming"),
        "open": QCoreApplication.translate("ScreeningLabels", "open"),
        "closed": QCoreApplication.translate("ScreeningLabels", "closed"),
        "missed": QCoreApplication.translate("ScreeningLabels", "missed"),
    }
    return labels.get(state, state)


def explain_conflict(exc: ScreeningConflict) -> str:
    """One sentence that says what happened and who, so the screener can move on."""
    who = exc.who or QCoreApplication.translate("ScreeningLabels", "a colleague")
    if exc.reason == "claimed":
        return QCoreApplication.translate(
            "ScreeningLabels", "{0} is already screening this post. It stays with them."
        ).format(who)
    if exc.reason == "decided":
        decision = exc.item.decision if exc.item is not None else None
        if decision is not None:
            return QCoreApplication.translate(
                "ScreeningLabels", "{0} already decided on this post: {1}."
            ).format(who, decision_label(decision.decision))
        return QCoreApplication.translate("ScreeningLabels", "This post has already been decided.")
    if exc.reason == "round_closed":
        return QCoreApplication.translate(
            "ScreeningLabels",
            "No screening round is open. Open the round first (button at the top).",
        )
    if exc.reason == "outside_window":
        return QCoreApplication.translate(
            "ScreeningLabels", "A round can only be opened during its time window."
        )
    if exc.reason in ("open", "closed", "missed", "not_open"):
        return QCoreApplication.translate(
            "ScreeningLabels", "This round cannot be opened or closed now: it is {0}."
        ).format(round_state_label("upcoming" if exc.reason == "not_open" else exc.reason))
    if exc.reason == "undo_expired":
        return QCoreApplication.translate(
            "ScreeningLabels", "This can no longer be undone: the two minutes have passed."
        )
    if exc.reason == "not_yours":
        return QCoreApplication.translate(
            "ScreeningLabels", "Only the person who decided can undo it."
        )
    return QCoreApplication.translate("ScreeningLabels", "The server refused: {0}").format(
        exc.message
    )
