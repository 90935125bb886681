"""Fault injection for the scale-out tests: make one partition fail once, the way real runs fail.

A :class:`Fault` strikes partition ``pid`` once per ``flag_dir``: after that
partition's ``records`` file is already in place (so the failure is truly
mid-partition) it either raises, kills its own process with SIGKILL, or
pauses — announcing its process id — until someone kills it from outside.
The first strike creates ``flag_dir/fault-<pid>.hit`` (holding the process
id), and a partition that finds the file goes on normally, so a retried or
resumed run completes (``once=False`` strikes on every attempt instead).

It is never active unless passed explicitly (the ``goftar batch`` command
reads ``GOFTAR_SCALE_FAULT=action:pid:flag_dir`` for end-to-end tests).
"""
from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

ACTIONS = ("raise", "kill", "pause")
#: a paused partition gives up (raises) after this long, so a broken test cannot hang forever
PAUSE_LIMIT_S = 120.0


class InjectedFault(RuntimeError):
    """The failure a ``raise`` fault produces."""


@dataclass(frozen=True)
class Fault:
    action: str
    pid: int
    flag_dir: str
    #: strike only the first time (a retry goes through); False: strike on every attempt
    once: bool = True

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise InputError(f"fault action must be one of {', '.join(ACTIONS)}, not {self.action!r}")

    @classmethod
    def parse(cls, spec: str | None) -> "Fault | None":
        """``"pause:3:/tmp/flags"`` → Fault("pause", 3, "/tmp/flags"); empty → None."""
        if not spec:
            return None
        try:
            action, pid, flag_dir = spec.split(":", 2)
            return cls(action, int(pid), flag_dir)
        except ValueError:
            raise InputError(f"bad fault spec {spec!r}; expected ACTION:PARTITION:FLAG_DIR") from None

    def flag(self) -> Path:
        return Path(self.flag_dir) / f"fault-{self.pid}.hit"

    def strike(self, pid: int) -> None:
        """Called inside the partition task; fails the first time for partition ``self.pid``."""
        if pid != self.pid:
            return
        flag = self.flag() if self.once else self.flag().with_suffix(f".{os.getpid()}.{time.time_ns()}.hit")
        flag.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(flag, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return  # already struck once: behave normally
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        if self.action == "raise":
            raise InjectedFault(f"injected failure in partition {pid}")
        if self.action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        deadline = time.monotonic() + PAUSE_LIMIT_S
        while time.monotonic() < deadline:  # wait to be killed from outside
            time.sleep(0.05)
        raise InjectedFault(f"partition {pid} paused for {PAUSE_LIMIT_S:.0f} s and nobody killed it")
