"""Number and text formatting shared by leaderboard, compare, check and report,
so that the same score reads the same everywhere."""

from __future__ import annotations

import re

DASH = "—"


def fmt_score(value: float | None, digits: int = 3) -> str:
    """0.8123 -> "0.812"; None -> "—"."""
    return DASH if value is None else f"{value:.{digits}f}"


def fmt_delta(delta: float, digits: int = 3) -> str:
    """Signed difference; a non-zero delta that would round to zero keeps two
    significant digits, so a verdict never reads "-0.000 > 0.000"."""
    text = f"{delta:+.{digits}f}"
    if delta != 0 and float(text) == 0:
        text = f"{delta:+.2g}"
    return text


def fmt_interval(ci: dict | None) -> str:
    """ "[0.751, 0.866]" from a ci95 block, "" when there is none."""
    if not ci or ci.get("low") is None or ci.get("high") is None:
        return ""
    return f"[{ci['low']:.3f}, {ci['high']:.3f}]"


def short_revision(revision: str | None, length: int = 10) -> str:
    """ "sha256:0123456789abcdef…" -> "0123456789"; a hub commit hash -> its first
    characters; a composite's "A+B" -> each part shortened; an LLM's
    "model id | prompt ner-v1 sha256:… | settings sha256:…" -> "model id, ner-v1";
    anything else (a tag, "local") unchanged."""
    if not revision:
        return DASH
    parts = []
    for part in str(revision).split("+"):
        if " | " in part:  # an LLM revision (extractors/llm): the model id and the prompt version say it
            model_id, *fields = part.split(" | ")
            prompt = next((f.split()[1] for f in fields if f.startswith("prompt ") and len(f.split()) > 1), None)
            parts.append(f"{model_id}, {prompt}" if prompt else model_id)
            continue
        _, sep, tail = part.partition(":")
        value = tail if sep else part
        is_hex = all(c in "0123456789abcdefABCDEF" for c in value)
        parts.append(value[:length] if is_hex and len(value) > length else value)
    return "+".join(parts)


def fmt_rate(words_per_s) -> str:
    """12345.6 -> "12,346"; None -> "—"."""
    if words_per_s is None:
        return DASH
    return f"{float(words_per_s):,.0f}"


_MD_SPECIAL = re.compile(r"([\\`*|\[\]<>~])")
_MD_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # "_x_" is emphasis; "a_b" is not


def md_escape(text: object) -> str:
    """`text` as literal text in one markdown table cell (GitHub-flavoured):
    line breaks become spaces, and `|`, backticks, `*`, `[`, `]`, `<`, `>`, `~`,
    backslashes and underscores that could open emphasis are backslash-escaped.
    Ordinary names ("gazetteer+money-rules", "conll:ANERCorp_test.txt") are
    unchanged, so escaping never alters an existing leaderboard."""
    one_line = " ".join(str(text).splitlines())
    return _MD_EDGE_UNDERSCORE.sub(r"\\_", _MD_SPECIAL.sub(r"\\\1", one_line))
