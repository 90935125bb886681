"""The canonical example, end to end: `goftar read --json` on the seed, scored by the project's scorer."""
import json
import subprocess
import sys

from conftest import EXAMPLES


def test_seed_reads_perfectly(shared, tmp_path):
    out = tmp_path / "seed.json"
    r = subprocess.run([sys.executable, "-m", "goftar", "read", str(EXAMPLES / "seed-article.txt"), "--json"],
                       capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    out.write_bytes(r.stdout)
    score = subprocess.run([sys.executable, str(shared / "tools" / "score_record.py"),
                            str(shared / "examples" / "seed-article.gold.json"), str(out)],
                           capture_output=True, text=True, timeout=120)
    fields = dict(line.split() for line in score.stdout.splitlines() if line and not line.startswith("score"))
    low = {k: v for k, v in fields.items() if float(v) < 1.0}
    assert not low, f"fields below 1.000: {low}\n{score.stdout}"
    rec = json.loads(out.read_text(encoding="utf-8"))
    # nothing is silently lost: the raw input travels with the record
    assert rec["raw"] == (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
