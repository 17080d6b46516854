"""Four of the City property registry's indexes go (issue 14): the search text's two (a search matches words
anywhere in it, LIKE '%...%', which no B-tree index serves; PostgreSQL scanned the table either way) and the two
yes/no flags' (two values each). Each index was maintained for all 17,000 parcels on every COLP import: the command
took a median 2.06 s with them and 1.80 s without, on the same database."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("access", "0003_decisionlog_keys_unlocked")]

    operations = [
        migrations.AlterField(model_name="cityproperty", name="is_city_property", field=models.BooleanField()),
        migrations.AlterField(model_name="cityproperty", name="is_city_lot", field=models.BooleanField()),
        migrations.AlterField(model_name="cityproperty", name="search_text", field=models.CharField(max_length=420)),
    ]
