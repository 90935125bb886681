"""goftar batch: deterministic partitions, atomic Parquet output, dask = local, killed workers, resume.

Input: tests/fixtures/scale (8 damaged Fars News .txt files + a JSONL of Hamshahri items, see its README).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("distributed")

from goftar import api  # noqa: E402
from goftar.errors import InputError  # noqa: E402
from goftar.scale import TABLES, Fault, discover, finished_partitions, partitions, read_table, run_batch  # noqa: E402
from goftar.scale.work import marker_path, table_path  # noqa: E402

FIX = Path(__file__).resolve().parent / "fixtures" / "scale"
INPUTS = [str(FIX / "fars"), str(FIX / "items.jsonl")]
N_INPUTS = 8 + 12  # 8 files + 12 JSONL lines
BAD_LINES = {11, 12}
SIZE = 3  # → 7 partitions


def wait_for(cond: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Poll a condition (not a fixed sleep): fail clearly if it never comes true."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def letters(s: str) -> str:
    """Compare like the scorer: ignore spaces and half-spaces (the repair may move them)."""
    return "".join(ch for ch in s if not ch.isspace() and ch != "\u200c")


def tables(outdir: Path) -> dict[str, Any]:
    return {t: read_table(outdir, t) for t in TABLES}


def planned() -> dict[str, int]:
    """Every input reference → the partition it belongs to (from the plan, not from a run)."""
    return {it.ref: p.pid for p in partitions(discover(INPUTS).files, SIZE) for it in p.items}


def assert_each_input_once(outdir: Path) -> None:
    """Every planned input is in exactly one row of records or errors, in its own partition; nested rows
    belong to those records and none is repeated.  Nothing lost, nothing twice."""
    rec, err = (read_table(outdir, t).select(["input", "partition"]).to_pylist() for t in ("records", "errors"))
    seen = [(r["input"], r["partition"]) for r in rec + err]
    assert sorted(seen) == sorted(planned().items())
    assert sorted(int(r["input"].rsplit(":", 1)[1]) for r in err) == sorted(BAD_LINES)
    ids = set(read_table(outdir, "records").column("id").to_pylist())
    for t in ("quotes", "people", "events"):
        keys = [(r["input"], r["n"]) for r in read_table(outdir, t).select(["input", "n"]).to_pylist()]
        assert len(keys) == len(set(keys)), t
        assert set(read_table(outdir, t).column("id").to_pylist()) <= ids, t


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A clean local run (2 processes) that the other runs are compared against."""
    out = tmp_path_factory.mktemp("ref") / "out"
    res = run_batch(INPUTS, out, engine="local", workers=2, partition_size=SIZE)
    assert not res.failures
    return {"out": out, "result": res, "tables": tables(out)}


def test_partitions_are_deterministic_and_cover_every_input() -> None:
    disc = discover(reversed(INPUTS))
    assert list(disc.files) == sorted(disc.files)
    parts = list(partitions(disc.files, SIZE))
    again = list(partitions(discover(INPUTS).files, SIZE))
    assert [p.digest for p in parts] == [p.digest for p in again]
    assert [p.pid for p in parts] == list(range(7))
    items = [it for p in parts for it in p.items]
    assert len(items) == N_INPUTS
    assert [it.line for it in items if it.line is not None] == list(range(1, 13))
    assert len({p.digest for p in parts}) == len(parts)


def test_local_batch_writes_every_table_with_the_cli_record(reference: dict[str, Any]) -> None:
    res, out, tb = reference["result"], reference["out"], reference["tables"]
    assert (res.partitions, res.inputs, res.records, res.errors) == (7, N_INPUTS, N_INPUTS - 2, 2)
    assert finished_partitions(out) == [f"part-{i:06d}" for i in range(7)]
    assert_each_input_once(out)
    for t in TABLES:
        assert sorted(p.name for p in (out / t).iterdir()) == [f"part-{i:06d}.parquet" for i in range(7)]

    errors = {r["line"]: r for r in tb["errors"].to_pylist()}
    assert set(errors) == BAD_LINES
    assert "not JSON" in errors[11]["reason"] and "text, html or path" in errors[12]["reason"]
    assert errors[12]["input_id"] == "no-text"

    rows = {r["input"]: r for r in tb["records"].to_pylist()}
    # a file row carries the same record `goftar read --json` would print, plus where it came from
    path = str(FIX / "fars" / "fars2-010.txt")
    row = rows[path]
    expected = api.record(api.read_path(path))
    got = json.loads(row["record_json"])
    assert got["source"].pop("input") == path
    assert got == json.loads(json.dumps(expected, ensure_ascii=False))
    assert row["title"] == expected.get("title") and row["paragraphs"] == list(expected.get("paragraphs") or [])
    assert row["sha256"] == expected["source"]["sha256"] and row["source_kind"] == "text"
    # JSONL rows keep the caller's id; text, html and path lines are all read
    by_id = {r["input_id"]: r for r in rows.values() if r["input_id"]}
    assert {"hamshahri-0", "hamshahri-200-html", "fars-by-path"} <= set(by_id)
    page = json.loads((FIX / "items.jsonl").read_text(encoding="utf-8").splitlines()[8])["html"]
    title = page.split("<h1>")[1].split("</h1>")[0]
    assert letters(title) in letters(json.loads(by_id["hamshahri-200-html"]["record_json"])["text"])
    assert by_id["hamshahri-200-html"]["source_kind"] == "html" and by_id["hamshahri-200-html"]["source_path"] is None
    assert by_id["fars-by-path"]["sha256"] == rows[str(FIX / "fars" / "fars2-000.txt")]["sha256"]
    assert not list(out.rglob("*.tmp"))


def test_the_archive_ingests_batch_output(reference: dict[str, Any], tmp_path: Path) -> None:
    store = pytest.importorskip("goftar.archive.store")
    ids = set(reference["tables"]["records"].column("id").to_pylist())
    with store.Archive(tmp_path / "a.db") as a:
        report = a.ingest_parquet(reference["out"])
        assert report.added == len(ids) and not report.failed  # fars-by-path repeats fars2-000: same id
        assert all(a.article(i) is not None for i in ids)


@pytest.mark.slow
def test_dask_engine_gives_the_same_tables_as_local(reference: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "dask"
    res = run_batch(INPUTS, out, engine="dask", workers=2, partition_size=SIZE)
    assert not res.failures and res.partitions == 7
    got = tables(out)
    for t in TABLES:
        assert got[t].equals(reference["tables"][t]), t


@pytest.mark.slow
def test_dask_worker_killed_mid_partition_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    flags, out = tmp_path / "flags", tmp_path / "out"
    fault = Fault("pause", 2, str(flags))  # partition 2 writes records/, announces its pid, then hangs
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = run_batch(INPUTS, out, engine="dask", workers=2, partition_size=SIZE, fault=fault)
        except BaseException as e:  # noqa: BLE001 - re-raised in the test thread
            box["error"] = e

    th = threading.Thread(target=run)
    th.start()
    wait_for(lambda: fault.flag().exists() and fault.flag().read_text() != "", "partition 2 to pause")
    victim = int(fault.flag().read_text())
    assert table_path(out, "records", "part-000002").exists() and not marker_path(out, "part-000002").exists()
    os.kill(victim, signal.SIGKILL)
    th.join(timeout=120)
    assert not th.is_alive() and "error" not in box, box.get("error")
    assert not box["result"].failures
    redo = json.loads(marker_path(out, "part-000002").read_text())
    assert redo["worker_pid"] != victim  # partition 2 was finished by another (or restarted) worker process
    assert_each_input_once(out)


def test_local_worker_killed_mid_partition_is_retried(tmp_path: Path) -> None:
    fault = Fault("kill", 4, str(tmp_path / "flags"))  # the process SIGKILLs itself after writing records/
    res = run_batch(INPUTS, tmp_path / "out", engine="local", workers=2, partition_size=SIZE, fault=fault)
    assert fault.flag().exists() and not res.failures
    assert_each_input_once(tmp_path / "out")


def test_failed_partition_is_reported_then_completed_by_a_second_run(tmp_path: Path) -> None:
    out, fault = tmp_path / "out", Fault("raise", 1, str(tmp_path / "flags"))
    res = run_batch(INPUTS, out, engine="local", workers=1, partition_size=SIZE, retries=0, fault=fault)
    assert [f.partition for f in res.failures] == [1] and "injected failure" in res.failures[0].reason
    assert "part-000001" not in finished_partitions(out)
    again = run_batch(INPUTS, out, engine="local", workers=1, partition_size=SIZE)
    assert (again.partitions, again.skipped) == (1, 6) and not again.failures
    assert_each_input_once(out)


def _batch_cmd(out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "goftar", "batch", *INPUTS, "-o", str(out), "--partition-size", str(SIZE),
            "--workers", "1", *extra]


@pytest.mark.slow
def test_resume_after_an_interrupted_run_completes_the_table(tmp_path: Path) -> None:
    out, flags = tmp_path / "out", tmp_path / "flags"
    fault = Fault("pause", 3, str(flags))
    env = {**os.environ, "GOFTAR_SCALE_FAULT": f"pause:3:{flags}"}
    proc = subprocess.Popen(_batch_cmd(out, "-q"), env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: fault.flag().exists() and fault.flag().read_text() != "", "partition 3 to pause")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole run stops: driver and worker
        proc.wait()
    assert finished_partitions(out) == ["part-000000", "part-000001", "part-000002"]
    done_before = {p: p.stat().st_mtime_ns for t in TABLES for p in (out / t).glob("part-00000[012].parquet")}
    for p in out.rglob("part-*.parquet"):  # whatever is visible is whole
        pa.parquet.read_table(p)

    assert json.loads((out / "_lock").read_text())["pid"] == proc.pid  # the killed driver's lock is left...
    rerun = subprocess.run(_batch_cmd(out, "--json"), capture_output=True, text=True, timeout=120,
                           env={k: v for k, v in os.environ.items() if k != "GOFTAR_SCALE_FAULT"})
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["skipped"], summary["partitions"]) == (3, 4)
    assert not (out / "_lock").exists()  # ...taken over (its process is dead) and released at the end
    assert {p: p.stat().st_mtime_ns for p in done_before} == done_before  # finished partitions untouched
    assert_each_input_once(out)
    assert not list(out.rglob("*.tmp"))


def test_cli_rejects_bad_input_and_foreign_outdir_without_traceback(reference: dict[str, Any],
                                                                     tmp_path: Path) -> None:
    missing = subprocess.run([sys.executable, "-m", "goftar", "batch", str(tmp_path / "nope.jsonl"), "-o",
                              str(tmp_path / "o")], capture_output=True, text=True)
    assert missing.returncode != 0 and missing.stderr.startswith("goftar: error:") and "nope.jsonl" in missing.stderr
    other = subprocess.run([sys.executable, "-m", "goftar", "batch", *INPUTS, "-o", str(reference["out"]),
                            "--partition-size", "5"], capture_output=True, text=True)
    assert other.returncode != 0 and "partition-size" in other.stderr and "Traceback" not in other.stderr


def test_an_article_that_never_finishes_becomes_an_error_not_a_stuck_partition() -> None:
    from goftar.scale.work import ItemTimeout, deadline

    with pytest.raises(ItemTimeout, match="longer than 0.2 s"):
        with deadline(0.2):
            while True:  # a stage stuck in a loop
                pass
    with deadline(5):  # a normal article is untouched, and the alarm is cleared afterwards
        rec = api.record(api.read_path(FIX / "fars" / "fars2-020.txt"))
    assert rec["text"] and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_partition_that_always_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = run_batch(INPUTS, out, engine="local", workers=2, partition_size=SIZE, retries=1,
                    fault=Fault("kill", 3, str(tmp_path / "flags"), once=False))
    assert [f.partition for f in res.failures] == [3]  # the neighbours in flight were not blamed
    assert finished_partitions(out) == [f"part-{i:06d}" for i in range(7) if i != 3]
    # struck once among others (not counted: any of them could be the culprit), then alone: tried + retried
    assert len(list((tmp_path / "flags").iterdir())) == 3


def test_cluster_doc_example_runs_and_every_batch_option_is_documented(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/cluster.md: its ```python example runs (```py blocks need a real cluster and are only shown)."""
    import re
    import shutil

    from click.testing import CliRunner

    from goftar.cli import main
    from goftar.commands.batch import batch_cmd

    repo = Path(__file__).resolve().parents[1]
    doc = (repo / "docs" / "cluster.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, re.S)
    assert blocks
    shutil.copytree(repo / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for code in blocks:
        exec(compile(code, "docs/cluster.md", "exec"), {"__name__": "docs_example"})
    help_text = CliRunner().invoke(main, ["batch", "--help"]).output
    for param in batch_cmd.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in doc, f"{opt} is not in docs/cluster.md"
                assert opt in help_text


def test_a_second_driver_on_a_busy_outdir_is_refused(reference: dict[str, Any]) -> None:
    import socket

    lock = reference["out"] / "_lock"
    lock.write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid()}))  # a live driver: us
    try:
        with pytest.raises(InputError, match="another goftar batch"):
            run_batch(INPUTS, reference["out"], partition_size=SIZE)
    finally:
        lock.unlink()
