public import Storage

/// The orders service's SQLite schema, as `user_version` migrations.
///
/// A quote, an order and an order group are each one aggregate, read and written whole: the
/// full message lives in `data` (history, payments and dispute included), and the columns next
/// to it are copies of the few fields queries filter, sort and join on, written by the same
/// statement from the same message.
///
/// Idempotent creation rests on `order_request`: its primary key (buyer, request id) is
/// inserted in the same transaction as the group, its orders and their events, so a request id
/// either names one complete, committed purchase or nothing; a second insert of the key fails
/// even if two writers raced past the check before it. `orders_quote` makes one order per
/// quote a constraint as well.
///
/// `order_event.seq` is an `AUTOINCREMENT` key assigned in the transaction of the change it
/// records; with one writer, commit order is seq order, so a reader that sees seq N also sees
/// every seq below it (what makes the feeds resumable).
public enum OrdersSchema {
  /// Migrations in order; ship them forever, add new ones at the end.
  public static let migrations: [Migration] = [
    Migration(
      version: 1,
      sql: """
        CREATE TABLE quote(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          rfq_id TEXT NOT NULL,
          listing_id TEXT NOT NULL,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          status INTEGER NOT NULL,
          version INTEGER NOT NULL,
          valid_until_ms INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX quote_buyer ON quote(buyer_id, rowid);
        CREATE INDEX quote_open_until ON quote(valid_until_ms) WHERE status IN (1, 2);
        CREATE INDEX quote_producer ON quote(producer_id, rowid);

        CREATE TABLE order_group(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          buyer_id TEXT NOT NULL,
          request_id TEXT NOT NULL,
          created_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        );

        -- One row per (buyer, request id): the idempotency key of CreateOrder.
        CREATE TABLE order_request(
          buyer_id TEXT NOT NULL,
          request_id TEXT NOT NULL,
          fingerprint INTEGER NOT NULL,
          group_id TEXT NOT NULL REFERENCES order_group(id),
          created_ms INTEGER NOT NULL,
          PRIMARY KEY(buyer_id, request_id)
        ) WITHOUT ROWID;

        CREATE TABLE orders(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          group_id TEXT NOT NULL REFERENCES order_group(id),
          quote_id TEXT NOT NULL,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          status INTEGER NOT NULL,
          version INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX orders_buyer ON orders(buyer_id, rowid);
        CREATE INDEX orders_producer ON orders(producer_id, rowid);
        CREATE INDEX orders_group ON orders(group_id, rowid);
        CREATE UNIQUE INDEX orders_quote ON orders(quote_id) WHERE quote_id != '';

        CREATE TABLE order_event(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          time_ms INTEGER NOT NULL,
          type INTEGER NOT NULL,
          order_id TEXT NOT NULL,
          quote_id TEXT NOT NULL,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX order_event_order ON order_event(order_id, seq) WHERE order_id != '';
        CREATE INDEX order_event_buyer ON order_event(buyer_id, seq);
        CREATE INDEX order_event_producer ON order_event(producer_id, seq);
        """)
  ]
}
