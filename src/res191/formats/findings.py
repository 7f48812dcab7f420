"""Findings as a table at the terminal, JSON, Markdown or CSV: one function each."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, TextIO

from res191.overlaps.common import UNCONFIRMED
from res191.overlaps.findings import SCORE_MEANING, Finding

# The score column's name, wherever findings are tabled: it has one meaning (SCORE_MEANING).
SCORE_COLUMN = "likeness"


def shown_score(finding: Finding) -> str:
    """A finding's score as a table shows it: `0.83`, or `-` for a fact of the records, which has none."""
    return "-" if finding.score is None else f"{finding.score:.2f}"


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
        "actions": [
            {
                "do": a.do,
                "instruments": list(a.instruments),
                "body": a.body,
                "when": a.when,
                **({"refers_to": a.refers_to} if a.refers_to else {}),
                **({"check": a.check} if a.check else {}),
            }
            for a in finding.actions
        ],
    }


def write_json(findings: list[Finding], out: TextIO) -> None:
    """A JSON list of findings, one per line: readable, and written by the C encoder (indent is not)."""
    if not findings:
        out.write("[]\n")
        return
    # A line at a time: the whole text of 10,000 findings is never held at once.
    for n, finding in enumerate(findings):
        out.write(("[\n" if n == 0 else ",\n") + json.dumps(as_dict(finding), ensure_ascii=False))
    out.write("\n]\n")


def write_csv(findings: list[Finding], out: TextIO) -> None:
    """One row per finding; members and evidence joined with `; `."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "kind", SCORE_COLUMN, "members", "places", "evidence", "proposal"])
    for f in findings:
        places = "; ".join(f"{m.path}:{m.line}" for m in f.members)
        members = "; ".join(m.label for m in f.members)
        writer.writerow([f.id, f.kind, shown_score(f), members, places, "; ".join(f.evidence), f.proposal])


def unconfirmed(findings: list[Finding]) -> bool:
    """Whether a finding cites an edition that is only the latest recorded (marked with an asterisk)."""
    return any(m.label.endswith("*") for f in findings for m in f.members)


def markdown(findings: list[Finding]) -> str:
    """A Markdown list of findings, one paragraph each: what a Council document could carry."""
    if not findings:
        return "No overlap was found.\n"
    lines = []
    for f in findings:
        members = "; ".join(m.label for m in f.members)
        score = "" if f.score is None else f", {SCORE_COLUMN} {f.score:.2f}"
        lines.append(f"- **{f.title}** ({f.id}{score}): {f.proposal}  \n  Records: {members}.")
    lines.append(f"\n{SCORE_COLUMN.capitalize()}: the {SCORE_MEANING}; - for a fact of the records.")
    if unconfirmed(findings):
        lines.append(f"\n{UNCONFIRMED.replace('*', chr(92) + '*', 1)}.")
    return "\n".join(lines) + "\n"


def write_markdown(findings: list[Finding], out: TextIO) -> None:
    """The Markdown list of findings."""
    out.write(markdown(findings))


def write_text(findings: list[Finding], out: TextIO) -> None:
    """A rich table for people at a terminal, one row per finding, then a count."""
    from rich.markup import escape
    from rich.table import Table

    from res191.terminal import console as terminal

    console = terminal(out, highlight=False)
    if not findings:
        console.print("No overlap found.")
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("finding", no_wrap=True)
    table.add_column(SCORE_COLUMN, justify="right", no_wrap=True)
    table.add_column("proposal, evidence and records", ratio=1)
    for f in findings:
        records = "\n".join(f"  {escape(m.label)} [dim]{m.path}:{m.line}[/dim]" for m in f.members)
        details = escape(f.proposal)
        if set(f.evidence) - {
            m.label for m in f.members
        }:  # citations already listed as records say nothing new
            details += f"\n[cyan]evidence:[/cyan] {escape(', '.join(f.evidence))}"
        details += f"\n{records}"
        table.add_row(f"{f.id}\n[bold]{f.kind}[/bold]", shown_score(f), details)
    console.print(table)
    console.print(f"{SCORE_COLUMN}: the {escape(SCORE_MEANING)}; - for a fact of the records.")
    if unconfirmed(findings):
        console.print(escape(UNCONFIRMED))
    console.print(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")


# Why a finding of a structural kind was made: it is a fact of the records, not a likeness of texts.
_RULES = {
    "streamline": "the theme lists resolutions of the conferences of two Sectors or more",
    "several-conferences": "the theme lists resolutions of two conferences or more, of one Sector at most",
}


def explanation(finding: Finding) -> dict[str, Any]:
    """A finding with what made it: for a likeness of texts, each shared term and its weight in each."""
    found = as_dict(finding)
    found["rule"] = _RULES.get(finding.kind)
    found["links"] = [
        {
            "first": link.first,
            "second": link.second,
            "score": link.score,
            **({"short_of": link.short_of} if link.short_of else {}),
            "terms": [
                {"term": t.term, "first": t.first, "second": t.second, "adds": t.adds} for t in link.terms
            ],
        }
        for link in finding.links
    ]
    return found


def write_explanation(finding: Finding, out: TextIO, as_json: bool = False) -> None:
    """What `--explain ID` shows: the finding, its records with their lines, and the terms that made it."""
    if as_json:
        out.write(json.dumps(explanation(finding), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.markup import escape
    from rich.table import Table

    from res191.terminal import console as terminal

    console = terminal(out, highlight=False)
    score = "" if finding.score is None else f", {SCORE_COLUMN} {finding.score:.2f}"
    console.print(f"[bold]{finding.id}[/bold] {finding.kind}: {escape(finding.title)}{score}")
    console.print(escape(finding.proposal))
    console.print("\n[bold]Records[/bold]")
    for m in finding.members:
        console.print(f"  {escape(m.path)}:{m.line}  {escape(m.label)}")
    if finding.kind in _RULES:
        console.print(f"\n[bold]Why[/bold]: {_RULES[finding.kind]}: a fact of the records, with no score.")
        return
    labels = {m.id: m.label for m in finding.members}
    for link in finding.links:
        first = labels.get(link.first, link.first)
        second = labels.get(link.second, link.short_of or link.second)
        title = f"{escape(first)} and {escape(second)}: {link.score:.2f}"
        if link.short_of:
            title += ", not a link: what keeps the first out of the group (not a member of this finding)"
        table = Table(title=title, title_justify="left")
        table.add_column("shared term")
        table.add_column("weight in the first", justify="right")
        table.add_column("in the second", justify="right")
        table.add_column("adds", justify="right")
        for t in link.terms:
            table.add_row(escape(t.term), f"{t.first:.3f}", f"{t.second:.3f}", f"{t.adds:.3f}")
        console.print()
        console.print(table)
    console.print(
        "\nA term's weight is its share of the text's weight: rare words weigh most; a glossary term counts "
        "as two words; a pair of neighbouring words as half of one. A row adds the product of its weights "
        "(summed over the terms written alike); the score is the sum of what the rows add."
    )


FORMATS: dict[str, Callable[[list[Finding], TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "md": write_markdown,
    "csv": write_csv,
}
