import RPCTestSupport
import Storage
import Testing

/// The pattern the catalogue uses: an external-content FTS5 table over a view of folded
/// columns, kept in sync by triggers that call `fold()`.
@Suite("FTS5 over folded Vietnamese text")
struct FullTextSearchTests {
  static let schema = Migration(
    version: 1,
    sql: """
      CREATE TABLE listing(
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT ''
      );
      -- What FTS5 reads back when it needs column values ('rebuild', snippets).
      CREATE VIEW listing_folded AS
        SELECT id, fold(title) AS title, fold(description) AS description FROM listing;
      CREATE VIRTUAL TABLE listing_fts USING fts5(
        title, description,
        content = 'listing_folded', content_rowid = 'id',
        tokenize = "unicode61 remove_diacritics 2"
      );
      CREATE TRIGGER listing_ai AFTER INSERT ON listing BEGIN
        INSERT INTO listing_fts(rowid, title, description)
          VALUES (new.id, fold(new.title), fold(new.description));
      END;
      CREATE TRIGGER listing_ad AFTER DELETE ON listing BEGIN
        INSERT INTO listing_fts(listing_fts, rowid, title, description)
          VALUES ('delete', old.id, fold(old.title), fold(old.description));
      END;
      CREATE TRIGGER listing_au AFTER UPDATE ON listing BEGIN
        INSERT INTO listing_fts(listing_fts, rowid, title, description)
          VALUES ('delete', old.id, fold(old.title), fold(old.description));
        INSERT INTO listing_fts(rowid, title, description)
          VALUES (new.id, fold(new.title), fold(new.description));
      END;
      """)

  static let listings: [(Int, String, String)] = [
    (1, "Giỏ mây tre đan Phú Vinh", "Giỏ đựng đồ thủ công từ làng Phú Vinh, Chương Mỹ"),
    (2, "Bình gốm men lam Bát Tràng", "Gốm sứ vẽ tay, nung ở Bát Tràng, Gia Lâm"),
    (3, "Khăn lụa Vạn Phúc", "Lụa tơ tằm dệt tay ở Hà Đông"),
    (4, "Tăm hương Quảng Phú Cầu", "Nguyên liệu tre, xuất khẩu Ấn Độ"),
    (5, "Khay gỗ sơn mài", "Trang trí họa tiết mây tre đan, phù hợp khay đựng"),
    (6, "Đèn bàn tre", "Ninh Sở, Thường Tín: mây tre giang đan"),
  ]

  static func open(_ directory: TemporaryDirectory) async throws -> Database {
    let db = try Database(path: directory.file("fts.sqlite"), migrations: [schema])
    try await db.write { tx in
      for (id, title, description) in listings {
        try tx.execute(
          "INSERT INTO listing(id, title, description) VALUES (?, ?, ?)", id, title, description)
      }
    }
    return db
  }

  /// Title weighted 10× description in bm25; smaller bm25 is better.
  static func search(_ db: Database, _ input: String) async throws -> [Int] {
    guard let match = FTSQuery.match(input) else { return [] }
    return try await db.read { tx in
      try tx.fetchAll(
        """
        SELECT rowid FROM listing_fts
        WHERE listing_fts MATCH ?
        ORDER BY bm25(listing_fts, 10.0, 1.0), rowid
        """, match
      ) { $0.int(0) }
    }
  }

  @Test("input without diacritics finds the Vietnamese listings, title matches first")
  func unaccentedQuery() async throws {
    let directory = try TemporaryDirectory()
    let db = try await Self.open(directory)
    // 1 has "mây tre đan" in its title; 5 and 6 only in their descriptions.
    let found = try await Self.search(db, "may tre dan")
    #expect(found.first == 1)
    #expect(Set(found) == [1, 5, 6])
    #expect(try await Self.search(db, "Mây tre ĐAN") == found)
    #expect(try await Self.search(db, "quang phu cau") == [4])
    #expect(try await Self.search(db, "lua Van Phuc") == [3])
    #expect(try await Self.search(db, "ha dong") == [3])
    await db.close()
  }

  @Test("the last word is a prefix: 'bat tra' finds Bát Tràng")
  func prefix() async throws {
    let directory = try TemporaryDirectory()
    let db = try await Self.open(directory)
    #expect(try await Self.search(db, "bat tra") == [2])
    #expect(try await Self.search(db, "gom ba") == [2])
    #expect(try await Self.search(db, "bat x").isEmpty)
    await db.close()
  }

  @Test("bm25 ranks a title hit above a description hit")
  func ranking() async throws {
    let directory = try TemporaryDirectory()
    let db = try await Self.open(directory)
    // 7 has "khay" and "sơn mài" only in its description; 5 has them in its title.
    try await db.write { tx in
      try tx.execute(
        "INSERT INTO listing(id, title, description) VALUES (7, 'Hộp đựng trang sức', 'Kiểu dáng như khay, sơn mài')"
      )
    }
    #expect(try await Self.search(db, "khay son mai") == [5, 7])
    #expect(try await Self.search(db, "tre").first == 6)  // "tre" in 6's short title
    await db.close()
  }

  @Test("updates and deletes keep the index in sync; rebuild and integrity-check agree")
  func sync() async throws {
    let directory = try TemporaryDirectory()
    let db = try await Self.open(directory)
    try await db.write { tx in
      try tx.execute("UPDATE listing SET title = 'Bình hoa Chu Đậu' WHERE id = 2")
      try tx.execute("DELETE FROM listing WHERE id = 3")
    }
    #expect(try await Self.search(db, "men lam").isEmpty)  // only the old title had it
    #expect(try await Self.search(db, "bat trang") == [2])  // still in the description
    #expect(try await Self.search(db, "chu dau") == [2])
    #expect(try await Self.search(db, "van phuc").isEmpty)
    try await db.write { tx in
      // 'integrity-check' with rank 1 compares the index to the (folded) content view.
      try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('integrity-check', 1)")
      try tx.execute("INSERT INTO listing_fts(listing_fts) VALUES ('rebuild')")
      try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try await Self.search(db, "chu dau") == [2])
    #expect(try await Self.search(db, "may tre dan").first == 1)
    await db.close()
  }

  @Test("hostile input is neutralized before MATCH and never a syntax error")
  func hostileInput() async throws {
    let directory = try TemporaryDirectory()
    let db = try await Self.open(directory)
    for input in [
      #"""#, "*", "NEAR(", "-", ":", "title:", "a\" OR \"b", "mây\"*", "^", "(((", "AND", "đan -",
    ] {
      _ = try await Self.search(db, input)
    }
    #expect(try await Self.search(db, "bat\"tra*") == [2])
    #expect(try await Self.search(db, "-gốm: ^BÁT (NEAR") == [2])
    await db.close()
  }
}

@Suite("FTSQuery.forEachToken against FTS5's unicode61")
struct TokenizerParityTests {
  /// Texts as listings hold them: Vietnamese with tone marks (NFC and NFD), English,
  /// punctuation, digits, codes, other scripts, symbols and emoji.
  static let texts = [
    "Giỏ mây tre đan Phú Vinh, 30×40 cm — hàng thủ công!",
    "Gie\u{0300}o ma\u{0302}y (NFD) ĐỒNG Hồ; A-B_C d.e/f",
    "Bát Tràng ceramics: 4602.12, HS-code 6913.90; size L/XL; 100% cotton",
    "naïve café ß Æsir Œuvre ĳssel Þorn",
    "陶瓷 花瓶 Москва ЁЛКА ٣٤ १२ ① ½ ²",
    "emoji 🎍 stars ★★ © ® ™ € ₫ tab\tnew\nline",
    "and or not NEAR quoted \"words\" 'single' `back`",
  ]

  @Test("the in-memory index splits folded text into the tokens FTS5 stores", arguments: texts)
  func sameTokens(text: String) throws {
    let connection = try Connection(path: ":memory:")
    try connection.write { tx in
      try tx.executeScript(
        """
        CREATE VIRTUAL TABLE t USING fts5(x, tokenize = "unicode61 remove_diacritics 2");
        CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);
        """)
      try tx.execute("INSERT INTO t(rowid, x) VALUES (1, fold(?))", text)
    }
    let stored = try connection.read { tx in
      try tx.fetchAll("SELECT term FROM v ORDER BY offset") { $0.string(0) }
    }
    var ours: [String] = []
    FTSQuery.forEachToken(inFolded: VietnameseFolding.fold(text)) { ours.append($0) }
    #expect(ours == stored)
  }
}
