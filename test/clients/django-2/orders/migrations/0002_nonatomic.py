# atomic = False with several operations: each statement commits on its
# own, and the history row comes after all of them.
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("orders", "0001_initial")]
    operations = [
        migrations.AddField("order", "note", models.TextField(null=True)),
        AddIndexConcurrently("order", models.Index(fields=["qty"], name="order_qty_idx")),
        migrations.RunSQL("COMMENT ON TABLE orders_order IS 'orders of products'",
                          reverse_sql="COMMENT ON TABLE orders_order IS NULL"),
    ]
