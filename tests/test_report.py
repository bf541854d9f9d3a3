"""bench report: the self-contained right-to-left HTML error report.

The "mixed" run over the synthetic corpus (records_fixtures.py) has, by
construction, in synth-1: one correct ORG, الرياض predicted as ORG (wrong
type), بقيمة 3 مليارات دولار for 3 مليارات دولار (boundary), بنك الخليج missed
and صفقة predicted as LOC (spurious); synth-2 all 7 right; synth-3 misses دبي
(3 right). Totals: 11 correct, 2 missed, 1 spurious, 1 boundary, 1 wrong type.
"""

from __future__ import annotations

import html
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.results.record_read import RecordError, record_from_dict
from benchmark.results.report import render_report

from .records_fixtures import (
    added,
    gold_predictions,
    install_as_seed,
    make_record,
    replaced,
    synthetic_corpus,
    without,
    write_record,
)

CORPUS = synthetic_corpus()
EXPECTED = {"correct": 11, "missed": 2, "spurious": 1, "boundary": 1, "type": 1}


def mixed_predictions():
    p = gold_predictions(CORPUS)
    p = without(p, "synth-1", "بنك الخليج")
    p = replaced(p, CORPUS, "synth-1", "3 مليارات دولار", "بقيمة 3 مليارات دولار")
    p = replaced(p, CORPUS, "synth-1", "الرياض", "الرياض", label="ORG")
    p = added(p, CORPUS, "synth-1", "صفقة", "LOC")
    return without(p, "synth-3", "دبي")


@pytest.fixture(scope="module")
def mixed_record():
    return make_record(CORPUS, mixed_predictions(), "mixed")


class ReportParser(HTMLParser):
    """Collects what the tests assert on: the <html> attributes, every element
    carrying data-outcome inside an article, and each article's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict = {}
        self.marks: list[dict] = []  # attrs of data-outcome elements inside articles
        self.articles: list[str] = []
        self.legend_items: list[str] = []
        self._depth = 0  # >0 while inside an article
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if self._depth:
            self._depth += 1
            if "data-outcome" in attrs:
                self.marks.append(dict(attrs, tag=tag))
        elif "article" in (attrs.get("class") or "").split():
            self._depth, self._text = 1, []
        elif tag == "li" and "data-outcome" in attrs:
            self.legend_items.append(attrs["data-outcome"])

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if self._depth == 0:
                self.articles.append("".join(self._text))

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)


def parse(page: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(page)
    return parser


def outcome_counts(marks) -> dict:
    counts = {k: 0 for k in EXPECTED}
    for mark in marks:
        counts[mark["data-outcome"]] += 1
    return counts


def test_every_outcome_is_marked_with_a_tooltip(mixed_record):
    page = render_report(record_from_dict(mixed_record), CORPUS)
    parsed = parse(page)
    assert parsed.html_attrs == {"dir": "rtl", "lang": "ar"}
    assert outcome_counts(parsed.marks) == EXPECTED
    assert all(m["tag"] == "mark" for m in parsed.marks)
    titles = {m["data-outcome"]: m["title"] for m in parsed.marks if m["data-outcome"] != "correct"}
    assert titles["missed"] in (
        "Missed: gold ORG «بنك الخليج» was not predicted",
        "Missed: gold LOC «دبي» was not predicted",
    )
    assert titles["spurious"] == "Spurious: predicted LOC «صفقة» is not a gold mention"
    assert titles["boundary"] == (
        "Boundary: gold MONEY «3 مليارات دولار», predicted MONEY «بقيمة 3 مليارات دولار» (same type, other extent)"
    )
    assert titles["type"] == "Wrong type: gold LOC «الرياض», predicted ORG «الرياض»"
    money = next(m for m in parsed.marks if m["data-outcome"] == "correct" and m["data-label"] == "MONEY")
    assert "amount right: gold 5e+08 USD, predicted 5e+08 USD" in money["title"]
    assert parsed.legend_items == ["correct", "missed", "spurious", "boundary", "type"]


def test_article_text_is_untouched(mixed_record):
    parsed = parse(render_report(record_from_dict(mixed_record), CORPUS))
    assert parsed.articles == [doc.text for doc in CORPUS.documents]


def test_summary_tables_and_self_containment(mixed_record):
    page = render_report(record_from_dict(mixed_record), CORPUS)
    for label in ("MONEY", "ORG", "LOC", "micro", "macro"):
        assert f'<tr data-type="{label}">' in page
    # synth-1 row of the per-document summary: 1 correct, 1 missed, 1 spurious, 1 boundary, 1 type
    assert '<a href="#doc-synth-1">synth-1</a></td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td>' in page
    assert page.count('<section class="document"') == 3
    for external in ("http://", "https://", "src=", "@import", "url(", "<script", "<link"):
        assert external not in page


def test_one_prediction_over_two_mentions():
    # "دبي وأبوظبي" as one LOC: it pairs with دبي (boundary); أبوظبي is left missed.
    # "شركة أرامكو" ORG + "السعودية" LOC for the gold ORG "شركة أرامكو السعودية":
    # the ORG pairs with it (boundary), the LOC overlaps an already paired gold
    # mention, so it is spurious, and drawn as an underline inside the gold mark.
    p = gold_predictions(CORPUS)
    p = without(p, "synth-3", "أبوظبي")
    p = replaced(p, CORPUS, "synth-3", "دبي", "دبي وأبوظبي")
    p = replaced(p, CORPUS, "synth-1", "شركة أرامكو السعودية", "شركة أرامكو")
    p = added(p, CORPUS, "synth-1", "السعودية", "LOC")
    parsed = parse(render_report(record_from_dict(make_record(CORPUS, p, "overlap")), CORPUS))
    assert parsed.articles == [doc.text for doc in CORPUS.documents]
    assert outcome_counts(parsed.marks) == {"correct": 12, "missed": 1, "spurious": 1, "boundary": 2, "type": 0}
    spurious = [m for m in parsed.marks if m["data-outcome"] == "spurious"]
    assert (
        spurious[0]["tag"] == "span"
        and spurious[0]["title"] == "Spurious: predicted LOC «السعودية» is not a gold mention"
    )


def test_report_refuses_a_record_of_another_gold(mixed_record):
    other = dict(mixed_record, corpus=dict(mixed_record["corpus"], sha256="a" * 64))
    with pytest.raises(RecordError, match="re-score it with `bench score`"):
        render_report(record_from_dict(other, "other.json"), CORPUS)


@pytest.fixture
def home(tmp_path, monkeypatch):
    install_as_seed(tmp_path, CORPUS)
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    return tmp_path


def test_cli_writes_the_page(home, mixed_record):
    run = write_record(home / "results", mixed_record)
    result = CliRunner().invoke(cli, ["report", str(run)])
    assert result.exit_code == 0, result.output
    assert outcome_counts(parse(run.with_suffix(".html").read_text(encoding="utf-8")).marks) == EXPECTED
    out = home / "out" / "r.html"
    assert CliRunner().invoke(cli, ["report", str(run), "-o", str(out)]).exit_code == 0
    assert out.exists()


def test_cli_unusable_record_exits_2(home, mixed_record):
    stale = write_record(
        home / "results", dict(mixed_record, corpus=dict(mixed_record["corpus"], sha256="b" * 64)), "stale"
    )
    result = CliRunner().invoke(cli, ["report", str(stale)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "stale.json: scored on corpus 'seed'" in result.output
    missing = CliRunner().invoke(cli, ["report", str(home / "nope.json")])
    assert missing.exit_code == 2 and "nope.json: file not found" in missing.output


def test_cli_refuses_predictions_the_scorer_rejects(home, mixed_record):
    # a hand-edited record: the stored text no longer matches the gold text at its offsets
    predictions = {doc: [dict(span) for span in spans] for doc, spans in mixed_record["predictions"].items()}
    predictions["synth-1"][0]["text"] = "نص آخر"
    edited = write_record(home / "results", dict(mixed_record, predictions=predictions), "edited")
    result = CliRunner().invoke(cli, ["report", str(edited)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert (
        "edited.json: predicted span 0 of document 'synth-1'" in result.output and "offsets shifted?" in result.output
    )
    assert not edited.with_suffix(".html").exists()


# --- in a real browser -----------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


def render_in_chromium(page: Path, png: Path, profile: Path) -> str:
    """The DOM as headless Chromium rendered it (and a screenshot as a side effect)."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1000,1400",
        f"--screenshot={png}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed (Debian package `chromium`; .ci/run installs it)"
)
def test_report_renders_in_headless_chromium(home, mixed_record, tmp_path):
    run = write_record(home / "results", mixed_record)
    page = run.with_suffix(".html")
    assert CliRunner().invoke(cli, ["report", str(run), "-o", str(page)]).exit_code == 0
    png = tmp_path / "report.png"
    dom = render_in_chromium(page, png, tmp_path / "profile")

    parsed = parse(dom)
    assert parsed.html_attrs.get("dir") == "rtl" and parsed.html_attrs.get("lang") == "ar"
    assert outcome_counts(parsed.marks) == EXPECTED
    assert parsed.legend_items == ["correct", "missed", "spurious", "boundary", "type"]
    assert [html.unescape(a) for a in parsed.articles] == [doc.text for doc in CORPUS.documents]
    assert 'id="legend"' in dom and 'class="per-type ltr"' in dom
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
