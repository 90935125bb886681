"""`goftar eval zwnj`: damage well-formed text (ZWNJ deleted / ZWNJ → space), repair, score ZWNJ positions."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError


@click.command("zwnj")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--held-out", "held_out", is_flag=True,
              help="Use goftar's held-out split of ../shared/corpora (never used to build the lexicon).")
@click.option("--damage", type=click.Choice(["glued", "space", "both"]), default="both", show_default=True,
              help="glued: every ZWNJ deleted; space: every ZWNJ turned into a space.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "n_errors", type=int, default=0, metavar="N", help="Also list N differing words per damage.")
def eval_zwnj_cmd(path: Path | None, held_out: bool, damage: str, as_json: bool, n_errors: int) -> None:
    """Score half-space restoration on well-formed text PATH (or --held-out).

    PATH is a .txt file, a folder of .txt files (searched recursively), or a
    JSON array in the langml / Hamshahri format (.json or .json.gz: title +
    abstract/summary + paragraphs; only items passing the corpora's clean-ZWNJ
    test are used).  The text is folded like goftar's repair does, damaged, and
    repaired by the ZWNJ stage alone; precision / recall / F1 are counted at
    ZWNJ positions aligned on letters (as score_record.py's zwnj_f1), with chars/s
    (CPU time).  The lenient F1 does not count a half-space where the gold writes a
    space (a spaced compound such as رئیس جمهور), like score_record.py's optional_halfspace.
    """
    from ..evaluation import zwnj as ev

    if held_out == (path is not None):
        raise InputError("give either PATH or --held-out")
    if held_out:
        shared = ev.shared_dir()
        if shared is None:
            raise InputError("--held-out needs ../shared/corpora next to the repository (or GOFTAR_SHARED)")
        docs = list(ev.corpus_documents("heldout", shared / "corpora"))
        source = ev.HELD_OUT_DESCRIPTION
    else:
        assert path is not None  # held_out is False, so PATH was given (checked above)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        try:
            docs = ev.load_texts(path)
        except (UnicodeDecodeError, ValueError, OSError) as e:
            raise InputError(f"{path}: cannot read as UTF-8 text or JSON ({type(e).__name__})") from None
        source = str(path)
    docs = [(i, t) for i, t in ev.prepare_gold(docs) if t.strip()]
    if not docs:
        raise InputError(f"{source}: no text to evaluate")
    if not any(ev.ZWNJ in t for _, t in docs):
        raise InputError(f"{source}: the text has no half-spaces (U+200C), so it cannot serve as gold")
    ev.goftar_repair("")  # load the lexicon before timing
    kinds = ("glued", "space") if damage == "both" else (damage,)
    scores = ev.evaluate(docs, ev.goftar_repair, kinds, keep_errors=n_errors)  # type: ignore[arg-type]
    if as_json:
        out = {"source": source, "docs": len(docs), "scores": [s.as_dict() for s in scores]}
        if n_errors:
            out["errors"] = {s.damage: [list(e) for e in s.errors] for s in scores}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    click.echo(f"# {source}")
    click.echo(f"# {len(docs)} documents, {sum(len(t) for _, t in docs):,} characters")
    click.echo(f"{'damage':<8} {'precision':>9} {'recall':>7} {'F1':>7} {'exact docs':>11} {'chars/s':>10}"
               f"   {'FP at gold space':>16} {'lenient F1':>10}")
    for s in scores:
        click.echo(f"{s.damage:<8} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>7.4f} "
                   f"{s.exact_docs:>5}/{s.docs:<5} {s.chars_per_second:>10,.0f}"
                   f"   {s.fp_at_space:>7}/{s.fp:<8} {s.lenient_f1:>10.4f}")
    click.echo("# lenient F1: a half-space where the gold writes a space (رئیس جمهور) is not an error, "
               "as score_record.py's optional_halfspace")
    for s in scores:
        for doc_id, gold, pred in s.errors:
            click.echo(f"{s.damage}\t{doc_id}\tgold: {gold}\tgoftar: {pred}")


eval_commands = [eval_zwnj_cmd]
