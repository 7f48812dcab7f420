"""Findings as a table at the terminal, JSON, Markdown or CSV: one function each."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, TextIO

from res191.overlaps.findings import Finding


def as_dict(finding: Finding) -> dict[str, Any]:
    """A finding as plain data; the keys are part of res191's stable interface."""
    return {
        "id": finding.id,
        "kind": finding.kind,
        "title": finding.title,
        "score": finding.score,
        "members": [
            {
                "kind": m.kind,
                "id": m.id,
                "label": m.label,
                "path": m.path,
                "line": m.line,
                "sector": m.sector,
            }
            for m in finding.members
        ],
        "evidence": list(finding.evidence),
        "proposal": finding.proposal,
    }


def write_json(findings: list[Finding], out: TextIO) -> None:
    """A JSON list of findings, one per line: readable, and written by the C encoder (indent is not)."""
    if not findings:
        out.write("[]\n")
        return
    out.write("[\n" + ",\n".join(json.dumps(as_dict(f), ensure_ascii=False) for f in findings) + "\n]\n")


def write_csv(findings: list[Finding], out: TextIO) -> None:
    """One row per finding; members and evidence joined with `; `."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "kind", "score", "members", "places", "evidence", "proposal"])
    for f in findings:
        places = "; ".join(f"{m.path}:{m.line}" for m in f.members)
        members = "; ".join(m.label for m in f.members)
        writer.writerow([f.id, f.kind, f"{f.score:.2f}", members, places, "; ".join(f.evidence), f.proposal])


def markdown(findings: list[Finding]) -> str:
    """A Markdown list of findings, one paragraph each: what a Council document could carry."""
    if not findings:
        return "No overlap was found.\n"
    lines = []
    for f in findings:
        members = "; ".join(m.label for m in f.members)
        lines.append(f"- **{f.title}** ({f.id}, score {f.score:.2f}): {f.proposal}  \n  Records: {members}.")
    return "\n".join(lines) + "\n"


def write_markdown(findings: list[Finding], out: TextIO) -> None:
    """The Markdown list of findings."""
    out.write(markdown(findings))


def write_text(findings: list[Finding], out: TextIO) -> None:
    """A rich table for people at a terminal, one row per finding, then a count."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, highlight=False)
    if not findings:
        console.print("No overlap found.")
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("finding", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("proposal, evidence and records", ratio=1)
    for f in findings:
        records = "\n".join(f"  {escape(m.label)} [dim]{m.path}:{m.line}[/dim]" for m in f.members)
        details = escape(f.proposal)
        if set(f.evidence) - {
            m.label for m in f.members
        }:  # citations already listed as records say nothing new
            details += f"\n[cyan]evidence:[/cyan] {escape(', '.join(f.evidence))}"
        details += f"\n{records}"
        table.add_row(f"{f.id}\n[bold]{f.kind}[/bold]", f"{f.score:.2f}", details)
    console.print(table)
    console.print(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")


FORMATS: dict[str, Callable[[list[Finding], TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "md": write_markdown,
    "csv": write_csv,
}
