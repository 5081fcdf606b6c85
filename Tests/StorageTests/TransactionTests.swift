import Foundation
import RPCTestSupport
import Storage
import Testing

struct Boom: Error {}

@Suite("Transactions and error mapping")
struct TransactionTests {
  @Test("a throw inside write rolls back every statement of the transaction")
  func rollbackOnThrow() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect(throws: Boom.self) {
      try connection.write { tx in
        for id in 1...10 { try tx.execute("INSERT INTO t(id, v) VALUES (?, ?)", id, "x") }
        try tx.execute("UPDATE t SET v = 'y'")
        throw Boom()
      }
    }
    let count = try connection.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } }
    #expect(count == 0)
    // The connection is usable again afterwards.
    try connection.write { try $0.execute("INSERT INTO t(id, v) VALUES (1, 'ok')") }
  }

  @Test("a constraint error mid-transaction rolls back the earlier statements too")
  func rollbackOnConstraint() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect(throws: StorageError.self) {
      try connection.write { tx in
        try tx.execute("INSERT INTO t(id, v) VALUES (1, 'a')")
        try tx.execute("INSERT INTO t(id, v) VALUES (1, 'b')")
      }
    }
    let count = try connection.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } }
    #expect(count == 0)
  }

  static let schema: SQL = """
    CREATE TABLE village(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE producer(
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES village(id),
      capacity INTEGER CHECK (capacity >= 0)
    );
    INSERT INTO village(id, name) VALUES (1, 'Ninh Sở');
    """

  @Test(
    "constraint violations map to their kind",
    arguments: [
      ("INSERT INTO village(id, name) VALUES (2, 'Ninh Sở')", StorageError.ConstraintKind.unique),
      ("INSERT INTO village(id, name) VALUES (1, 'Bát Tràng')", .unique),
      ("INSERT INTO producer(id, village_id) VALUES (1, 99)", .foreignKey),
      ("INSERT INTO producer(id, village_id, capacity) VALUES (1, 1, -5)", .check),
      ("INSERT INTO village(id, name) VALUES (3, NULL)", .notNull),
    ] as [(String, StorageError.ConstraintKind)])
  func constraintKinds(sql: String, kind: StorageError.ConstraintKind) throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory, Self.schema)
    #expect {
      try connection.write { try $0.execute(SQL(unchecked: sql)) }
    } throws: { error in
      guard case .constraint(let found, let message) = error as? StorageError else { return false }
      return found == kind && !message.isEmpty
    }
  }

  @Test("transactions do not nest; savepoints undo only their own part")
  func savepoints() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    #expect(throws: StorageError.self) {
      try connection.write { _ in try connection.write { _ in } }
    }
    let accepted = try connection.write { tx in
      var accepted: [Int] = []
      for id in [1, 2, 2, 3] {  // the second 2 fails; 1, 2, 3 must land
        do {
          try tx.savepoint { tx in
            try tx.execute("INSERT INTO t(id, v) VALUES (?, ?)", id, "row")
            try tx.execute("UPDATE t SET v = 'touched' WHERE id = ?", id)
          }
          accepted.append(id)
        } catch let error as StorageError {
          guard case .constraint(.unique, _) = error else { throw error }
        }
      }
      return accepted
    }
    #expect(accepted == [1, 2, 3])
    let rows = try connection.read {
      try $0.fetchAll("SELECT id, v FROM t ORDER BY id") { "\($0.int(0))\($0.string(1))" }
    }
    #expect(rows == ["1touched", "2touched", "3touched"])
  }

  @Test("writes through a read-only connection fail with .readOnly")
  func readOnlyConnection() throws {
    let directory = try TemporaryDirectory()
    let writer = try connectionWithTable(directory)
    let reader = try Connection(path: writer.path, options: .init(mode: .readOnly))
    #expect {
      try reader.write { _ in }
    } throws: { error in
      guard case .readOnly = error as? StorageError else { return false }
      return true
    }
    #expect {
      try reader.read { try $0.fetchAll("INSERT INTO t(v) VALUES (1) RETURNING id") { $0.int(0) } }
    } throws: { error in
      guard case .readOnly = error as? StorageError else { return false }
      return true
    }
  }

  @Test("a file that is not a database maps to .corrupt")
  func notADatabase() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("garbage.sqlite")
    try Array(repeating: "not a database file ", count: 100).joined().write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try Connection(path: path)
    } throws: { error in
      guard case .corrupt = error as? StorageError else { return false }
      return true
    }
  }

  @Test("a write lock held by another connection past the busy timeout maps to .busy")
  func busy() throws {
    let directory = try TemporaryDirectory()
    let holder = try connectionWithTable(directory)
    let other = try Connection(path: holder.path, options: .init(busyTimeout: .milliseconds(50)))
    try holder.write { _ in
      #expect {
        try other.write { try $0.execute("INSERT INTO t(v) VALUES (1)") }
      } throws: { error in
        guard case .busy = error as? StorageError else { return false }
        return true
      }
    }
    // Once the holder committed, the other connection writes normally.
    try other.write { try $0.execute("INSERT INTO t(v) VALUES (1)") }
  }

  @Test("a closed connection refuses work")
  func closedConnection() throws {
    let directory = try TemporaryDirectory()
    let connection = try connectionWithTable(directory)
    connection.close()
    connection.close()
    #expect(throws: StorageError.closed) { try connection.read { _ in } }
  }
}
