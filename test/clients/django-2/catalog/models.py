from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=50)


class Product(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField()
    category = models.ForeignKey(Category, models.SET_NULL, null=True, db_constraint=False)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0)

    class Meta:
        indexes = [models.Index(fields=["name"], name="product_name_idx")]
        constraints = [models.CheckConstraint(check=models.Q(price__gte=0), name="product_price_gte_0")]
