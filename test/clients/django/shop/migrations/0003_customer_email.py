# db_index=True on a new field: the index is deferred SQL.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_order_total")]
    operations = [
        migrations.AddField(model_name="customer", name="email",
                            field=models.CharField(max_length=200, db_index=True, default="")),
    ]
