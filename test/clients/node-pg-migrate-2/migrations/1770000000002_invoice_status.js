exports.up = (pgm) => {
  pgm.createType('invoice_status', ['draft', 'sent', 'paid']);
  pgm.addColumns('invoices', { status: { type: 'invoice_status', notNull: true, default: 'draft' } });
  pgm.sql("CREATE INDEX invoices_unpaid_idx ON invoices (id) WHERE status <> 'paid'; COMMENT ON TABLE invoices IS 'invoices'");
};
exports.down = (pgm) => {
  pgm.sql('DROP INDEX invoices_unpaid_idx');
  pgm.dropColumns('invoices', ['status']);
  pgm.dropType('invoice_status');
};
