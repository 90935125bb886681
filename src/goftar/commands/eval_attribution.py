"""`goftar eval attribution GOLD_DIR`: speaker accuracy, quote recall/precision, people/places F1."""
from __future__ import annotations

import json
from pathlib import Path

import click


#: splits whose errors are never listed: studying them would make them development data
HELD_OUT = ("test", "test3", "test4")


@click.command("attribution")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses", is_flag=True, help="List wrong speakers per article.")
@click.option("--statements", is_flag=True,
              help="List per article the gold statements not found and the predicted ones matching no gold.")
@click.option("--split", type=click.Choice(["dev", "test1", "val", "test2", "test", "test3", "test4"]), default=None,
              help="Only the articles of this split (default: all): dev; test1, val and test2 (earlier held-out "
                   "splits, retired to development once their errors were studied); test (held out, older), "
                   "test3 or test4 (held out, sixth round).")
def attribution(gold_dir: Path, as_json: bool, misses: bool, statements: bool, split: str | None) -> None:
    """Score attribution against GOLD_DIR (one JSON per article, e.g. eval/attribution_gold)."""
    from ..attribute.evaluate import evaluate
    from ..errors import InputError

    listing = " and ".join(flag for flag, on in (("--misses", misses), ("--statements", statements)) if on)
    if listing and (split is None or split in HELD_OUT):
        where = f"the held-out split {split!r}" if split else "all splits at once"
        verb = "are" if misses and statements else "is"
        raise InputError(f"{listing} {verb} refused on {where}: held-out errors must not be studied "
                         "(use --split dev, test1, val or test2)")
    res = evaluate(gold_dir, split)
    if as_json:
        click.echo(json.dumps(res if misses or statements else {k: v for k, v in res.items() if k != "per_article"},
                              ensure_ascii=False, indent=2))
        return
    q = res["quotes"]
    click.echo(f"split: {res['split']}   articles: {res['articles']}   statements: gold {q['gold']}, predicted {q['predicted']}")
    click.echo(f"{'metric':28s} value")
    click.echo(f"{'quote precision':28s} {q['precision']:.3f}")
    click.echo(f"{'quote recall':28s} {q['recall']:.3f}")
    for k, v in res["speaker_accuracy"].items():
        acc = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        click.echo(f"{'speaker accuracy (' + k + ')':28s} {acc}  (n={v['n']})")
    for k in ("people", "places", "events"):
        v = res[k]
        click.echo(f"{k + ' F1':28s} {v['f1']:.3f}  (P {v['precision']:.3f}, R {v['recall']:.3f})")
    if misses:
        for a in res["per_article"]:
            for g, p, t, kind, mention in a["misses"]:
                click.echo(f"  {a['file']}: gold {g!r} ≠ {p!r}  «{t}»  [{kind}; predicted from {mention!r}]")

    if statements:
        for a in res["per_article"]:
            for g, kind, t in a["unfound"]:
                click.echo(f"  {a['file']}: NOT FOUND [{kind}; {g!r}] «{_short(t)}»")
            for p, verb, t in a["spurious"]:
                click.echo(f"  {a['file']}: NO GOLD [{verb!r}; {p!r}] «{_short(t)}»")


def _short(t: str, n: int = 160) -> str:
    t = " ".join(t.split())
    return t if len(t) <= n else t[: n // 2] + " … " + t[-n // 2 :]


eval_commands = [attribution]
