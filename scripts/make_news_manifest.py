"""Write annotations/news/MANIFEST.tsv from the corpus's own manifest, with the
fixed dev/test split. Run once when the corpus was chosen; kept to show how the
split was made. Titles are not copied (they are part of the texts).

Split: stratified by source (ANT outlets one stratum each; the six Saudi
papers of SaudiNewsNet one stratum, since three of them have one article
each). Within a stratum, files are shuffled with a fixed seed and the first
round(n/3) go to dev.

    python scripts/make_news_manifest.py ../shared/corpus/MANIFEST.tsv
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmark.corpora.news import MANIFEST_COLUMNS, news_dir  # noqa: E402

SEED = 20261128


def stratum(row: dict) -> str:
    return "SaudiNewsNet" if row["file"].startswith("SaudiNewsNet") else row["outlet"]


def main(source: str) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_stratum: dict[str, list[dict]] = {}
    for row in rows:
        row["stratum"] = stratum(row)
        by_stratum.setdefault(row["stratum"], []).append(row)
    rng = random.Random(SEED)
    for name in sorted(by_stratum):
        group = sorted(by_stratum[name], key=lambda r: r["file"])
        rng.shuffle(group)
        n_dev = round(len(group) / 3)
        for i, row in enumerate(group):
            row["split"] = "dev" if i < n_dev else "test"
    out = news_dir() / "MANIFEST.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=MANIFEST_COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in sorted(rows, key=lambda r: r["file"]):
            writer.writerow(row)
    dev = sum(r["split"] == "dev" for r in rows)
    print(f"{out}: {len(rows)} texts, {dev} dev, {len(rows) - dev} test")


if __name__ == "__main__":
    main(sys.argv[1])
