# A SlugField (its _like index is deferred SQL) and a ForeignKey with
# db_constraint=False (no constraint, but its index is deferred too).
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Category",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=50)),
            ],
        ),
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=100)),
                ("slug", models.SlugField()),
                ("category", models.ForeignKey(db_constraint=False, null=True,
                                               on_delete=django.db.models.deletion.SET_NULL,
                                               to="catalog.category")),
            ],
        ),
    ]
