"""Printing a roster view, on paper or as PDF, through Qt's own printing.

What is printed is what the view shows: the table model's header and cell texts (the same
words, names and "seat taken" as on screen, in the interface language), laid out as a
plain HTML table in a QTextDocument. Cell text is escaped, never interpreted: a name with
`<` in it prints as typed. Any QAbstractItemModel works, so the week grid and the month
overview share this.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def _cell(text: object) -> str:
    lines = str(text or "").splitlines() or [""]
    return "<br/>".join(html.escape(line) for line in lines)


def table_html(model: QAbstractItemModel, title: str, note: str = "") -> str:
    """The model as an HTML table with the title above and a printed-at line below."""
    columns = model.columnCount()
    head = "".join(
        f"<th>{_cell(model.headerData(c, Qt.Orientation.Horizontal))}</th>" for c in range(columns)
    )
    rows = []
    for r in range(model.rowCount()):
        cells = "".join(f"<td>{_cell(model.data(model.index(r, c)))}</td>" for c in range(columns))
        rows.append(f"<tr>{cells}</tr>")
    printed = datetime.now().strftime("%d-%m-%Y %H:%M")
    stamp = QCoreApplication.translate("RosterPrinting", "Printed {0}").format(printed)
    parts = [
        "<html><head><style>",
        "table { border-collapse: collapse; } th, td { border: 1px solid #888;"
        " padding: 4px; vertical-align: top; white-space: pre-wrap; }"
        " th { background: #e8e8e8; }",
        "</style></head><body>",
        f"<h2>{html.escape(title)}</h2>",
        f"<p>{html.escape(note)}</p>" if note else "",
        f'<table width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>',
        f"<tbody>{''.join(rows)}</tbody></table>",
        f"<p><small>{html.escape(stamp)}</small></p>",
        "</body></html>",
    ]
    return "".join(parts)


def document_for(model: QAbstractItemModel, title: str, note: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setHtml(table_html(model, title, note))
    return document


def _landscape(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def save_pdf(model: QAbstractItemModel, title: str, path: Path, note: str = "") -> None:
    """Write the view to `path` as an A4 landscape PDF."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    _landscape(printer)
    document_for(model, title, note).print_(printer)


def print_view(
    model: QAbstractItemModel, title: str, parent: QWidget | None, note: str = ""
) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    _landscape(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RosterPrinting", "Print the roster"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document_for(model, title, note).print_(printer)
    return True
