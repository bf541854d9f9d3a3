"""Building the leaderboard: run records -> ranked sections (no rendering;
leaderboard.py renders a Leaderboard as a table, markdown, HTML, CSV or JSON).

Honesty rules it enforces:
  * No stored number is ranked: every record on the current gold is re-scored
    from its stored predictions (rescore.verified, cached), and a record whose
    stored metrics differ, or hold NaN/Infinity/non-numbers, is refused
    (RecordError: the command exits 2).
  * Only records scored on the same gold version are ranked together. The
    current version of a corpus is the gold this checkout loads (its sha256).
    Records of other versions, and every record of a corpus this checkout
    cannot load (the news texts or ANERcorp are absent), are shown in their
    own unranked sections, marked "not re-scored"; `Leaderboard.missing` says
    what is absent (`bench leaderboard --readme` refuses to write then).
  * Neighbouring ranks that the paired bootstrap (stored predictions against
    the current gold) cannot tell apart, p >= 0.05 against the next-better
    model, share a rank marker such as "=2", explained by a legend.
  * A record run from a working tree with uncommitted changes is marked with
    a dagger (DIRTY_MARK).

Nothing here imports torch: `bench leaderboard` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpora.documents import Corpus
from .record_read import RecordError, RunRecord, try_load_gold
from .rescore import paired_test, verified

METRICS: tuple[str, ...] = ("seqeval_strict", "seqeval_default", "span_lenient")
FORMATS: tuple[str, ...] = ("table", "markdown", "html", "csv", "json")
TIE_ALPHA = 0.05
DIRTY_MARK = "†"
DIRTY_NOTE = (
    f"{DIRTY_MARK} run from a working tree with uncommitted changes (environment.git_dirty): "
    "its revision does not pin the code that ran."
)


def is_dirty(record: RunRecord) -> bool:
    """environment.git_dirty, or (older records) a git_commit ending in -dirty."""
    env = record.data.get("environment") or {}
    return env.get("git_dirty") is True or str(env.get("git_commit") or "").endswith("-dirty")


@dataclass
class Row:
    record: RunRecord
    rank: int | None = None  # None in sections that are not ranked
    tied: bool = False  # shares its rank with a neighbour
    p_vs_above: float | None = None  # paired bootstrap p-value against the row above


@dataclass
class Section:
    corpus: str
    sha256: str
    current: bool
    rows: list[Row]
    documents: int | None = None
    notes: list[str] = field(default_factory=list)
    rescored: bool = True  # False: stored numbers of a corpus this checkout cannot load

    @property
    def ranked(self) -> bool:
        return self.current and self.rescored

    @property
    def title(self) -> str:
        docs = f", {self.documents} document{'s' if self.documents != 1 else ''}" if self.documents else ""
        if not self.rescored:
            return f"Corpus {self.corpus}: not re-scored here (stored numbers, unranked{docs})"
        if self.current:
            return f"Corpus {self.corpus} (gold sha256 {self.sha256[:12]}{docs})"
        return (
            f"Corpus {self.corpus}, other gold version sha256 {self.sha256[:12]}: not re-scored "
            "(not comparable with the current gold)"
        )


@dataclass
class Leaderboard:
    metric: str
    sections: list[Section]
    notes: list[str]
    n_resamples: int
    unit: str | None = None  # resampling unit of the tie tests that ran
    missing: list[str] = field(default_factory=list)  # one line per corpus that could not be re-scored

    @property
    def has_ties(self) -> bool:
        return any(row.tied for section in self.sections for row in section.rows)

    @property
    def has_dirty(self) -> bool:
        return any(is_dirty(row.record) for section in self.sections for row in section.rows)


# --- building -------------------------------------------------------------------


def _newest(records: list[RunRecord]) -> RunRecord:
    return max(records, key=lambda r: r.created)


def _rank(rows: list[Row], metric: str, gold: Corpus, n_resamples: int, seed: int, board: Leaderboard) -> None:
    """Sort by (re-scored) F1 and assign competition ranks; a row the paired
    bootstrap cannot separate from the row above (p >= TIE_ALPHA) takes that
    row's rank."""
    rows.sort(key=lambda r: (-(r.record.f1(metric) or 0.0), r.record.model_name))
    for i, row in enumerate(rows):
        row.rank = i + 1
        if i == 0:
            continue
        above = rows[i - 1]
        if (above.record.f1(metric) or 0.0) == (row.record.f1(metric) or 0.0):
            tie = True  # identical scores: no test needed
        else:
            result = paired_test(gold, above.record, row.record, metric=metric, n_resamples=n_resamples, seed=seed)
            row.p_vs_above = float(result["p_value"])
            board.unit = result.get("unit") or board.unit
            tie = row.p_vs_above >= TIE_ALPHA
        if tie:
            row.rank = above.rank
            row.tied = above.tied = True


def _corpus_order(name: str) -> tuple:
    return (name != "seed", name)


def _unranked(records: list[RunRecord]) -> list[Row]:
    """Rows in model-name order: a list, not a ranking."""
    return [Row(r) for r in sorted(records, key=lambda r: (r.model_name, r.source))]


def build_leaderboard(
    records: list[RunRecord],
    metric: str = "seqeval_strict",
    corpus: str | None = None,
    n_resamples: int = 1000,
    seed: int = 0,
    skipped: list[str] | None = None,
    gold_loader=try_load_gold,
) -> Leaderboard:
    """Group `records` by corpus and gold version, re-score and rank the
    current version.

    `skipped`: notes about files that could not be read, carried into the
    output. `gold_loader(record) -> (Corpus | None, why)` loads the current gold
    of a record's corpus (record_read.try_load_gold); injectable for tests.
    Raises RecordError for a record that cannot be trusted (rescore.verified).
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {', '.join(METRICS)}")
    board = Leaderboard(metric, [], list(skipped or []), n_resamples)
    usable: list[RunRecord] = []
    for record in records:
        if corpus is not None and record.corpus_name != corpus:
            continue
        try:
            record.metric(metric)
        except RecordError as err:
            board.notes.append(f"left out: {err}")
            continue
        usable.append(record)
    if corpus is not None and not usable:
        board.notes.append(f"no run records for corpus {corpus!r}")

    by_corpus: dict[str, list[RunRecord]] = {}
    for record in usable:
        by_corpus.setdefault(record.corpus_name, []).append(record)
    for name in sorted(by_corpus, key=_corpus_order):
        group = by_corpus[name]
        gold, why = gold_loader(_newest(group))
        if gold is None:
            board.missing.append(f"corpus {name!r}: {why}")
            section = Section(
                name,
                _newest(group).corpus_sha256,
                True,
                _unranked(group),
                _newest(group).data["corpus"].get("documents"),
                rescored=False,
            )
            section.notes.append(f"Not re-scored: {why}. These are the records' stored numbers, not ranked.")
            board.sections.append(section)
            continue
        current = [verified(record, gold) for record in group if record.corpus_sha256 == gold.sha256]
        if current:
            rows = [Row(record) for record in current]
            _rank(rows, metric, gold, n_resamples, seed, board)
            board.sections.append(Section(name, gold.sha256, True, rows, len(gold.documents)))
        else:
            board.notes.append(f"corpus {name!r}: no record is scored on the current gold (sha256 {gold.sha256[:12]})")
        stale: dict[str, list[RunRecord]] = {}
        for record in group:
            if record.corpus_sha256 != gold.sha256:
                stale.setdefault(record.corpus_sha256, []).append(record)
        for sha, old in sorted(stale.items(), key=lambda item: _newest(item[1]).created, reverse=True):
            section = Section(name, sha, False, _unranked(old), old[0].data["corpus"].get("documents"))
            section.notes.append(
                "Scored on another version of the gold; re-score with `bench score RUN.json` "
                "or re-run `bench run` to rank these."
            )
            board.sections.append(section)
    return board
