""" "Test connection": each step with its result, in words an IT desk can act on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.diagnostics import STEPS, Status, Step, StepResult

_MARK = {
    Status.OK: "\u2714",
    Status.WARN: "\u26a0",
    Status.FAIL: "\u2716",
    Status.SKIPPED: "\u2013",
}
_COLOUR = {
    Status.OK: "#1a7f37",
    Status.WARN: "#b8860b",
    Status.FAIL: "#c62828",
    Status.SKIPPED: "#777",
}


class DiagnosticsDialog(QDialog):
    run_requested = Signal()

    def __init__(self, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Test connection"))
        self.resize(760, 380)
        self.server_url = server_url
        intro = QLabel(
            self.tr(
                "Checks every step from this computer to {0}. Copy the report for your IT desk."
            ).format(server_url)
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["", self.tr("Step"), self.tr("Result")])
        self.view = QTableView()
        self.view.setObjectName("diagnosticsTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.again = QPushButton(self.tr("Run again"))
        self.copy = QPushButton(self.tr("Copy report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.again.clicked.connect(self.start)
        self.copy.clicked.connect(self._copy)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.results: list[StepResult] = []

    def step_name(self, step: Step) -> str:
        return {
            Step.DNS: self.tr("Name lookup"),
            Step.PROXY: self.tr("Proxy"),
            Step.TCP: self.tr("Network connection (TCP)"),
            Step.TLS: self.tr("Secure connection (TLS)"),
            Step.HTTP: self.tr("Server answers (HTTP)"),
            Step.STREAM: self.tr("Live updates (event stream)"),
        }[step]

    def describe(self, result: StepResult) -> str:
        a: dict[str, Any] = result.args
        texts = {
            "dns_ok": lambda: self.tr("{0} found: {1}").format(
                a["name"], ", ".join(a["addresses"])
            ),
            "dns_failed": lambda: self.tr(
                "The name {0} cannot be found. Check the address, or ask IT whether this "
                "computer may look up outside names."
            ).format(a["name"]),
            "proxy_none": lambda: self.tr("No proxy is used."),
            "proxy_ok": lambda: self.tr("Proxy {0} lets the connection through.").format(
                a["proxy"]
            ),
            "proxy_auth": lambda: self.tr(
                "The proxy asks for sign-in. Enter a proxy account under Settings, or ask IT to "
                "allow this server without sign-in."
            ),
            "proxy_refused": lambda: self.tr(
                "Proxy {0} refuses the connection ({1}). Ask IT to allow HTTPS to the server."
            ).format(a["proxy"], a.get("answer", "")),
            "proxy_unreachable": lambda: self.tr("Proxy {0} cannot be reached: {1}").format(
                a["proxy"], a.get("error", "")
            ),
            "tcp_ok": lambda: self.tr("Connected to {0}.").format(a["target"]),
            "tcp_failed": lambda: self.tr(
                "No connection to {0}: {1}. A firewall may block it; ask IT to allow HTTPS (port "
                "443) to the server."
            ).format(a["target"], a.get("error", "")),
            "tls_ok": lambda: self.tr("{0}, certificate issued by \u201c{1}\u201d.").format(
                a["version"], a["issuer"]
            ),
            "tls_untrusted": lambda: self.tr(
                "The certificate is issued by \u201c{0}\u201d, which this computer does not "
                "trust. If that is your organisation's inspecting proxy, IT must install its "
                "root certificate."
            ).format(a.get("issuer", "?")),
            "tls_ca_file": lambda: self.tr(
                "The extra root certificate file {0} cannot be used: {1}"
            ).format(a["path"], a["error"]),
            "tls_failed": lambda: self.tr("The secure connection failed: {0}").format(
                a.get("error", "")
            ),
            "http_ok": lambda: self.tr("The server answers (version {0}).").format(a["version"]),
            "http_failed": lambda: self.tr("The server does not answer properly: {0}").format(
                a.get("error", "")
            ),
            "stream_ok": lambda: self.tr("Live updates arrive at once.").format(),
            "stream_buffered": lambda: self.tr(
                "A proxy holds back live updates ({0} s). The console works anyway by asking "
                "regularly; IT can exempt this server from buffering for faster updates."
            ).format(a["delay"]),
            "stream_failed": lambda: self.tr(
                "Live updates do not get through ({0}). The console works anyway by asking "
                "regularly."
            ).format(a.get("error", "")),
        }
        maker = texts.get(result.code)
        return maker() if maker else result.code

    def start(self) -> None:
        self.results = []
        self.model.removeRows(0, self.model.rowCount())
        for step in STEPS:
            self.model.appendRow(
                [QStandardItem("\u2026"), QStandardItem(self.step_name(step)), QStandardItem("")]
            )
        self.summary.setText(self.tr("Testing\u2026"))
        self.again.setEnabled(False)
        self.run_requested.emit()

    def add_result(self, result: StepResult) -> None:
        self.results.append(result)
        row = STEPS.index(result.step)
        mark = QStandardItem(_MARK[result.status])
        mark.setForeground(QColor(_COLOUR[result.status]))
        mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.model.setItem(row, 0, mark)
        self.model.setItem(row, 2, QStandardItem(self.describe(result)))
        self.view.resizeRowsToContents()

    def finish(self) -> None:
        self.again.setEnabled(True)
        done = {r.step for r in self.results}
        for row, step in enumerate(STEPS):
            if step not in done:
                self.model.setItem(row, 0, QStandardItem(_MARK[Status.SKIPPED]))
                self.model.setItem(
                    row, 2, QStandardItem(self.tr("Not tested: an earlier step failed."))
                )
        failed = [r for r in self.results if r.status is Status.FAIL]
        if failed:
            self.summary.setText(self.tr("Failed at: {0}.").format(self.step_name(failed[0].step)))
        elif any(r.status is Status.WARN for r in self.results):
            self.summary.setText(self.tr("The connection works, with a remark."))
        else:
            self.summary.setText(self.tr("Everything works."))

    def fail(self, text: str) -> None:
        """The test could not even start (for example an unreadable certificate file)."""
        self.finish()
        self.summary.setText(text)

    def report(self) -> str:
        lines = [self.tr("Connection test to {0}").format(self.server_url)]
        for result in self.results:
            lines.append(
                f"{_MARK[result.status]} {self.step_name(result.step)} "
                f"({result.seconds:.2f} s): {self.describe(result)}"
            )
        return "\n".join(lines)

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.report())
