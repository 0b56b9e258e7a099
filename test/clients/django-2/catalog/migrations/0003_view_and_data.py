# RunSQL with its reverse, and RunPython (data only) after it.
from django.db import migrations


def add_categories(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    Category.objects.bulk_create([Category(name="books"), Category(name="tools")])


def remove_categories(apps, schema_editor):
    apps.get_model("catalog", "Category").objects.filter(name__in=["books", "tools"]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_price_check")]
    operations = [
        migrations.RunSQL(
            "CREATE VIEW catalog_cheap AS SELECT id, name FROM catalog_product WHERE price < 10",
            reverse_sql="DROP VIEW catalog_cheap"),
        migrations.RunPython(add_categories, remove_categories),
    ]
