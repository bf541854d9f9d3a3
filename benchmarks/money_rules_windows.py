"""Over-firing check of find_money's document-level rules on text it was not built from.

ANERcorp has no MONEY gold and no document boundaries. This script joins
windows of consecutive ANERcorp sentences with line breaks (pseudo-documents),
runs find_money on each window and on each sentence alone, and prints every
span or value the window run adds: those come from the rules that read beyond
one sentence (bare currency country, elided currency across sentences). Judge
each by hand (benchmarks/MONEY_RULES.md, section 3).

    python benchmarks/money_rules_windows.py [--window 12] [CONLL ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from money_rules_wojood import read_conll  # noqa: E402  (a sibling script, not a package)

from benchmark.corpora.anercorp import default_dir  # noqa: E402
from benchmark.extractors.rules.money.parser import find_money  # noqa: E402

ANERCORP = default_dir()  # $BENCH_DATA/anercorp (`bench data fetch anercorp` writes it)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "conll", nargs="*", type=Path, default=sorted(ANERCORP.glob("ANERCorp_CamelSplit_*_reconstructed.txt"))
    )
    parser.add_argument("--window", type=int, default=12, help="sentences per pseudo-document")
    args = parser.parse_args()
    if not args.conll:
        print(f"no CoNLL files given and none under {ANERCORP}", file=sys.stderr)
        return 2
    added = 0
    for path in args.conll:
        sentences = read_conll(path)
        for first in range(0, len(sentences), args.window):
            block = sentences[first : first + args.window]
            text, alone = "", set()
            for sentence in block:
                offset = len(text)
                text += sentence.text + "\n"
                alone |= {(s.start + offset, s.end + offset, s.value) for s in find_money(sentence.text)}
            for span in find_money(text):
                if (span.start, span.end, span.value) in alone:
                    continue
                added += 1
                value = span.value
                shown = "-" if value is None else f"{value.lower:g}..{value.upper:g} {value.currency}"
                context = text[max(0, span.start - 90) : span.start] + f"⟦{span.text}⟧" + text[span.end : span.end + 40]
                print(f"{block[0].where}\t{shown}\t{context.replace(chr(10), ' / ')}")
    print(f"{added} spans or values differ from the per-sentence run", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
