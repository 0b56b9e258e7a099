# atomic = False: every statement commits on its own, the history row after.
from django.db import migrations


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("shop", "0003_customer_email")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY shop_order_total_idx ON shop_order (total)",
            "DROP INDEX CONCURRENTLY shop_order_total_idx",
        ),
        migrations.RunSQL(
            "ALTER TABLE shop_order ADD COLUMN note text",
            "ALTER TABLE shop_order DROP COLUMN note",
        ),
    ]
