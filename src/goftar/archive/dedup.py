"""Near-duplicate stories: MinHash signatures with locality-sensitive hashing (LSH) bands.

The same story republished by another outlet (an agency line added, a paragraph
cut, half-spaces written differently) shares most of its word 3-grams.  Each
article gets a 64-value MinHash signature of its canonical word shingles
(:func:`goftar.archive.analysis.tokens`, so spelling noise does not matter); the
signature is cut into 16 bands of 4 values and each band hashed to one 63-bit key.
Two articles that share a band key are candidates; a candidate whose estimated
Jaccard similarity reaches :data:`THRESHOLD` is the same story.

Band keys live in an SQLite table (``bands``) next to the articles, so the LSH
index is written in the same transaction as the article: persistent and crash-safe,
unlike an in-memory ``datasketch.MinHashLSH``.  The hashing is vectorised with numpy.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

import numpy as np

from .analysis import tokens

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
#: estimated Jaccard similarity of shingle sets at or above which two articles are one story
THRESHOLD = 0.5
SHINGLE = 3
#: only the first words count: enough to tell stories apart, and a long article costs no more
MAX_TOKENS = 400

_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.RandomState(20240501)
_A = _rng.randint(1, 2**31 - 1, size=NUM_PERM).astype(np.uint64)
_B = _rng.randint(0, 2**31 - 1, size=NUM_PERM).astype(np.uint64)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word k-grams of the canonical tokens of ``text`` (single words for very short texts)."""
    toks = tokens(text)
    if len(toks) < k:
        return set(toks)
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def signature(text: str | list[str]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text or of its canonical tokens.

    Only the first :data:`MAX_TOKENS` words count.  A shingle's hash combines its words' CRC-32 hashes (stable across processes,
    unlike Python's ``hash``), vectorised with numpy.
    """
    toks = (tokens(text) if isinstance(text, str) else text)[:MAX_TOKENS]
    if not toks:
        return _EMPTY.copy()
    th = np.fromiter(map(zlib.crc32, map(str.encode, toks)), dtype=np.uint64, count=len(toks))
    if len(toks) >= SHINGLE:
        hv = th[:-2] * np.uint64(0x9E3779B1) + th[1:-1] * np.uint64(0x85EBCA77) + th[2:]
        hv = np.unique(hv & np.uint64(0xFFFFFFFF))
    else:
        hv = np.unique(th)
    # (a*x + b) mod p for every permutation and shingle: a < 2**31, x < 2**32, no overflow
    perm = (np.outer(hv, _A) + _B) % _PRIME
    return perm.min(axis=0).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (the band number is part of the key)."""
    out = []
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    for b in range(BANDS):
        h = hashlib.blake2b(raw[b * width:(b + 1) * width], digest_size=8, person=b"band%04d" % b).digest()
        out.append(int.from_bytes(h, "little", signed=True) >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not (a != _EMPTY).any() or not (b != _EMPTY).any():
        return 0.0
    return float(np.count_nonzero(a == b)) / NUM_PERM


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def best_match(sig: np.ndarray, candidates: Iterable[tuple[int, bytes]]) -> tuple[int, float] | None:
    """The candidate ``(key, signature blob)`` most similar to ``sig``, if at or above THRESHOLD."""
    best: tuple[int, float] | None = None
    for key, blob in candidates:
        s = similarity(sig, from_blob(blob))
        if s >= THRESHOLD and (best is None or s > best[1]):
            best = (key, s)
    return best
