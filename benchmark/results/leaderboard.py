"""Rendering the leaderboard that ranking.py builds (run records -> ranked
sections): a rich table, markdown, HTML, CSV or JSON, and the README block.

Nothing here imports torch: `bench leaderboard` starts fast.
"""

from __future__ import annotations

import csv
import html
import io
import json

from ..formatting import DASH, fmt_interval, fmt_rate, fmt_score, md_escape, short_revision
from .leaderboard_llm import llm_markdown, print_llm_table
from .ranking import DIRTY_MARK, DIRTY_NOTE, TIE_ALPHA, Leaderboard, Row, Section, is_dirty
from .record_read import RunRecord
from ..types import LABELS

# --- cells ---------------------------------------------------------------------

COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "Rank"),
    ("model", "Model"),
    ("MONEY", "MONEY F1"),
    ("ORG", "ORG F1"),
    ("LOC", "LOC F1"),
    ("micro", "Micro F1 [95% CI]"),
    ("macro", "Macro F1"),
    ("money_values", "Money values"),
    ("words_per_s", "Words/s"),
    ("revision", "Revision"),
    ("date", "Date"),
    ("reference", "Reference F1"),
)


def rank_marker(row: Row) -> str:
    if row.rank is None:
        return DASH
    return f"={row.rank}" if row.tied else str(row.rank)


def _reference(record: RunRecord) -> dict | None:
    ref = record.data["model"].get("reference")
    if isinstance(ref, dict) and ref.get("f1") is not None:
        return ref
    return None


def reference_text(ref: dict) -> str:
    """ "dataset, metric: source" of a published score."""
    what = ", ".join(str(ref[k]) for k in ("dataset", "metric") if ref.get(k))
    source = ref.get("source") or "source not given"
    return f"{what}: {source}" if what else str(source)


class Footnotes:
    """Numbers each distinct reference source once, in order of appearance."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def number(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


def raw_row(row: Row, metric: str, section: Section) -> dict:
    """Machine-readable values of one row (csv, json)."""
    record = row.record
    block = record.metric(metric)
    ci = block.get("ci95") or {}
    money = record.data["metrics"].get("money_values") or {}
    ref = _reference(record) or {}
    timing = record.data.get("timing") or {}
    out = {
        "corpus": section.corpus,
        "corpus_sha256": section.sha256,
        "current_gold": section.current,
        "rank": row.rank,
        "rank_marker": rank_marker(row),
        "tied": row.tied,
        "p_vs_above": row.p_vs_above,
        "model": record.model_name,
        "rescored": section.rescored and section.current,
        "git_dirty": is_dirty(record),
        "metric": metric,
    }
    for label in LABELS:
        out[f"{label.lower()}_f1"] = record.f1(metric, label)
    out.update(
        {
            "micro_f1": record.f1(metric),
            "ci95_low": ci.get("low"),
            "ci95_high": ci.get("high"),
            "macro_f1": block.get("macro_f1"),
            "money_value_accuracy": money.get("accuracy"),
            "money_values_matched": money.get("matched"),
            "words_per_s": timing.get("words_per_s"),
            "revision": record.data["model"].get("revision"),
            "created": record.created,
            "reference_f1": ref.get("f1"),
            "reference_dataset": ref.get("dataset"),
            "reference_metric": ref.get("metric"),
            "reference_source": ref.get("source"),
            "file": record.source,
        }
    )
    return out


def display_row(row: Row, metric: str, footnotes: Footnotes, note_format: str = "[{n}]") -> dict:
    """Human-readable cells of one row, keyed like COLUMNS."""
    record = row.record
    block = record.metric(metric)
    money = record.data["metrics"].get("money_values") or {}
    cells = {"rank": rank_marker(row), "model": record.model_name + (f" {DIRTY_MARK}" if is_dirty(record) else "")}
    for label in LABELS:
        cells[label] = fmt_score(record.f1(metric, label))
    interval = fmt_interval(block.get("ci95"))
    cells["micro"] = f"{fmt_score(record.f1(metric))} {interval}".strip()
    cells["macro"] = fmt_score(block.get("macro_f1"))
    if money.get("matched"):
        cells["money_values"] = f"{fmt_score(money.get('accuracy'))} ({money.get('correct')}/{money.get('matched')})"
    else:
        cells["money_values"] = DASH
    cells["words_per_s"] = fmt_rate((record.data.get("timing") or {}).get("words_per_s"))
    cells["revision"] = short_revision(record.data["model"].get("revision"))
    cells["date"] = record.created[:10] or DASH
    ref = _reference(record)
    if ref is None:
        cells["reference"] = DASH
    else:
        cells["reference"] = f"{fmt_score(float(ref['f1']))} " + note_format.format(
            n=footnotes.number(reference_text(ref))
        )
    return cells


def legend(board: Leaderboard) -> str:
    unit = f" over {board.unit}s" if board.unit else ""
    return (
        f"=N: the paired bootstrap ({board.n_resamples} resamples{unit}, stored predictions against the "
        f"current gold) cannot tell this model from the one listed just above it (p ≥ {TIE_ALPHA}), so it "
        "shares that rank. Ties chain: the first and last model of a tied group may still differ; "
        "the JSON/CSV output gives each p-value."
    )


def metric_line(board: Leaderboard) -> str:
    return (
        f"Metric: {board.metric} (F1 per type, micro F1 with its bootstrap 95% interval, macro F1). "
        "Money values: MONEY spans matched to gold whose amount and currency are right. "
        "Reference F1: the score the model's authors published, on their own data; for scale, not comparable 1:1."
    )


# --- renderers ------------------------------------------------------------------


def side_by_side(board: Leaderboard) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(corpus names, [(model, micro F1 [CI] per corpus)]) over the current
    sections, so one model's seed and news-test scores sit in one row. Empty
    when there are fewer than two current corpora."""
    current = [section for section in board.sections if section.ranked]
    if len(current) < 2:
        return [], []
    cells: dict[str, dict[str, tuple[float, str]]] = {}  # model -> corpus -> (micro F1, cell text)
    for section in current:
        for row in section.rows:
            f1 = row.record.f1(board.metric)
            text = f"{rank_marker(row)}: {fmt_score(f1)} {fmt_interval(row.record.metric(board.metric).get('ci95'))}"
            if is_dirty(row.record):  # per record: one model may be clean on one corpus, dirty on another
                text = f"{text.strip()} {DIRTY_MARK}"
            cells.setdefault(row.record.model_name, {})[section.corpus] = (f1 or 0.0, text.strip())
    corpora = [section.corpus for section in current]

    def order(model: str) -> tuple:  # by the score on the last (largest) corpus, then by name
        last = cells[model].get(corpora[-1])
        return (last is None, -(last[0] if last else 0.0), model)

    rows = [
        (model, [cells[model][c][1] if c in cells[model] else DASH for c in corpora])
        for model in sorted(cells, key=order)
    ]
    return corpora, rows


def unrun_references(board: Leaderboard) -> list[tuple[str, str, str]]:
    """(card, published score or why none, dataset/metric: source) for every
    shipped transformers card that has no run record on the board — the hub
    models that cannot be run here still show what their authors reported."""
    from ..extractors.cards import CardError, available_cards, resolve

    ran = {row.record.model_name for section in board.sections for row in section.rows}
    out = []
    for name in available_cards():
        try:
            card = resolve(name)
        except CardError:
            continue
        ref = dict(card.reference or {})
        if card.kind != "transformers" or name in ran or not ref:
            continue
        score = fmt_score(float(ref["f1"])) if ref.get("f1") is not None else (ref.get("note") or "none published")
        out.append((name, score.split(":")[0], reference_text(ref)))
    return out


def _unrun_markdown(board: Leaderboard) -> list[str]:
    rows = unrun_references(board)
    if not rows:
        return []
    out = [
        "**Cards without a run here (their weights are on the hub, which this build cannot reach): "
        "published scores, for scale only**",
        "",
        "| Card | Published F1 | Dataset, metric: source |",
        "|---|---:|---|",
    ]
    out += [f"| {md_escape(name)} | {score} | {text.replace('|', '/')} |" for name, score, text in rows]
    return out + [""]


def _side_by_side_markdown(board: Leaderboard) -> list[str]:
    corpora, rows = side_by_side(board)
    if not rows:
        return []
    out = [
        "**Side by side: rank and micro F1 [95% CI] per corpus**",
        "",
        "| Model | " + " | ".join(map(md_escape, corpora)) + " |",
        "|---|" + "---:|" * len(corpora),
    ]
    out += ["| " + md_escape(model) + " | " + " | ".join(values) + " |" for model, values in rows]
    return out + [""]


# Cells holding text from a record (escaped); the others are numbers we format
# or footnote markers, left as they are.
_MD_TEXT_CELLS = ("model", "money_values", "words_per_s", "revision", "date")


def render_markdown(board: Leaderboard) -> str:
    footnotes = Footnotes()
    out: list[str] = _side_by_side_markdown(board)
    for section in board.sections:
        out.append(f"**{md_escape(section.title)}**")
        out.append("")
        out.append("| " + " | ".join(title for _, title in COLUMNS) + " |")
        out.append(
            "|" + "|".join("---:" if key not in ("model", "revision", "date") else "---" for key, _ in COLUMNS) + "|"
        )
        for row in section.rows:
            cells = display_row(row, board.metric, footnotes, note_format="[^{n}]")
            out.append(
                "| "
                + " | ".join(md_escape(cells[key]) if key in _MD_TEXT_CELLS else cells[key] for key, _ in COLUMNS)
                + " |"
            )
        for note in section.notes:
            out.append("")
            out.append(f"_{md_escape(note)}_")
        out.append("")
    if not board.sections:
        out.append("_No run records to show._")
        out.append("")
    out.extend(llm_markdown(board))  # LLM runs: unaligned rate, tokens, cost (leaderboard_llm.py)
    out.extend(_unrun_markdown(board))
    out.append(metric_line(board))
    if board.has_dirty:
        out.append("")
        out.append(DIRTY_NOTE)
    if board.has_ties:
        out.append("")
        out.append(legend(board))
    for note in board.notes:
        out.append("")
        out.append(f"Note: {md_escape(note)}")
    if footnotes.items:
        out.append("")
        out.extend(f"[^{n}]: {text}" for n, text in enumerate(footnotes.items, start=1))
    return "\n".join(out).rstrip() + "\n"


def render_csv(board: Leaderboard) -> str:
    rows = [raw_row(row, board.metric, section) for section in board.sections for row in section.rows]
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def render_json(board: Leaderboard) -> str:
    data = {
        "metric": board.metric,
        "tie_rule": {
            "test": "paired bootstrap",
            "alpha": TIE_ALPHA,
            "n_resamples": board.n_resamples,
            "unit": board.unit,
        },
        "sections": [
            {
                "corpus": s.corpus,
                "sha256": s.sha256,
                "current_gold": s.current,
                "rescored": s.ranked,
                "documents": s.documents,
                "notes": s.notes,
                "rows": [raw_row(r, board.metric, s) for r in s.rows],
            }
            for s in board.sections
        ],
        "notes": board.notes,
        "not_rescored": board.missing,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_HTML_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right;white-space:nowrap}
th{background:#f1f3f5}td.model,td.revision,td.date{text-align:left}
tr.tied td.rank{font-weight:bold;color:#8a5a00}
p.note{color:#555;font-size:.9rem}
"""


def render_html(board: Leaderboard) -> str:
    """A self-contained page (inline CSS, no scripts, no network)."""
    footnotes = Footnotes()
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Leaderboard — {esc(board.metric)}</title>",
        f"<style>{_HTML_STYLE}</style></head><body>",
        "<h1>Arabic financial-entity extraction leaderboard</h1>",
    ]
    for section in board.sections:
        parts.append(f'<h2>{esc(section.title)}</h2><table class="{"current" if section.ranked else "stale"}">')
        parts.append("<thead><tr>" + "".join(f"<th>{esc(title)}</th>" for _, title in COLUMNS) + "</tr></thead><tbody>")
        for row in section.rows:
            cells = display_row(row, board.metric, footnotes)
            tds = "".join(f'<td class="{key}">{esc(cells[key])}</td>' for key, _ in COLUMNS)
            parts.append(f'<tr class="{"tied" if row.tied else ""}">{tds}</tr>')
        parts.append("</tbody></table>")
        parts.extend(f'<p class="note">{esc(note)}</p>' for note in section.notes)
    if not board.sections:
        parts.append("<p>No run records to show.</p>")
    parts.append(f'<p class="note">{esc(metric_line(board))}</p>')
    if board.has_dirty:
        parts.append(f'<p class="note">{esc(DIRTY_NOTE)}</p>')
    if board.has_ties:
        parts.append(f'<p class="note legend">{esc(legend(board))}</p>')
    parts.extend(f'<p class="note">Note: {esc(note)}</p>' for note in board.notes)
    if footnotes.items:
        parts.append('<ol class="references">' + "".join(f"<li>{esc(t)}</li>" for t in footnotes.items) + "</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def print_table(board: Leaderboard, console=None) -> None:
    """The terminal view, with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if console is None:
        console = Console()
        if not console.is_terminal:  # piped: do not squeeze a 12-column table into 80 characters
            console = Console(width=220)
    footnotes = Footnotes()
    corpora, summary = side_by_side(board)
    if summary:
        table = Table(
            title="Side by side: rank and micro F1 [95% CI] per corpus", title_justify="left", header_style="bold"
        )
        table.add_column("Model", no_wrap=True)
        for corpus in corpora:
            table.add_column(corpus, justify="right", no_wrap=True)
        for model, values in summary:
            table.add_row(Text(model), *values)  # Text: a model name is never read as rich markup
        console.print(table)
    for section in board.sections:
        table = Table(title=section.title, title_justify="left", header_style="bold")
        for key, title in COLUMNS:
            table.add_column(
                title,
                justify="left" if key in ("model", "revision", "date") else "right",
                no_wrap=key in ("micro", "model"),
            )
        for row in section.rows:
            cells = display_row(row, board.metric, footnotes)
            table.add_row(
                *(Text(cells[key]) if key == "model" else cells[key] for key, _ in COLUMNS),
                style="yellow" if row.tied else None,
            )
        console.print(table)
        for note in section.notes:
            console.print(f"  {note}", style="dim", highlight=False, markup=False)
    print_llm_table(board, console)  # LLM runs: unaligned rate, tokens, cost (leaderboard_llm.py)
    if not board.sections:
        console.print("No run records to show.")
    console.print(metric_line(board), style="dim", highlight=False)
    if board.has_dirty:
        console.print(DIRTY_NOTE, style="dim", highlight=False)
    if board.has_ties:
        console.print(legend(board), highlight=False)
    for note in board.notes:
        console.print(f"Note: {note}", style="dim", highlight=False, markup=False)
    for n, text in enumerate(footnotes.items, start=1):
        console.print(f"[{n}] {text}", highlight=False, markup=False)


RENDERERS = {"markdown": render_markdown, "html": render_html, "csv": render_csv, "json": render_json}


# --- README block ------------------------------------------------------------------

README_START = "<!-- leaderboard:start (generated by `bench leaderboard --readme README.md`; do not edit) -->"
README_END = "<!-- leaderboard:end -->"


def replace_readme_block(readme: str, markdown: str) -> str:
    """Put `markdown` between the README's leaderboard markers (the start
    marker is matched by its prefix, so its wording may change)."""
    start_prefix = README_START.split(" (")[0]
    start = readme.find(start_prefix)
    end = readme.find(README_END, start if start >= 0 else 0)
    if start < 0 or end < 0:
        raise ValueError(f"no leaderboard block: add the lines\n{README_START}\n{README_END}\nwhere it should go")
    line_end = readme.find("\n", start)
    return readme[: line_end + 1] + "\n" + markdown + "\n" + readme[end:]
