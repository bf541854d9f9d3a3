"""`bench report`: one self-contained HTML page that shows a run's errors in
the Arabic text itself.

The page has no scripts, no external fonts or stylesheets and makes no network
request: it can be mailed, archived or opened from a CI artifact. It is
`<html dir="rtl" lang="ar">`; the article text comes from the current gold
(a run record holds only predictions), so the record must have been scored on
that gold (record_read.check_against_gold).

How a document is drawn:
  * every gold mention is one <mark> coloured by its type, outlined by its
    outcome (outcomes.py: correct, missed, boundary, wrong type) and with a
    `title` tooltip that says what happened;
  * every spurious prediction is one <mark> of its own (outcome "spurious");
  * where a boundary or wrong-type prediction covers other characters than the
    gold, those characters are underlined in the predicted type's colour, so the
    predicted extent is visible next to the gold one.
Marks carry class `m o-<outcome> t-<LABEL>` and data-outcome / data-label, which
the browser test counts.
"""

from __future__ import annotations

from html import escape

from ..corpora.documents import Corpus
from ..formatting import DASH, fmt_interval, fmt_rate, fmt_score, short_revision
from .outcomes import BOUNDARY, CORRECT, MISSED, OUTCOMES, SPURIOUS, WRONG_TYPE, Outcome, classify, count
from .record_read import RunRecord, aligned_predictions, check_against_gold
from ..types import LABELS, Span

# Arabic UI words next to the English ones: the page is for Arabic NLP people
# who may read either.
OUTCOME_LABELS = {
    CORRECT: ("صحيح", "correct"),
    MISSED: ("مفقود", "missed"),
    SPURIOUS: ("زائد", "spurious"),
    BOUNDARY: ("حدود خاطئة", "boundary"),
    WRONG_TYPE: ("نوع خاطئ", "wrong type"),
}
OUTCOME_HELP = {
    CORRECT: "gold mention found with the right tokens and type",
    MISSED: "gold mention that no prediction touches",
    SPURIOUS: "prediction that touches no gold mention",
    BOUNDARY: "right type, wrong extent (the predicted extent is underlined)",
    WRONG_TYPE: "a prediction covers the mention with another type",
}
# Badge drawn after a mark by CSS (attr(data-tag)); not part of the text.
_BADGE = {CORRECT: "✓", MISSED: "✗", SPURIOUS: "+", BOUNDARY: "↔", WRONG_TYPE: "≠"}

STYLE = """
:root{--money:#d3f0da;--money-strong:#1e7a3c;--org:#d6e6ff;--org-strong:#1d4ed8;
--loc:#f0dcff;--loc-strong:#7b2cbf;--bad:#c62828;--warn:#b26a00}
*,*::before,*::after{box-sizing:border-box}
html{background:#fafafa}
body{margin:0 auto;max-width:60rem;padding:1.5rem;color:#1b1b1b;overflow-wrap:break-word;
font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Scheherazade New","Geeza Pro","Arabic Typesetting",
"Traditional Arabic","Segoe UI","Tahoma","DejaVu Sans",sans-serif;font-size:18px;line-height:1.8}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.8rem 0 .4rem}
.meta{color:#555;font-size:.85rem}
.ltr{direction:ltr;unicode-bidi:isolate}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem;background:#fff}
th,td{border:1px solid #ccc;padding:.2rem .6rem;text-align:center}
th{background:#eef1f4}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.3rem;
font-size:21px;line-height:2.6;white-space:pre-wrap;text-align:start}
mark.m{color:inherit;border-radius:4px;padding:.05em .15em;border:2px solid transparent;white-space:nowrap}
mark.m::after{content:attr(data-tag);font-size:.55em;font-family:"DejaVu Sans",sans-serif;
vertical-align:super;margin-inline-start:.2em;color:#333}
.t-MONEY{background:var(--money)}.t-ORG{background:var(--org)}.t-LOC{background:var(--loc)}
mark.o-correct{border-color:#5b6770}
mark.o-missed{background:#fff;border:2px dashed var(--bad)}
mark.o-missed::after{color:var(--bad)}
mark.o-spurious{border:2px dotted var(--bad)}
mark.o-spurious::after{color:var(--bad)}
mark.o-boundary{border:3px double var(--warn)}
mark.o-type{border:3px solid #c2185b}
span.p{text-decoration-line:underline;text-decoration-thickness:3px;text-underline-offset:.45em}
span.p.t-MONEY{text-decoration-color:var(--money-strong);background:none}
span.p.t-ORG{text-decoration-color:var(--org-strong);background:none}
span.p.t-LOC{text-decoration-color:var(--loc-strong);background:none}
span.p.o-spurious{text-decoration-style:wavy;text-decoration-color:var(--bad)}
.legend{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.4rem 1rem;line-height:2.4}
.legend li{list-style:none}
.legend ul{padding:0;margin:0}
.counts span{margin-inline-end:1rem;white-space:nowrap}
"""


def _tag(outcome: Outcome) -> str:
    if outcome.kind == WRONG_TYPE:
        assert outcome.pred is not None  # a wrong type is a pair
        return f"{_BADGE[WRONG_TYPE]} {outcome.pred.label}"
    label = outcome.anchor.label
    return f"{_BADGE[outcome.kind]} {label}"


def _value_text(span: Span | None) -> str:
    if span is None or span.value is None:
        return "none"
    v = span.value
    amount = f"{v.lower:g}" if v.lower == v.upper else f"{v.lower:g}–{v.upper:g}"
    return f"{amount} {v.currency or '(no currency)'}"


def tooltip(outcome: Outcome) -> str:
    """The hover text of one mark: what happened, with the Arabic text."""
    gold, pred = outcome.gold, outcome.pred
    if outcome.kind == MISSED:
        assert gold is not None
        return f"Missed: gold {gold.label} «{gold.text}» was not predicted"
    if outcome.kind == SPURIOUS:
        assert pred is not None
        return f"Spurious: predicted {pred.label} «{pred.text}» is not a gold mention"
    assert gold is not None and pred is not None  # correct, boundary, wrong type: a gold-prediction pair
    if outcome.kind == CORRECT:
        text = f"Correct: {gold.label} «{gold.text}» (gold and prediction agree)"
        if gold.label == "MONEY" and gold.value is not None:
            verdict = "right" if gold.value.matches(pred.value) else "wrong"
            text += f"; amount {verdict}: gold {_value_text(gold)}, predicted {_value_text(pred)}"
        return text
    if outcome.kind == BOUNDARY:
        return (
            f"Boundary: gold {gold.label} «{gold.text}», predicted {pred.label} «{pred.text}» (same type, other extent)"
        )
    return f"Wrong type: gold {gold.label} «{gold.text}», predicted {pred.label} «{pred.text}»"


def _mark_open(outcome: Outcome) -> str:
    label = outcome.anchor.label
    return (
        f'<mark class="m o-{outcome.kind} t-{label}" data-outcome="{outcome.kind}" data-label="{label}" '
        f'data-tag="{escape(_tag(outcome))}" title="{escape(tooltip(outcome))}">'
    )


def _overlaps(span: Span, blocks) -> bool:
    return any(span.start < end and start < span.end for start, end, _ in blocks)


def render_article(text: str, outcomes: list[Outcome]) -> str:
    """The document text as HTML with one mark per outcome (see module doc)."""
    # Top-level marks must nest, so they must not overlap. Gold spans never do;
    # a spurious prediction that overlaps a mark already placed (one
    # prediction over two gold names: one pairs, the other is left over) is
    # drawn as an underline carrying data-outcome="spurious" instead.
    blocks = [(o.gold.start, o.gold.end, o) for o in outcomes if o.gold is not None]
    underlines: list[tuple[Span, str]] = []  # (predicted span, opening tag)
    for o in outcomes:
        if o.kind != SPURIOUS or o.pred is None:
            continue
        if _overlaps(o.pred, blocks):
            underlines.append(
                (
                    o.pred,
                    f'<span class="p o-spurious t-{o.pred.label}" data-outcome="spurious" '
                    f'data-label="{o.pred.label}" title="{escape(tooltip(o))}">',
                )
            )
        else:
            blocks.append((o.pred.start, o.pred.end, o))
    blocks.sort(key=lambda b: (b[0], b[1]))
    for o in outcomes:
        if o.kind in (BOUNDARY, WRONG_TYPE) and o.pred is not None:
            title = f"predicted {o.pred.label} «{o.pred.text}»"
            underlines.append((o.pred, f'<span class="p t-{o.pred.label}" title="{escape(title)}">'))

    cuts = {0, len(text)}
    for start, end, _ in blocks:
        cuts.update((start, end))
    for span, _ in underlines:
        cuts.update((max(0, span.start), min(len(text), span.end)))
    points = sorted(cuts)

    out: list[str] = []
    next_block = 0
    open_end: int | None = None
    for seg_start, seg_end in zip(points, points[1:]):
        if open_end is None and next_block < len(blocks) and blocks[next_block][0] == seg_start:
            out.append(_mark_open(blocks[next_block][2]))
            open_end = blocks[next_block][1]
            next_block += 1
        piece = escape(text[seg_start:seg_end])
        opening = next((tag for span, tag in underlines if span.start <= seg_start and seg_end <= span.end), None)
        if opening is not None and piece.strip():
            piece = f"{opening}{piece}</span>"
        out.append(piece)
        if open_end == seg_end:
            out.append("</mark>")
            open_end = None
    return "".join(out)


def _counts_html(counts: dict[str, int]) -> str:
    return "".join(
        f'<span class="count c-{kind}" data-outcome="{kind}">{OUTCOME_LABELS[kind][0]} '
        f'<span class="ltr">({OUTCOME_LABELS[kind][1]})</span>: <b>{counts[kind]}</b></span>'
        for kind in OUTCOMES
    )


def _legend_html() -> str:
    items = []
    for kind in OUTCOMES:
        tag = f"{_BADGE[kind]} {'LOC' if kind == WRONG_TYPE else 'ORG'}"
        ar, en = OUTCOME_LABELS[kind]
        items.append(
            f'<li data-outcome="{kind}"><mark class="m sample o-{kind} t-ORG" data-tag="{tag}">مثال</mark> '
            f'{ar} <span class="ltr">— {en}: {OUTCOME_HELP[kind]}</span></li>'
        )
    types = " ".join(f'<mark class="m t-{label}">{label}</mark>' for label in LABELS)
    items.append(
        f'<li>الأنواع <span class="ltr">(types, background colour of the gold or spurious mention):</span> {types}; '
        '<span class="p t-ORG">تسطير</span> <span class="ltr">underline = predicted extent and type of a boundary or '
        "type error. Hover a mention for details.</span></li>"
    )
    return (
        '<section class="legend" id="legend"><h2>دليل الألوان <span class="ltr">(legend)</span></h2><ul>'
        + "".join(items)
        + "</ul></section>"
    )


def _per_type_table(record: RunRecord) -> str:
    metrics = record.data["metrics"]
    strict = metrics.get("seqeval_strict") or {}
    rows = []
    heads = ("", "precision", "recall", "F1 (strict)", "support", "F1 (default)", "F1 (lenient)")
    for label in LABELS + ("micro", "macro"):
        if label == "macro":
            cells = [
                DASH,
                DASH,
                fmt_score(strict.get("macro_f1")),
                DASH,
                fmt_score((metrics.get("seqeval_default") or {}).get("macro_f1")),
                fmt_score((metrics.get("span_lenient") or {}).get("macro_f1")),
            ]
        else:

            def scores(block):
                block = block or {}
                return (block.get("overall") if label == "micro" else (block.get("per_type") or {}).get(label)) or {}

            s = scores(strict)
            f1 = fmt_score(s.get("f1"))
            if label == "micro":
                f1 = f"{f1} {fmt_interval(strict.get('ci95'))}".strip()
            cells = [
                fmt_score(s.get("precision")),
                fmt_score(s.get("recall")),
                f1,
                str(s.get("support", DASH)),
                fmt_score(scores(metrics.get("seqeval_default")).get("f1")),
                fmt_score(scores(metrics.get("span_lenient")).get("f1")),
            ]
        rows.append(
            f'<tr data-type="{label}"><th>{label}</th>' + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
        )
    table = (
        '<table class="per-type ltr"><thead><tr>'
        + "".join(f"<th>{h}</th>" for h in heads)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    money = metrics.get("money_values") or {}
    if money.get("matched"):
        table += (
            f'<p class="ltr">Money values: {money.get("correct")} of {money.get("matched")} MONEY spans matched to '
            f"gold carry the right amount and currency ({fmt_score(money.get('accuracy'))}).</p>"
        )
    return table


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_report(record: RunRecord, gold: Corpus) -> str:
    """The whole page. Raises RecordError unless `record` was scored on `gold`,
    ValueError when the scorer rejects a stored prediction."""
    check_against_gold(record, gold)
    per_doc = classify(gold.documents, aligned_predictions(record, gold))
    totals = count([o for outcomes in per_doc.values() for o in outcomes])
    model = record.data["model"]
    timing = record.data.get("timing") or {}

    doc_rows = []
    for doc in gold.documents:
        c = count(per_doc[doc.id])
        doc_rows.append(
            f'<tr><td class="ltr"><a href="#doc-{escape(doc.id)}">{escape(doc.id)}</a></td>'
            + "".join(f"<td>{c[k]}</td>" for k in OUTCOMES)
            + "</tr>"
        )
    documents_table = (
        '<table class="documents"><thead><tr><th>الوثيقة <span class="ltr">(document)</span></th>'
        + "".join(
            f'<th>{OUTCOME_LABELS[k][0]}<br><span class="ltr">{OUTCOME_LABELS[k][1]}</span></th>' for k in OUTCOMES
        )
        + "</tr></thead><tbody>"
        + "".join(doc_rows)
        + "</tbody></table>"
    )

    sections = []
    for doc in gold.documents:
        outcomes = per_doc[doc.id]
        sections.append(
            f'<section class="document" id="doc-{escape(doc.id)}" data-document="{escape(doc.id)}">'
            f'<h2>الوثيقة <span class="ltr">{escape(doc.id)}</span></h2>'
            f'<p class="counts">{_counts_html(count(outcomes))}</p>'
            f'<div class="article" lang="ar" dir="rtl">{render_article(doc.text, outcomes)}</div></section>'
        )

    meta = (
        f"model {model.get('name')} ({model.get('kind', '?')}, revision {short_revision(model.get('revision'))}) · "
        f"corpus {record.corpus_name} sha256 {record.corpus_sha256[:12]}, {_plural(len(gold.documents), 'document')} · "
        f"run {record.created[:19] or DASH} · {fmt_rate(timing.get('words_per_s'))} words/s · "
        "outcomes matched over the scoring tokens, as seqeval strict sees them"
    )
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html dir="rtl" lang="ar"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>تقرير الأخطاء — {escape(str(model.get('name')))}</title>",
                f"<style>{STYLE}</style></head><body>",
                f'<header><h1>تقرير الأخطاء <span class="ltr">— error report: {escape(str(model.get("name")))}</span></h1>',
                f'<p class="meta ltr">{escape(meta)}</p></header>',
                '<section class="summary" id="summary"><h2>الملخص <span class="ltr">(summary)</span></h2>',
                f'<p class="counts">{_counts_html(totals)}</p>',
                _per_type_table(record),
                documents_table,
                "</section>",
                _legend_html(),
                *sections,
                "</body></html>",
            ]
        )
        + "\n"
    )
