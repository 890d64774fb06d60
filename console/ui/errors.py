"""Sentences for what went wrong, in the user's language, for people and IT desks alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.errors import (
    ApiError,
    BadCertificateFile,
    Conflict,
    Forbidden,
    Invalid,
    Offline,
    ProxyAuthRequired,
    ServerError,
    Throttled,
    TlsUntrusted,
    TooLarge,
    Unauthorized,
)


def explain(exc: BaseException, *, during_login: bool = False) -> str:
    """One or two plain sentences; technical detail only where an IT desk needs it."""
    if isinstance(exc, Unauthorized):
        if during_login:
            return QCoreApplication.translate("Errors", "The username or password is not correct.")
        return QCoreApplication.translate("Errors", "Your session has ended. Please log in again.")
    if isinstance(exc, Throttled):
        minutes = max(1, (exc.retry_after + 59) // 60)
        return QCoreApplication.translate(
            "Errors",
            "Too many failed attempts. For your safety, logging in is blocked for %n minute(s).",
            None,
            minutes,
        )
    if isinstance(exc, TlsUntrusted):
        if exc.issuer:
            return QCoreApplication.translate(
                "Errors",
                "The connection is not trusted: the certificate was issued by \u201c{0}\u201d, "
                "which this computer does not trust. If your organisation inspects HTTPS "
                "traffic, ask your IT desk to install that root certificate. The console "
                "never connects without a trusted certificate.",
            ).format(exc.issuer)
        return QCoreApplication.translate(
            "Errors",
            "The connection is not trusted: the server's certificate could not be verified. "
            "The console never connects without a trusted certificate.",
        )
    if isinstance(exc, BadCertificateFile):
        return QCoreApplication.translate(
            "Errors",
            "The extra root certificate file {0} cannot be used ({1}). Check it under "
            "Settings, or ask your IT department.",
        ).format(exc.path, exc.detail)
    if isinstance(exc, ProxyAuthRequired):
        if exc.basic_possible:
            if exc.had_credentials:
                return QCoreApplication.translate(
                    "Errors", "The proxy server did not accept your proxy username and password."
                )
            return QCoreApplication.translate(
                "Errors",
                "The proxy server asks for a username and password. Enter them under "
                "Settings \u2192 Proxy.",
            )
        schemes = ", ".join(exc.schemes) or QCoreApplication.translate(
            "Errors", "an unknown method"
        )
        return QCoreApplication.translate(
            "Errors",
            "The proxy server asks for Windows sign-in ({0}), which the console cannot use. "
            "Ask your IT desk to allow this server through the proxy without sign-in, or to "
            "provide a proxy account with Basic authentication.",
        ).format(schemes)
    if isinstance(exc, Offline):
        if exc.step == "dns":
            return QCoreApplication.translate(
                "Errors",
                "The server's name cannot be found. Check the server address and the network.",
            )
        if exc.step == "timeout":
            return QCoreApplication.translate(
                "Errors", "The server does not answer in time. The console keeps trying."
            )
        if exc.step == "proxy":
            return QCoreApplication.translate(
                "Errors", "The proxy server cannot be reached or refused the connection."
            )
        return QCoreApplication.translate(
            "Errors", "The server cannot be reached. The console keeps trying."
        )
    if isinstance(exc, ServerError):
        if exc.busy:
            return QCoreApplication.translate(
                "Errors", "The server was busy with the same data. Your work is kept; try again."
            )
        if exc.incident:
            return QCoreApplication.translate(
                "Errors",
                "The server had a problem (incident {0}). Your work is kept; try again shortly.",
            ).format(exc.incident)
        return QCoreApplication.translate(
            "Errors",
            "The server gave an answer the console does not understand (HTTP {0}). A proxy may "
            "be in the way. Your work is kept.",
        ).format(exc.status)
    if isinstance(exc, TooLarge):
        return QCoreApplication.translate("Errors", "That is too long to send.")
    if isinstance(exc, Conflict):
        reason = exc.body.get("reason")
        if reason == "registration_pending":
            return QCoreApplication.translate(
                "Errors", "Register your last chat before you take the next one."
            )
        if reason == "not_your_chat":
            return QCoreApplication.translate(
                "Errors", "This chat is no longer yours: it was handed over to a colleague."
            )
        if reason == "ended":
            return QCoreApplication.translate("Errors", "This chat has already ended.")
        return QCoreApplication.translate("Errors", "Someone else changed this in the meantime.")
    if isinstance(exc, Forbidden):
        return QCoreApplication.translate("Errors", "You are not allowed to do this.")
    if isinstance(exc, Invalid):
        return QCoreApplication.translate("Errors", "The server did not accept this: {0}").format(
            exc.message
        )
    if isinstance(exc, ApiError):
        return exc.message or str(exc)
    return QCoreApplication.translate("Errors", "Something unexpected went wrong: {0}").format(exc)
