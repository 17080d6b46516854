"""The optimistic-lock column is called ``version`` as in every other app (issue 11 point 6); a translation's is
``edit_version``, because its ``version`` is the English text it translates."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("policies", "0002_load_languages")]

    operations = [
        migrations.RenameField("policyversion", "lock", "version"),
        migrations.RenameField("material", "lock", "version"),
        migrations.RenameField("policytranslation", "lock", "edit_version"),
    ]
