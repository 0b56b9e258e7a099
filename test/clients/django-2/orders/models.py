from django.db import models


class Order(models.Model):
    product = models.ForeignKey("catalog.Product", models.CASCADE)
    qty = models.IntegerField()
    note = models.TextField(null=True)

    class Meta:
        indexes = [models.Index(fields=["qty"], name="order_qty_idx")]
