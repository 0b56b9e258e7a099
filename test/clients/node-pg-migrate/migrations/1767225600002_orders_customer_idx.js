exports.up = (pgm) => {
  pgm.createIndex('orders', 'customer');
  pgm.addColumn('orders', { placed_at: { type: 'timestamptz' } });
};
exports.down = (pgm) => {
  pgm.dropColumn('orders', 'placed_at');
  pgm.dropIndex('orders', 'customer');
};
