from django.db import migrations


def load(apps, schema_editor):
    from eo13.policies.languages import load_languages

    load_languages(apps.get_model("policies", "DesignatedLanguage"))


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
