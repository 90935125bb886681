"""The SQLite schema of the archive, as numbered migrations.

``meta`` holds ``app = goftar-archive`` (so a foreign SQLite file is recognised and
left alone) and ``schema_version``.  Opening an archive applies the missing
migrations in one transaction each.  Add a migration by appending to
:data:`MIGRATIONS`; never edit one that has shipped.  A read-only open cannot
migrate: it accepts schemas from :data:`READABLE_FROM` on (raise it when a migration
changes what queries need, not just how fast they run).
"""
from __future__ import annotations

APP = "goftar-archive"

MIGRATIONS: list[str] = [
    # 1: articles with raw bytes, attribution tables, LSH bands for near-duplicate stories
    """
    CREATE TABLE articles (
        n            INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        sha256       TEXT NOT NULL UNIQUE,
        story        TEXT NOT NULL,
        story_n      INTEGER NOT NULL,
        title        TEXT,
        kicker       TEXT,
        lead         TEXT,
        agency       TEXT,
        original_source TEXT,
        published    TEXT,
        source_path  TEXT,
        source_kind  TEXT,
        text         TEXT NOT NULL DEFAULT '',
        record       TEXT NOT NULL,
        ingested_at  TEXT NOT NULL,
        indexed      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_pending ON articles(n) WHERE indexed = 0;
    CREATE INDEX articles_story ON articles(story_n);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE raw (
        article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
        bytes   BLOB NOT NULL
    );
    CREATE TABLE tags (
        article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        key     TEXT NOT NULL
    );
    CREATE INDEX tags_article ON tags(article);
    CREATE INDEX tags_key ON tags(key);
    CREATE TABLE quotes (
        q               INTEGER PRIMARY KEY,
        article         INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        reported        INTEGER NOT NULL,
        speaker         TEXT,
        speaker_key     TEXT,
        speaker_mention TEXT,
        verb            TEXT,
        kind            TEXT,
        text            TEXT,
        flat            TEXT,
        start           INTEGER,
        "end"           INTEGER,
        raw_start       INTEGER,
        raw_end         INTEGER
    );
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker_key);
    CREATE TABLE people (
        article  INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        name     TEXT NOT NULL,
        key      TEXT NOT NULL,
        titles   TEXT NOT NULL DEFAULT '[]',
        roles    TEXT NOT NULL DEFAULT '[]',
        mentions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX people_article ON people(article);
    CREATE INDEX people_key ON people(key);
    CREATE TABLE places (
        article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        name    TEXT NOT NULL,
        key     TEXT NOT NULL,
        code    TEXT,
        kind    TEXT
    );
    CREATE INDEX places_article ON places(article);
    CREATE INDEX places_key ON places(key);
    CREATE TABLE organizations (
        article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        name    TEXT NOT NULL,
        key     TEXT NOT NULL
    );
    CREATE INDEX organizations_article ON organizations(article);
    CREATE TABLE events (
        e             INTEGER PRIMARY KEY,
        article       INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        type          TEXT,
        participants  TEXT NOT NULL DEFAULT '[]',
        place         TEXT,
        date          TEXT,
        relative_time TEXT,
        evidence      TEXT
    );
    CREATE INDEX events_article ON events(article);
    CREATE TABLE event_people (
        event   INTEGER NOT NULL REFERENCES events(e) ON DELETE CASCADE,
        article INTEGER NOT NULL,
        key     TEXT NOT NULL,
        name    TEXT NOT NULL
    );
    CREATE INDEX event_people_key ON event_people(key);
    CREATE INDEX event_people_event ON event_people(event);
    CREATE TABLE minhash (
        article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
        sig     BLOB NOT NULL
    );
    CREATE TABLE bands (
        key     INTEGER NOT NULL,
        article INTEGER NOT NULL
    );
    CREATE INDEX bands_key ON bands(key);
    """,
    # 2: raw bytes may be stored compressed (codec 'zlib'); text and record columns hold zlib blobs
    """
    ALTER TABLE raw ADD COLUMN codec TEXT NOT NULL DEFAULT ''
    """,
    # 3: per-person counts kept up to date at ingest (people() must not aggregate the whole archive)
    """
    CREATE TABLE persons (
        key        TEXT PRIMARY KEY,
        statements INTEGER NOT NULL DEFAULT 0,
        meetings   INTEGER NOT NULL DEFAULT 0,
        articles   INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX persons_rank ON persons(statements + meetings DESC, articles DESC, key);
    CREATE TABLE person_names (
        key  TEXT NOT NULL,
        name TEXT NOT NULL,
        n    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (key, name)
    ) WITHOUT ROWID;
    INSERT INTO persons (key, articles)
        SELECT key, count(DISTINCT article) FROM (
            SELECT key, article FROM people WHERE key != ''
            UNION ALL SELECT speaker_key, article FROM quotes WHERE speaker_key != ''
            UNION ALL SELECT key, article FROM event_people WHERE key != '') GROUP BY key;
    UPDATE persons SET statements = (SELECT count(*) FROM quotes WHERE speaker_key = persons.key);
    UPDATE persons SET meetings = (SELECT count(DISTINCT event) FROM event_people WHERE key = persons.key);
    INSERT INTO person_names (key, name, n)
        SELECT key, name, count(*) FROM (
            SELECT key, name FROM people WHERE key != ''
            UNION ALL SELECT speaker_key, speaker FROM quotes WHERE speaker_key != ''
            UNION ALL SELECT key, name FROM event_people WHERE key != '') GROUP BY key, name
    """,
    # 4: a covering index for one speaker's quotes (person pages count them by month and by article)
    """
    CREATE INDEX quotes_speaker_article ON quotes(speaker_key, article)
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

#: A read-only open works on any archive from this schema on: the later migrations only add
#: indexes (queries are slower without them, never wrong).  Older archives must be upgraded once.
READABLE_FROM = 3
