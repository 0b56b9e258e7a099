# AddField, AddConstraint, AddIndex: no deferred SQL, one transaction.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [
        migrations.AddField("product", "price",
                            models.DecimalField(decimal_places=2, default=0, max_digits=8)),
        migrations.AddConstraint("product", models.CheckConstraint(
            check=models.Q(price__gte=0), name="product_price_gte_0")),
        migrations.AddIndex("product", models.Index(fields=["name"], name="product_name_idx")),
    ]
