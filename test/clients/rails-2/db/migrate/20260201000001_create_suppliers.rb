# create_table with timestamps, and a reversible block with execute.
class CreateSuppliers < ActiveRecord::Migration[6.1]
  def change
    create_table :suppliers do |t|
      t.string :name, null: false
      t.boolean :active, default: true
      t.timestamps
    end
    reversible do |dir|
      dir.up { execute "CREATE VIEW active_suppliers AS SELECT id, name FROM suppliers WHERE active" }
      dir.down { execute "DROP VIEW active_suppliers" }
    end
  end
end
