"""Database guards: a sealed round's rows cannot be inserted or updated, and the journal cannot be updated.

The models refuse these changes in save()/delete() and their querysets refuse
bulk update()/delete(); these triggers make the database refuse them too, for
any code path (raw SQL, a shell, a future bug). Deletes are guarded in the
models only: test databases are emptied with DELETE on SQLite, and a sealed
round's entries are also protected by on_delete=PROTECT.
"""

from django.db import migrations

GUARDED = ["elections_ballotentry", "elections_totalsentry", "elections_roundcandidate", "elections_confirmation"]

SQLITE = []
for table in GUARDED:
    SQLITE += [
        f"""CREATE TRIGGER {table}_sealed_insert BEFORE INSERT ON {table}
        WHEN (SELECT sealed_at FROM elections_round WHERE id = NEW.round_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'elections: the round is sealed'); END""",
        f"""CREATE TRIGGER {table}_sealed_update BEFORE UPDATE ON {table}
        WHEN (SELECT sealed_at FROM elections_round WHERE id = OLD.round_id) IS NOT NULL
          OR (SELECT sealed_at FROM elections_round WHERE id = NEW.round_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'elections: the round is sealed'); END""",
    ]
SQLITE += [
    """CREATE TRIGGER elections_round_sealed_update BEFORE UPDATE ON elections_round
    WHEN OLD.sealed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'elections: the round is sealed'); END""",
    """CREATE TRIGGER elections_journalentry_append_only BEFORE UPDATE ON elections_journalentry
    BEGIN SELECT RAISE(ABORT, 'elections: the journal is append-only'); END""",
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS {t}_sealed_insert" for t in GUARDED]
SQLITE_REVERSE += [f"DROP TRIGGER IF EXISTS {t}_sealed_update" for t in GUARDED]
SQLITE_REVERSE += [
    "DROP TRIGGER IF EXISTS elections_round_sealed_update",
    "DROP TRIGGER IF EXISTS elections_journalentry_append_only",
]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION elections_refuse_sealed() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM elections_round WHERE id = NEW.round_id AND sealed_at IS NOT NULL)
         OR (TG_OP = 'UPDATE' AND EXISTS (
             SELECT 1 FROM elections_round WHERE id = OLD.round_id AND sealed_at IS NOT NULL)) THEN
        RAISE EXCEPTION 'elections: the round is sealed' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION elections_refuse_sealed_round() RETURNS trigger AS $$
    BEGIN
      IF OLD.sealed_at IS NOT NULL THEN
        RAISE EXCEPTION 'elections: the round is sealed' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION elections_refuse_journal_update() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'elections: the journal is append-only' USING ERRCODE = 'integrity_constraint_violation';
    END $$ LANGUAGE plpgsql""",
]
for table in GUARDED:
    POSTGRES.append(
        f"CREATE TRIGGER {table}_sealed BEFORE INSERT OR UPDATE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION elections_refuse_sealed()"
    )
POSTGRES += [
    "CREATE TRIGGER elections_round_sealed BEFORE UPDATE ON elections_round "
    "FOR EACH ROW EXECUTE FUNCTION elections_refuse_sealed_round()",
    "CREATE TRIGGER elections_journalentry_append_only BEFORE UPDATE ON elections_journalentry "
    "FOR EACH ROW EXECUTE FUNCTION elections_refuse_journal_update()",
]
POSTGRES_REVERSE = [f"DROP TRIGGER IF EXISTS {t}_sealed ON {t}" for t in GUARDED]
POSTGRES_REVERSE += [
    "DROP TRIGGER IF EXISTS elections_round_sealed ON elections_round",
    "DROP TRIGGER IF EXISTS elections_journalentry_append_only ON elections_journalentry",
    "DROP FUNCTION IF EXISTS elections_refuse_sealed()",
    "DROP FUNCTION IF EXISTS elections_refuse_sealed_round()",
    "DROP FUNCTION IF EXISTS elections_refuse_journal_update()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("elections", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
