"""The board's version token and the triggers that change it (issue 14: the board page, cached under it)."""

from typing import Any

from django.db import migrations, models

from eo13.obligations import board_triggers


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("obligations", "0004_board_indexes_issue14")]

    operations = [
        migrations.CreateModel(
            name="BoardVersion",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=40)),
            ],
        ),
        migrations.RunPython(
            _run({"postgresql": board_triggers.POSTGRESQL, "sqlite": board_triggers.SQLITE}),
            _run({"postgresql": board_triggers.POSTGRESQL_REVERSE, "sqlite": board_triggers.SQLITE_REVERSE}),
        ),
    ]
