exports.up = (pgm) => {
  pgm.createTable('invoices', { id: 'id', total: { type: 'numeric(12,2)', notNull: true, default: 0 } });
  pgm.sql('INSERT INTO invoices (total) VALUES (0)');
};
exports.down = (pgm) => {
  pgm.dropTable('invoices');
};
