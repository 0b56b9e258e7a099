# Depends on another app's migration; a ForeignKey to it (deferred SQL).
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True
    dependencies = [("catalog", "0002_price_check")]
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("qty", models.IntegerField()),
                ("product", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                              to="catalog.product")),
            ],
        ),
    ]
