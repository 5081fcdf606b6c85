import RPCTestSupport
import Storage
import Testing

@Suite("Prepared statements and their cache")
struct StatementTests {
  @Test("the same SQL text reuses one prepared statement")
  func cacheReuse() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    let before = connection.cachedStatementCount
    var identities: Set<ObjectIdentifier> = []
    try connection.write { tx in
      for id in 0..<100 {
        try tx.withStatement("INSERT INTO t(id, v) VALUES (?, ?)") { statement in
          identities.insert(ObjectIdentifier(statement))
          try statement.bind(id, "row \(id)")
          try statement.execute()
        }
      }
    }
    #expect(identities.count == 1)
    // The INSERT plus BEGIN IMMEDIATE / COMMIT, each cached once.
    #expect(connection.cachedStatementCount == before + 1)
    let count = try connection.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } }
    #expect(count == 100)
  }

  @Test("bindings are cleared when a cached statement is reused")
  func bindingsCleared() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    try connection.write { tx in
      try tx.withStatement("INSERT INTO t(id, v) VALUES (?, ?)") { statement in
        try statement.bind(1, at: 1)
        try statement.bind("first", at: 2)
        try statement.execute()
      }
      try tx.withStatement("INSERT INTO t(id, v) VALUES (?, ?)") { statement in
        try statement.bind(2, at: 1)  // parameter 2 left unbound: must be NULL, not "first"
        try statement.execute()
      }
    }
    let second = try connection.read {
      try $0.fetchOne("SELECT v FROM t WHERE id = 2") { $0.value(0) }
    }
    #expect(second == .null)
  }

  @Test("using the same SQL while iterating it gets a separate statement")
  func nestedSameSQL() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    try connection.write { tx in
      for id in 1...3 { try tx.execute("INSERT INTO t(id, v) VALUES (?, ?)", id, id * 10) }
    }
    var pairs: [[Int]] = []
    try connection.read { tx in
      try tx.forEach("SELECT id FROM t WHERE id >= ? ORDER BY id", 1) { outer in
        let id = outer.int(0)
        let inner = try tx.fetchAll("SELECT id FROM t WHERE id >= ? ORDER BY id", id) { $0.int(0) }
        pairs.append(inner)
      }
    }
    #expect(pairs == [[1, 2, 3], [2, 3], [3]])
  }

  @Test("several statements in one SQL text are refused (only executeScript runs scripts)")
  func multipleStatementsRefused() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect(throws: StorageError.self) {
      try connection.write { try $0.execute("INSERT INTO t(v) VALUES (1); DROP TABLE t") }
    }
    // Trailing comments and whitespace are fine.
    try connection.write { try $0.execute("INSERT INTO t(v) VALUES (1); -- trailing comment\n ") }
    let count = try connection.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } }
    #expect(count == 1)
  }

  @Test("a syntax error is reported with SQLite's message")
  func syntaxError() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect {
      try connection.read { try $0.fetchAll("SELEC 1") { $0.int(0) } }
    } throws: { error in
      guard case .sqlite(let code, _, let message) = error as? StorageError else { return false }
      return code == 1 && message.contains("syntax error")
    }
  }

  @Test("the cache is bounded")
  func cacheBounded() throws {
    let directory = try TemporaryDirectory()
    let connection = try Connection(
      path: directory.file("bounded.sqlite"), options: .init(statementCacheCapacity: 8))
    try connection.read { tx in
      for value in 0..<50 {
        _ = try tx.fetchOne(SQL(unchecked: "SELECT \(value)")) { $0.int(0) }
      }
    }
    #expect(connection.cachedStatementCount <= 8)
  }
}
