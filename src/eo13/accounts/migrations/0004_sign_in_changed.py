"""Tell every app process when sign-in data changes, so remembered API tokens are forgotten (issue 14).

Statement-level triggers on the tables an API token's read covers send a notification on channel ``eo13_sign_in``
after any change, however it is made (eo13.accounts.token_cache listens). A token's last use (written once a
minute) sends none: only the token columns that decide whether it is valid do. PostgreSQL only.
"""

from django.db import migrations

CHANNEL = "eo13_sign_in"
# (table, the events that can change what a token's read returns)
WATCHED = [
    ("accounts_apitoken", "UPDATE OF digest, revoked_at, expires_at, user_id OR DELETE OR TRUNCATE"),
    ("accounts_user", "INSERT OR UPDATE OR DELETE OR TRUNCATE"),
    ("accounts_membership", "INSERT OR UPDATE OR DELETE OR TRUNCATE"),
    ("agencies_agency", "INSERT OR UPDATE OR DELETE OR TRUNCATE"),
]
FUNCTION = f"""
CREATE OR REPLACE FUNCTION eo13_sign_in_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table, events in WATCHED:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS eo13_sign_in_changed ON "{table}"')
        schema_editor.execute(
            f'CREATE TRIGGER eo13_sign_in_changed AFTER {events} ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION eo13_sign_in_changed()"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _ in WATCHED:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS eo13_sign_in_changed ON "{table}"')
    schema_editor.execute("DROP FUNCTION IF EXISTS eo13_sign_in_changed()")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_merge_0002_city_sign_in_issue15_0002_issue9a"),
        ("agencies", "0003_agency_board_majority_issue10"),
    ]

    operations = [migrations.RunPython(forward, backward)]
