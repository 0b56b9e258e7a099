# disable_ddl_transaction!: the index is built concurrently, outside a
# transaction, and the version is written in a transaction of its own.
class AddIndexToProducts < ActiveRecord::Migration[6.1]
  disable_ddl_transaction!

  def change
    add_index :products, :sku, algorithm: :concurrently
  end
end
