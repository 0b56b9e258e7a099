class AddStockToProducts < ActiveRecord::Migration[6.1]
  def up
    add_column :products, :stock, :integer, default: 0, null: false
    add_index :products, :stock
  end

  def down
    remove_index :products, :stock
    remove_column :products, :stock
  end
end
