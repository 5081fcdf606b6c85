public import Storage

/// The catalogue's SQLite schema, as `user_version` migrations.
///
/// Every object keeps its message in `data` (the protobuf encoding of the editable fields) next
/// to the few columns that queries filter, sort and join on. Server-set fields (id, version,
/// timestamps, status, village of a listing) live only in columns and are patched into the
/// message when it is read, so there is one source of truth for each of them; so do a
/// listing's title and description texts (since migration 6), which have columns for search.
///
/// Search is an FTS5 **external-content** index over a view of folded text (tone marks and
/// `đ`/`Đ` removed by `fold()`), kept in sync by triggers on `listing`. Producer and village
/// names are copied into `listing.producer_text`/`village_text`, so the triggers read only the
/// listing's own row: an external-content index must be told the exact old values on delete,
/// and a trigger that joined the producer would see its *new* name after a rename.
///
/// `change_event.seq` is an `AUTOINCREMENT` key, so a sequence number is never reused, and it
/// is assigned inside the same write transaction as the change it records. With one writer,
/// commit order is seq order: a reader that sees seq N also sees every seq below it.
public enum CatalogueSchema {
  /// Migrations in order; ship them forever, add new ones at the end.
  public static let migrations: [Migration] = [
    Migration(
      version: 1,
      sql: """
        CREATE TABLE village(
          id TEXT PRIMARY KEY,
          name_vi TEXT NOT NULL DEFAULT '',
          name_en TEXT NOT NULL DEFAULT '',
          district TEXT NOT NULL DEFAULT '',
          district_folded TEXT NOT NULL DEFAULT '',
          data BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX village_district ON village(district_folded);

        CREATE TABLE village_craft(
          village_id TEXT NOT NULL REFERENCES village(id) ON DELETE CASCADE,
          category INTEGER NOT NULL,
          PRIMARY KEY(category, village_id)
        ) WITHOUT ROWID;

        CREATE TABLE producer(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          village_id TEXT NOT NULL REFERENCES village(id),
          name_vi TEXT NOT NULL DEFAULT '',
          name_en TEXT NOT NULL DEFAULT '',
          deleted INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX producer_village ON producer(village_id, id);

        -- One row per certificate; dates as yyyymmdd integers, open ends as 0 / 99991231.
        CREATE TABLE certification(
          producer_rowid INTEGER NOT NULL REFERENCES producer(rowid) ON DELETE CASCADE,
          type INTEGER NOT NULL,
          valid_from INTEGER NOT NULL,
          valid_to INTEGER NOT NULL
        );
        CREATE INDEX certification_producer ON certification(producer_rowid, type, valid_to);

        CREATE TABLE listing(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          producer_rowid INTEGER NOT NULL REFERENCES producer(rowid),
          producer_id TEXT NOT NULL,
          village_id TEXT NOT NULL,
          sku TEXT NOT NULL,
          sku_folded TEXT NOT NULL,
          status INTEGER NOT NULL,
          category INTEGER NOT NULL,
          hs_digits TEXT NOT NULL,
          moq INTEGER NOT NULL,
          lead_time_days INTEGER NOT NULL,
          monthly_capacity INTEGER NOT NULL,
          incoterm INTEGER NOT NULL,
          title_vi TEXT NOT NULL DEFAULT '',
          title_en TEXT NOT NULL DEFAULT '',
          description_vi TEXT NOT NULL DEFAULT '',
          description_en TEXT NOT NULL DEFAULT '',
          materials TEXT NOT NULL DEFAULT '',
          producer_text TEXT NOT NULL DEFAULT '',
          village_text TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        -- A SKU is unique among a producer's listings that are not deleted.
        CREATE UNIQUE INDEX listing_producer_sku ON listing(producer_id, sku_folded)
          WHERE status != 3;
        CREATE INDEX listing_producer ON listing(producer_id, rowid);
        CREATE INDEX listing_village ON listing(village_id, rowid);
        CREATE INDEX listing_status_id ON listing(status, id);
        CREATE INDEX listing_hs ON listing(hs_digits);

        -- Materials folded, one row each, for the exact material filter.
        CREATE TABLE listing_material(
          listing_rowid INTEGER NOT NULL REFERENCES listing(rowid) ON DELETE CASCADE,
          material TEXT NOT NULL,
          PRIMARY KEY(material, listing_rowid)
        ) WITHOUT ROWID;

        CREATE TABLE price_tier(
          listing_rowid INTEGER NOT NULL REFERENCES listing(rowid) ON DELETE CASCADE,
          currency TEXT NOT NULL,
          min_quantity INTEGER NOT NULL,
          unit_price_minor INTEGER NOT NULL,
          PRIMARY KEY(listing_rowid, currency, min_quantity)
        ) WITHOUT ROWID;
        CREATE INDEX price_tier_currency ON price_tier(currency, unit_price_minor);

        -- What FTS5 reads back when it needs column values ('rebuild', integrity checks).
        CREATE VIEW listing_fts_content AS
          SELECT rowid,
            fold(title_vi || ' ' || title_en) AS title,
            fold(description_vi || ' ' || description_en) AS description,
            fold(materials) AS materials,
            fold(producer_text) AS producer,
            fold(village_text) AS village
          FROM listing;
        CREATE VIRTUAL TABLE listing_fts USING fts5(
          title, description, materials, producer, village,
          content = 'listing_fts_content', content_rowid = 'rowid',
          tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE TRIGGER listing_fts_ai AFTER INSERT ON listing BEGIN
          INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
            VALUES (new.rowid, fold(new.title_vi || ' ' || new.title_en),
              fold(new.description_vi || ' ' || new.description_en), fold(new.materials),
              fold(new.producer_text), fold(new.village_text));
        END;
        CREATE TRIGGER listing_fts_ad AFTER DELETE ON listing BEGIN
          INSERT INTO listing_fts(listing_fts, rowid, title, description, materials, producer, village)
            VALUES ('delete', old.rowid, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
        END;
        -- Only when indexed text changes: status and version bumps leave the index alone.
        CREATE TRIGGER listing_fts_au AFTER UPDATE OF
          title_vi, title_en, description_vi, description_en, materials, producer_text, village_text
          ON listing BEGIN
          INSERT INTO listing_fts(listing_fts, rowid, title, description, materials, producer, village)
            VALUES ('delete', old.rowid, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
          INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
            VALUES (new.rowid, fold(new.title_vi || ' ' || new.title_en),
              fold(new.description_vi || ' ' || new.description_en), fold(new.materials),
              fold(new.producer_text), fold(new.village_text));
        END;

        CREATE TABLE change_event(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          time_ms INTEGER NOT NULL,
          change_type INTEGER NOT NULL,
          entity_type INTEGER NOT NULL,
          entity_id TEXT NOT NULL,
          actor_role INTEGER NOT NULL,
          actor_id TEXT NOT NULL,
          snapshot BLOB NOT NULL
        );
        """),
    // Found with the 100,000-listing benchmark (Benchmarks/run.sh catalogue):
    // - `listing_material` is keyed (material, listing_rowid), so finding a listing's rows
    //   scanned the whole table: on every `DELETE … WHERE listing_rowid = ?` of an update, and
    //   on every listing insert, where the foreign-key check looks for child rows of the new
    //   key (SQLite does that for a parent insert in a statement that fires triggers).
    // - Search by HS code prefix reads the code range of one index that also holds status and
    //   id (the page's tie-break), instead of looking up every listing row of the range.
    // - A village's active-listing count (GetVillage, ListVillages) walked every active
    //   listing through `listing_status_id`; (village_id, status) answers it from the index.
    Migration(
      version: 2,
      sql: """
        CREATE INDEX listing_material_listing ON listing_material(listing_rowid);
        CREATE INDEX listing_village_status ON listing(village_id, status);
        CREATE INDEX listing_hs_status ON listing(hs_digits, status, id);
        DROP INDEX listing_hs;
        """),
    // Bulk writes (import, seed) re-index in one pass per batch instead of per row.
    //
    // SQLite opens a statement savepoint for every statement that fires a trigger, and for
    // every `SAVEPOINT` (import: one per row); FTS5 writes its pending terms out as a new
    // segment at each savepoint once it is part of the transaction. A per-row index update
    // from the triggers therefore wrote one tiny segment per row and kept FTS5 merging them
    // (10,000 rows: ~10,000 segments merged in the same transactions).
    //
    // While `listing_fts_deferred` holds a row (only ever inside one write transaction, see
    // `CatalogueWriter.withDeferredIndexing`), the triggers only note each touched rowid in
    // `listing_fts_pending` with the text that was indexed for it (the first old values; none
    // for a row inserted in the batch). At the end of the batch, one statement deletes the old
    // entries and one inserts the current text of the rows that still exist. Both tables are
    // ordinary tables of the transaction, so a row's savepoint rollback rolls its notes back
    // too, and nothing of them is ever committed.
    Migration(
      version: 3,
      sql: """
        CREATE TABLE listing_fts_deferred(one INTEGER PRIMARY KEY CHECK (one = 1));
        CREATE TABLE listing_fts_pending(
          rowid INTEGER PRIMARY KEY,
          indexed INTEGER NOT NULL,
          title TEXT, description TEXT, materials TEXT, producer TEXT, village TEXT
        );
        DROP TRIGGER listing_fts_ai;
        DROP TRIGGER listing_fts_ad;
        DROP TRIGGER listing_fts_au;
        CREATE TRIGGER listing_fts_ai AFTER INSERT ON listing
          WHEN NOT EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
            VALUES (new.rowid, fold(new.title_vi || ' ' || new.title_en),
              fold(new.description_vi || ' ' || new.description_en), fold(new.materials),
              fold(new.producer_text), fold(new.village_text));
        END;
        CREATE TRIGGER listing_fts_ad AFTER DELETE ON listing
          WHEN NOT EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT INTO listing_fts(listing_fts, rowid, title, description, materials, producer, village)
            VALUES ('delete', old.rowid, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
        END;
        CREATE TRIGGER listing_fts_au AFTER UPDATE OF
          title_vi, title_en, description_vi, description_en, materials, producer_text, village_text
          ON listing WHEN NOT EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT INTO listing_fts(listing_fts, rowid, title, description, materials, producer, village)
            VALUES ('delete', old.rowid, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
          INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
            VALUES (new.rowid, fold(new.title_vi || ' ' || new.title_en),
              fold(new.description_vi || ' ' || new.description_en), fold(new.materials),
              fold(new.producer_text), fold(new.village_text));
        END;
        CREATE TRIGGER listing_fts_deferred_ai AFTER INSERT ON listing
          WHEN EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT OR IGNORE INTO listing_fts_pending(rowid, indexed) VALUES (new.rowid, 0);
        END;
        CREATE TRIGGER listing_fts_deferred_ad AFTER DELETE ON listing
          WHEN EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT OR IGNORE INTO listing_fts_pending(
            rowid, indexed, title, description, materials, producer, village)
            VALUES (old.rowid, 1, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
        END;
        CREATE TRIGGER listing_fts_deferred_au AFTER UPDATE OF
          title_vi, title_en, description_vi, description_en, materials, producer_text, village_text
          ON listing WHEN EXISTS (SELECT 1 FROM listing_fts_deferred) BEGIN
          INSERT OR IGNORE INTO listing_fts_pending(
            rowid, indexed, title, description, materials, producer, village)
            VALUES (old.rowid, 1, fold(old.title_vi || ' ' || old.title_en),
              fold(old.description_vi || ' ' || old.description_en), fold(old.materials),
              fold(old.producer_text), fold(old.village_text));
        END;
        """),
    // Full-text search joins each match to its listing for the filters, the facets and the
    // page's id. Listing rows are wide (texts and the message blob), so that join touched a
    // wide row per match. This index holds every column a search reads besides the text,
    // keyed by rowid: the join walks narrow entries in rowid order (the order FTS5 returns
    // matches). `ListingSearch` names it (`INDEXED BY`); the planner would otherwise always
    // take the rowid lookup.
    Migration(
      version: 4,
      sql: """
        CREATE INDEX listing_search ON listing(
          rowid, status, category, moq, village_id, producer_rowid, id, lead_time_days,
          monthly_capacity, incoterm, hs_digits, created_ms, producer_id, sku_folded);
        """),
    // Bulk import writes each page it dirties twice (log, then main file), and an index in
    // random key order dirties about a page per row. `price_tier_currency` was one, with ~3
    // entries per listing, and no query reads it: the price filter and the price sort look up
    // a listing's tiers by their primary key (listing_rowid, currency, min_quantity).
    Migration(
      version: 5,
      sql: """
        DROP INDEX IF EXISTS price_tier_currency;
        """),
    // No change to the tables: a listing's `data` written from now on leaves out the texts of
    // its title and description, which are read back from their columns (`StoredListing`). A
    // build before this one would read those listings with blank texts, so the version moves
    // on and such a build refuses the file (`StorageError.schemaTooNew`), restored backups
    // included. Rows written before keep their texts in both places and read the same.
    Migration(
      version: 6,
      sql: """
        -- listing.data without title and description texts; see StoredListing.blob.
        """),
  ]
}
