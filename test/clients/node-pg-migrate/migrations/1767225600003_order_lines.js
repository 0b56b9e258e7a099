exports.up = (pgm) => {
  pgm.createTable('order_lines', { id: 'id', order_id: { type: 'integer', references: 'orders' } });
};
exports.down = (pgm) => {
  pgm.dropTable('order_lines');
};
