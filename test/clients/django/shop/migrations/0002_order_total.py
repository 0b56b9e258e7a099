# No deferred SQL: the history row is written in the migration's transaction.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [
        migrations.AddField(model_name="order", name="total", field=models.IntegerField(default=0)),
    ]
