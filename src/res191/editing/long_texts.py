"""A meeting's outcome or a report's narrative longer than a workbook's cell holds (CELL_MOST characters).

Export writes such a text cut there in a workbook (XlsxWriter cuts it, as Excel would), and whole in the
CSV files and the JSON; `cut_in_a_workbook` names the cells it cuts, for export to say so. Import reads a
cell holding the text as exported (its start) back as the whole text, left as it is; any other text in
that cell, longer or shorter, is refused (`texts_cut_in_a_cell`): landing it would cut the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from res191.diagnostics import Diagnostic, Location, problem
from res191.editing.exchange import Cell
from res191.editing.incoming import Incoming
from res191.editing.markdown_text import TEXT, text_of
from res191.editing.sheets import Sheet
from res191.loading.record import LoadedRecords
from res191.models import KINDS

# The most characters a workbook's cell holds: XlsxWriter cuts a longer text there (Excel's limit).
CELL_MOST = 32_767


def cut_in_a_workbook(sheets: Iterable[Sheet]) -> list[str]:
    """The cells whose text is longer than a workbook's cell holds (CELL_MOST characters), which
    write_xlsx cuts there: `meetings!N4 (iscg-2024-01-24)`."""
    found = []
    for sheet in sheets:
        headings = sheet.headings
        for row_number, row in enumerate(sheet.rows, start=2):
            for column, heading in enumerate(headings, start=1):
                value = row.get(heading)
                if isinstance(value, str) and len(value) > CELL_MOST:
                    found.append(f"{Cell(sheet.shape.name, row_number, column)} ({row['id']})")
    return found


def texts_cut_in_a_cell(
    incoming: list[Incoming], loaded: LoadedRecords
) -> tuple[list[Diagnostic], list[str]]:
    """The problems and notes of a workbook's texts whose records hold more than a cell does: a cell
    holding the start of its record's text, as exported, leaves the text whole, as it is (with a note);
    a cell holding anything else but the whole text is refused, whatever its length, for the import
    would cut the rest (an edit that shortens the cell would otherwise pass as a new, shorter text)."""
    problems: list[Diagnostic] = []
    notes: list[str] = []
    for record in incoming:
        given = record.set_values.get((TEXT,))
        existing = loaded.find(record.kind, record.id) if KINDS[record.kind].markdown else None
        if existing is None or not isinstance(given, str):
            continue
        held = text_of(existing.body) or ""
        if len(held) <= CELL_MOST or given == held:
            continue
        where = record.origin((TEXT,))
        if given == held[:CELL_MOST]:
            record.set_values[(TEXT,)] = held
            notes.append(
                f"{where}: the text of {existing.shown} is longer than a cell holds ({CELL_MOST:,} "
                "characters), and the cell holds its start: the text is left as it is"
            )
        else:
            problems.append(
                Diagnostic(
                    problem("S203"),
                    Location(where, 0, 0),
                    f"the text of {existing.shown} is longer than a cell holds ({CELL_MOST:,} characters): "
                    "the workbook has its start only, and importing this cell would cut the rest",
                    f"edit the text in {existing.shown}, or in a CSV or JSON export, which hold it whole",
                )
            )
    return problems, notes
