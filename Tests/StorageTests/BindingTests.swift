import RPCTestSupport
import Storage
import Testing

@Suite("Binding and reading values")
struct BindingTests {
  @Test("every Swift type round-trips with its storage class")
  func everyType() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(
      directory, "CREATE TABLE t(i INTEGER, n INTEGER, d REAL, s TEXT, b BLOB, f INTEGER, z)")
    let blob: [UInt8] = [0, 1, 0, 255, 0, 0x7F, 0]
    try connection.write { tx in
      try tx.execute(
        "INSERT INTO t(i, n, d, s, b, f, z) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Int64.min, Int.max, 3.25, "Mây tre đan Phú Vinh — 陶器 🧺", blob, true, SQLValue.null)
    }
    try connection.read { tx in
      let types = try tx.fetchOne(
        "SELECT typeof(i), typeof(n), typeof(d), typeof(s), typeof(b), typeof(f), typeof(z) FROM t"
      ) {
        row in (0..<7).map { row.string($0) }
      }
      #expect(types == ["integer", "integer", "real", "text", "blob", "integer", "null"])
      try tx.forEach("SELECT i, n, d, s, b, f, z FROM t") { row in
        #expect(row.int64(0) == Int64.min)
        #expect(row.int(1) == Int.max)
        #expect(row.double(2) == 3.25)
        #expect(row.string(3) == "Mây tre đan Phú Vinh — 陶器 🧺")
        #expect(row.blob(4) == blob)
        #expect(row.bool(5) == true)
        #expect(row.isNull(6))
        let generic: (Int64, String, [UInt8], Bool, String?, Int?) = (
          row[0], row[3], row[4], row[5], row[6], row[1]
        )
        #expect(
          generic.0 == Int64.min && generic.1.hasPrefix("Mây") && generic.2 == blob && generic.3)
        #expect(generic.4 == nil && generic.5 == Int.max)
        #expect(row.value(2) == .real(3.25))
        #expect(row.value(6) == .null)
        #expect(row.count == 7 && row.columnName(3) == "s" && row.columnIndex(named: "b") == 4)
      }
    }
  }

  @Test("empty text and empty blobs stay empty, not NULL; optionals bind NULL")
  func emptiesAndNulls() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory, "CREATE TABLE t(a, b, c, d)")
    let none: String? = nil
    let some: String? = "Bát Tràng"
    try connection.write { tx in
      try tx.execute("INSERT INTO t VALUES (?, ?, ?, ?)", "", [UInt8](), none, some)
    }
    let row = try connection.read { tx in
      try tx.fetchOne("SELECT typeof(a), length(a), typeof(b), length(b), typeof(c), d FROM t") {
        [$0.string(0), $0.string(1), $0.string(2), $0.string(3), $0.string(4), $0.string(5)]
      }
    }
    #expect(row == ["text", "0", "blob", "0", "null", "Bát Tràng"])
  }

  @Test("text with embedded NUL keeps its full length")
  func embeddedNulInText() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory, "CREATE TABLE t(s TEXT)")
    let text = "a\u{0}b\u{0}đ"
    try connection.write { try $0.execute("INSERT INTO t VALUES (?)", text) }
    let read = try connection.read { try $0.fetchOne("SELECT s FROM t") { $0.string(0) } }
    #expect(read == text)
  }

  @Test("named parameters, all three prefixes")
  func namedParameters() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory, "CREATE TABLE t(a, b, c)")
    try connection.write { tx in
      try tx.withStatement("INSERT INTO t VALUES (:village, @district, $craft)") { statement in
        try statement.bind("Quảng Phú Cầu", named: ":village")
        try statement.bind("Ứng Hòa", named: "@district")
        try statement.bind("tăm hương", named: "$craft")
        try statement.execute()
        #expect(throws: StorageError.self) { try statement.bind(1, named: ":missing") }
      }
    }
    let row = try connection.read { tx in
      try tx.fetchOne("SELECT a, b, c FROM t") { [$0.string(0), $0.string(1), $0.string(2)] }
    }
    #expect(row == ["Quảng Phú Cầu", "Ứng Hòa", "tăm hương"])
  }

  @Test("dynamic argument lists bind positionally")
  func dynamicArguments() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    let ids: [Int] = [3, 5, 8]
    try connection.write { tx in
      for id in 1...10 { try tx.execute("INSERT INTO t(id, v) VALUES (?, ?)", id, "v\(id)") }
    }
    let sql: SQL = "SELECT v FROM t WHERE id IN (" + SQL.placeholders(ids.count) + ") ORDER BY id"
    let values = try connection.read { tx in
      try tx.fetchAll(sql, arguments: ids.map { .integer(Int64($0)) }) { $0.string(0) }
    }
    #expect(values == ["v3", "v5", "v8"])
  }

  @Test("a wrong number of arguments is a misuse error, not a silent NULL")
  func argumentCountMismatch() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect {
      try connection.write { try $0.execute("INSERT INTO t(id, v) VALUES (?, ?)", 1) }
    } throws: { error in
      guard case .misuse = error as? StorageError else { return false }
      return true
    }
    #expect(throws: StorageError.self) {
      try connection.write { try $0.execute("INSERT INTO t(id, v) VALUES (?, ?)", 1, 2, 3) }
    }
  }
}
