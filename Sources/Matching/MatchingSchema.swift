public import Storage

/// The matching service's SQLite schema, as `user_version` migrations.
///
/// Like the catalogue, each object keeps its message in `data` next to the columns queries
/// filter and sort on; server-set fields (ids, status, timestamps) live in columns and are
/// patched into the message when it is read.
///
/// The catalogue read model (`catalogue_object`) holds the latest snapshot of every village,
/// producer and listing the catalogue's change feed has delivered, and `catalogue_feed` the
/// last seq applied. Both change in the same transaction, so after a crash or restart the
/// follower resumes exactly after the last event it stored: nothing is missed and nothing is
/// applied twice (`applied_events` counts applications, so tests can prove it).
///
/// The trade read model (version 2) is the same pattern over the orders service's event feed:
/// `trade_order` and `trade_quote` hold what matching needs of each order and quote (the pair,
/// the status, when, the value) and `orders_feed` the last seq applied.
public enum MatchingSchema {
  /// Migrations in order; ship them forever, add new ones at the end.
  public static let migrations: [Migration] = [
    Migration(
      version: 1,
      sql: """
        CREATE TABLE buyer(
          id TEXT PRIMARY KEY,
          country_code TEXT NOT NULL,
          buyer_type INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX buyer_country ON buyer(country_code, id);

        CREATE TABLE buyer_category(
          buyer_id TEXT NOT NULL REFERENCES buyer(id) ON DELETE CASCADE,
          category INTEGER NOT NULL,
          PRIMARY KEY(category, buyer_id)
        ) WITHOUT ROWID;

        CREATE TABLE rfq(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          buyer_id TEXT NOT NULL REFERENCES buyer(id),
          request_id TEXT NOT NULL DEFAULT '',
          status INTEGER NOT NULL,
          category INTEGER NOT NULL,
          expires_ms INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          closed_ms INTEGER NOT NULL DEFAULT 0,
          data BLOB NOT NULL
        );
        CREATE UNIQUE INDEX rfq_request ON rfq(buyer_id, request_id) WHERE request_id != '';
        CREATE INDEX rfq_buyer ON rfq(buyer_id, rowid);
        CREATE INDEX rfq_status ON rfq(status, rowid);

        CREATE TABLE introduction(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          buyer_id TEXT NOT NULL REFERENCES buyer(id),
          producer_id TEXT NOT NULL,
          rfq_id TEXT NOT NULL DEFAULT '',
          listing_id TEXT NOT NULL DEFAULT '',
          match_id TEXT NOT NULL DEFAULT '',
          requested_role INTEGER NOT NULL,
          requested_id TEXT NOT NULL DEFAULT '',
          message TEXT NOT NULL DEFAULT '',
          status INTEGER NOT NULL,
          requested_ms INTEGER NOT NULL,
          responded_ms INTEGER NOT NULL DEFAULT 0,
          response_reason TEXT NOT NULL DEFAULT '',
          expires_ms INTEGER NOT NULL
        );
        CREATE INDEX introduction_pair ON introduction(buyer_id, producer_id, rowid);
        CREATE INDEX introduction_producer ON introduction(producer_id, rowid);

        -- One row per proposed pair and subject; match ids are stable across calls.
        CREATE TABLE proposal(
          id TEXT PRIMARY KEY,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          rfq_id TEXT NOT NULL DEFAULT '',
          listing_id TEXT NOT NULL DEFAULT '',
          first_ms INTEGER NOT NULL,
          last_ms INTEGER NOT NULL,
          score REAL NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE catalogue_feed(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          last_seq INTEGER NOT NULL,
          applied_events INTEGER NOT NULL
        );
        INSERT INTO catalogue_feed(id, last_seq, applied_events) VALUES (1, 0, 0);

        CREATE TABLE catalogue_object(
          entity_type INTEGER NOT NULL,
          id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY(entity_type, id)
        ) WITHOUT ROWID;
        """),
    Migration(
      version: 2,
      sql: """
        CREATE TABLE orders_feed(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          last_seq INTEGER NOT NULL,
          applied_events INTEGER NOT NULL
        );
        INSERT INTO orders_feed(id, last_seq, applied_events) VALUES (1, 0, 0);

        -- first_of_pair: no earlier order joins the same buyer and producer (a new partner).
        CREATE TABLE trade_order(
          id TEXT PRIMARY KEY,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          status INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          currency TEXT NOT NULL,
          subtotal_minor INTEGER NOT NULL,
          first_of_pair INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX trade_order_pair ON trade_order(buyer_id, producer_id);
        CREATE INDEX trade_order_producer ON trade_order(producer_id, buyer_id);

        CREATE TABLE trade_quote(
          id TEXT PRIMARY KEY,
          buyer_id TEXT NOT NULL,
          producer_id TEXT NOT NULL,
          created_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        """),
  ]
}
