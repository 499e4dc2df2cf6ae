import { columns, type Migration } from './helpers';

/**
 * Bank statement import (issue 13, item 7; ADR 0023): each statement line imported into a bank account is kept by
 * its hash, so a re-uploaded statement shows the line as already imported and never imports it twice.
 */
export const bankStatementLines: Migration = {
  name: '0029-bank-statement-lines',
  async up(db, dialect) {
    const c = columns(dialect);
    let line = db.schema.createTable('bank_statement_line');
    line = c.id(line);
    line = c.ref(line, 'account_id', 'money_account', (x) => x.notNull());
    line = c.text(line, 'line_hash', (x) => x.notNull());
    line = c.date(line, 'line_date', (x) => x.notNull());
    line = c.bigint(line, 'amount_cents', (x) => x.notNull());
    line = c.text(line, 'counterparty');
    line = c.text(line, 'description');
    line = c.ref(line, 'payment_id', 'customer_payment');
    line = c.ref(line, 'created_by', 'app_user');
    line = c.instant(line, 'created_at', (x) => x.notNull());
    await line.execute();
    await db.schema
      .createIndex('bank_statement_line_account_id_line_hash_uq')
      .on('bank_statement_line')
      .columns(['account_id', 'line_hash'])
      .unique()
      .execute();
    for (const col of ['payment_id', 'created_by'])
      await db.schema
        .createIndex(`bank_statement_line_${col}_idx`)
        .on('bank_statement_line')
        .column(col)
        .execute();
  },
};
