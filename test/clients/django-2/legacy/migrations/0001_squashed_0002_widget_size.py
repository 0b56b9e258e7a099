# squashmigrations legacy 0002: on a database where neither is applied,
# Django runs this one and records the two it replaces, then (in a later
# transaction) this one.
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("legacy", "0001_initial"), ("legacy", "0002_widget_size")]
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Widget",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=20)),
                ("size", models.IntegerField(default=1)),
            ],
        ),
    ]
