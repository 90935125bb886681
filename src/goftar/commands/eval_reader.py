"""`goftar eval reader DIR`: structure accuracy per input kind on the rendered test set.

DIR is what ``scripts/build_testset.py`` wrote: ``DIR/<split>/<id>/`` with ``gold.json`` and the four
inputs (``webcopy.txt``, ``pdftotext.txt``, ``page.pdf``, ``page.html``).  For each kind it reports the
fraction of articles whose title, lead, tags and body paragraphs are exact — on letters (spaces and
half-spaces ignored, letters folded the way goftar folds them) and fully exact — plus articles/s.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

import click

from ..errors import InputError

KINDS = {"web-copy text": "webcopy.txt", "pdftotext text": "pdftotext.txt", "PDF": "page.pdf", "HTML": "page.html"}
FIELDS = ("title", "lead", "tags", "paragraphs", "published")


def _letters(s: str | None) -> str:
    """Letters only (spaces, half-spaces and joiners ignored), folded and composed the same way on both sides."""
    from ..repair.fold import fold_text

    return re.sub(r"[\s\u200c\u200d]+", "", fold_text(unicodedata.normalize("NFC", s or ""))).strip("؛;:،,.")


def _exact(s: str | None) -> str:
    from ..repair.fold import fold_text

    return re.sub(r"\s+", " ", fold_text(unicodedata.normalize("NFC", s or ""))).strip()


def compare(gold: dict[str, Any], rec: dict[str, Any], norm: Any) -> dict[str, bool]:
    """Per field: does the record match the gold under ``norm`` (a string normaliser)?"""
    return {
        "title": norm(gold["title"]) == norm(rec.get("title")),
        "lead": norm(gold["lead"]) == norm(rec.get("lead")),
        "tags": sorted(set(map(norm, gold["tags"]))) == sorted(set(map(norm, rec.get("tags") or []))),
        "paragraphs": [norm(p) for p in gold["paragraphs"]] == [norm(p) for p in rec.get("paragraphs") or []],
        "published": gold.get("published") == rec.get("published"),
    }


def _diff(gold: dict[str, Any], rec: dict[str, Any], field: str) -> str:
    """A short account of how ``field`` differs (for the paragraphs: the first paragraph that differs)."""
    if field != "paragraphs":
        return f"    {field}: gold={gold[field]!r}\n    {field}:  got={rec.get(field)!r}"
    g, r = gold["paragraphs"], rec.get("paragraphs") or []
    k = next((i for i, (a, b) in enumerate(zip(g, r)) if _letters(a) != _letters(b)), min(len(g), len(r)))
    return (f"    paragraphs: {len(g)} gold, {len(r)} read; first difference at #{k}\n"
            f"      gold: {(g[k] if k < len(g) else None)!r}\n      read: {(r[k] if k < len(r) else None)!r}")


def evaluate(root: Path, split: str, limit: int | None = None, show_failures: int = 0,
             kinds: list[str] | None = None, misses: bool = False) -> dict[str, Any]:
    """Read every article of ``root/split`` in each input kind and score it against its gold.

    ``kinds`` limits the input kinds (names of :data:`KINDS`); ``misses`` adds, for each listed
    failure, how the fields differ.
    """
    if split == "test" and misses:
        raise InputError("--misses is for development splits: the test split is held out")
    from ..api import read_document, record
    from ..readers import load
    from ..settings import Settings

    folder = root / split
    if not folder.is_dir():
        raise InputError(f"{folder}: no such split (build it with scripts/build_testset.py)")
    items = sorted(p for p in folder.iterdir() if (p / "gold.json").exists())[:limit]
    if not items:
        raise InputError(f"{folder}: no articles with gold.json")
    settings = Settings(attribute=False)
    table: dict[str, Any] = {}
    for kind, fname in KINDS.items():
        if kinds and kind not in kinds:
            continue
        ok_l = {f: 0 for f in FIELDS}
        ok_e = {f: 0 for f in FIELDS}
        all_l = all_e = n = errors = 0
        failures: list[str] = []
        t0 = time.process_time()
        for item in items:
            path = item / fname
            if not path.exists():
                continue
            gold = json.loads((item / "gold.json").read_text(encoding="utf-8"))
            n += 1
            try:
                rec = record(read_document(load(path), settings), with_raw=False)
            except Exception as e:  # noqa: BLE001 - an error is a miss, reported
                errors += 1
                failures.append(f"{item.name}: error {e}")
                continue
            cl, ce = compare(gold, rec, _letters), compare(gold, rec, _exact)
            for f in FIELDS:
                ok_l[f] += cl[f]
                ok_e[f] += ce[f]
            core4 = ("title", "lead", "tags", "paragraphs")
            all_l += all(cl[f] for f in core4)
            all_e += all(ce[f] for f in core4)
            if not all(cl[f] for f in core4):
                failures.append(f"{item.name}: " + ", ".join(f for f in core4 if not cl[f]))
                if misses:
                    failures[-1] += "\n" + "\n".join(_diff(gold, rec, f) for f in core4 if not cl[f])
        cpu = time.process_time() - t0
        table[kind] = {
            "n": n, "errors": errors,
            "letters": {f: ok_l[f] / n if n else 0.0 for f in FIELDS} | {"all": all_l / n if n else 0.0},
            "exact": {f: ok_e[f] / n if n else 0.0 for f in FIELDS} | {"all": all_e / n if n else 0.0},
            "articles_per_cpu_s": n / cpu if cpu else 0.0,
            "failures": failures[:show_failures] if show_failures else [],
        }
    return table


def format_table(table: dict[str, Any], split: str) -> str:
    head = f"{'kind (' + split + ')':22s} {'n':>4s}  {'title':>6s} {'lead':>6s} {'tags':>6s} {'body':>6s} {'all4':>6s} {'date':>6s} | {'exact:all4':>10s} {'body':>6s} | {'art/cpu-s':>9s}"
    lines = [head, "-" * len(head)]
    for kind, r in table.items():
        L, E = r["letters"], r["exact"]
        lines.append(
            f"{kind:22s} {r['n']:4d}  {L['title']:6.3f} {L['lead']:6.3f} {L['tags']:6.3f} {L['paragraphs']:6.3f} "
            f"{L['all']:6.3f} {L['published']:6.3f} | {E['all']:10.3f} {E['paragraphs']:6.3f} | {r['articles_per_cpu_s']:9.1f}"
        )
    return "\n".join(lines)


@click.command("reader")
@click.argument("root", type=click.Path(file_okay=False, path_type=Path))
@click.option("--split", default="test", show_default=True, help="dev (tuned on) or test (held out).")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--failures", type=int, default=0, help="List up to N failing articles per kind.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS)),
              help="Only this input kind (repeatable).")
@click.option("--misses", is_flag=True, help="With --failures: show how each failing field differs (not on test).")
def eval_reader_cmd(root: Path, split: str, limit: int | None, as_json: bool, failures: int,
                    kinds: tuple[str, ...], misses: bool) -> None:
    """Structure accuracy per input kind on ROOT (built by scripts/build_testset.py).

    Fractions of articles with title, lead, tags, body paragraphs (and all four) exact on letters
    (spaces/half-spaces ignored), the same fully exact, the publication date, and articles per CPU-second.
    """
    table = evaluate(root, split, limit, failures, list(kinds) or None, misses)
    if as_json:
        click.echo(json.dumps(table, ensure_ascii=False, indent=1))
        return
    click.echo(format_table(table, split))
    for kind, r in table.items():
        for f in r["failures"]:
            click.echo(f"  {kind}: {f}")


eval_commands = [eval_reader_cmd]
