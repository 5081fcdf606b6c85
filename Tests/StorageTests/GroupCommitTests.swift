import Foundation
import RPCTestSupport
@testable import Storage
import Synchronization
import Testing

/// A connection used only from the writer's queue inside write bodies (one at a time).
final class OutsideReader: @unchecked Sendable {
  let connection: Connection
  init(_ path: String) throws { connection = try Connection(path: path, options: .init(mode: .readOnly)) }
  /// Rows of `t` committed so far, as another connection sees them.
  func committedRows() throws -> Int {
    try connection.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } } ?? -1
  }
}

/// The write bodies' runs, in order.
final class RunLog: Sendable {
  let runs = Mutex<[Int]>([])
}


@Suite("Group commit (writeBatchLimit > 1)")
struct GroupCommitTests {
  static func open(_ directory: TemporaryDirectory) async throws -> Database {
    var configuration = Database.Configuration.defaults
    configuration.writeBatchLimit = 64
    let database = try Database(path: directory.file("g.sqlite"), configuration: configuration)
    try await database.write { try $0.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER UNIQUE)") }
    return database
  }

  @Test("each write sees the ones before it; a failing write leaves nothing and spares the rest; all is durable")
  func semantics() async throws {
    let directory = try TemporaryDirectory()
    let database = try await Self.open(directory)
    // 300 concurrent read-modify-writes: each inserts max(v)+1; every fifth then fails.
    let outcomes = await withTaskGroup(of: (Int, Int?).self) { group in
      for index in 0..<300 {
        group.addTask {
          let value = try? await database.write { tx -> Int in
            let next = (try tx.fetchOne("SELECT coalesce(max(v), 0) + 1 FROM t") { $0.int(0) }) ?? 1
            try tx.execute("INSERT INTO t(v) VALUES (?)", next)
            if index % 5 == 0 { throw Boom() }
            return next
          }
          return (index, value)
        }
      }
      var all: [(Int, Int?)] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    let succeeded = outcomes.compactMap(\.1).sorted()
    #expect(outcomes.filter { $0.0 % 5 == 0 }.allSatisfy { $0.1 == nil })
    #expect(outcomes.filter { $0.0 % 5 != 0 }.allSatisfy { $0.1 != nil })
    // No lost update and no trace of the failed ones: the values are exactly 1...240.
    #expect(succeeded == Array(1...240))
    await database.close()

    let reopened = try Connection(path: directory.file("g.sqlite"))
    let stored = try reopened.read { try $0.fetchAll("SELECT v FROM t ORDER BY v") { $0.int(0) } }
    #expect(stored == Array(1...240))
  }

  @Test("writes queued behind a busy writer share a commit")
  func batching() async throws {
    let directory = try TemporaryDirectory()
    let database = try await Self.open(directory)
    let reader = try OutsideReader(directory.file("g.sqlite"))
    let outcomes = try await Self.heldBatch(database, count: 50) { index, tx in
      try tx.execute("INSERT INTO t(v) VALUES (?)", index + 1)
      return try reader.committedRows()  // what a transaction of its own would not share
    }
    let seen = try outcomes.values.map { try $0.get() }
    // Committed one by one, the 50 writes would each see a different committed count; in
    // batches, every write of a batch sees the same one.
    #expect(Set(seen).count < 50, "\(seen.sorted())")
    #expect(try reader.committedRows() == 51)
    await database.close()
  }

  @Test("a batch runs each body once; a body that throws after writing makes its batch run again, each body in a savepoint; one that throws before writing does not")
  func rerun() async throws {
    let directory = try TemporaryDirectory()
    let database = try await Self.open(directory)
    let log = RunLog()
    // 20 writes in one batch; the 8th throws after inserting. Bodies log their runs.
    let outcomes = try await Self.heldBatch(database, count: 20) { index, tx in
      log.runs.withLock { $0.append(index) }
      try tx.execute("INSERT INTO t(v) VALUES (?)", 100 + index)
      if index == 7 { throw Boom() }
    }
    #expect(outcomes.filter { (try? $0.value.get()) == nil }.map(\.key) == [7])
    // First run: the batch's bodies in order up to the throwing one; then all 20 again.
    let ran = log.runs.withLock { $0 }
    let order = Array(ran.suffix(20))
    #expect(Set(order) == Set(0..<20))
    let position = try #require(order.firstIndex(of: 7))
    #expect(ran == Array(order.prefix(position + 1)) + order, "\(ran)")
    let values = try await database.write { tx in try tx.fetchAll("SELECT v FROM t ORDER BY v") { $0.int(0) } }
    #expect(values == [0] + Array(100..<120).filter { $0 != 107 })

    // Without a throwing body, each body runs once.
    log.runs.withLock { $0 = [] }
    _ = try await Self.heldBatch(database, count: 20) { index, _ in log.runs.withLock { $0.append(index) } }
    #expect(log.runs.withLock { $0 }.sorted() == Array(0..<20))

    // A body that throws before it writes leaves nothing to undo: no second run.
    log.runs.withLock { $0 = [] }
    let early = try await Self.heldBatch(database, count: 20) { index, tx in
      log.runs.withLock { $0.append(index) }
      if index == 7 { throw Boom() }
      try tx.execute("INSERT INTO t(v) VALUES (?)", 200 + index)
    }
    #expect(early.filter { (try? $0.value.get()) == nil }.map(\.key) == [7])
    #expect(log.runs.withLock { $0 }.sorted() == Array(0..<20))
    let later = try await database.write { tx in
      try tx.fetchAll("SELECT v FROM t WHERE v >= 200 ORDER BY v") { $0.int(0) }
    }
    #expect(later == Array(200..<220).filter { $0 != 207 })
    await database.close()
  }

  /// Queues `count` writes behind a write that holds the writer until they are all queued, so
  /// they commit in one batch; write i runs `body(i, tx)`. Returns each write's outcome.
  static func heldBatch<T: Sendable>(
    _ database: Database, count: Int,
    _ body: @escaping @Sendable (Int, WriteTransaction) throws -> T
  ) async throws -> [Int: Result<T, any Error>] {
    let started = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let first = Task {
      try await database.write { tx in
        started.signal()
        gate.wait()
        try tx.execute("INSERT OR IGNORE INTO t(v) VALUES (0)")
      }
    }
    await waitOffPool(started)
    let queued = Task {
      await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
        for index in 0..<count {
          group.addTask {
            do {
              return (index, .success(try await database.write { tx in try body(index, tx) }))
            } catch {
              return (index, .failure(error))
            }
          }
        }
        var outcomes: [Int: Result<T, any Error>] = [:]
        for await (index, outcome) in group { outcomes[index] = outcome }
        return outcomes
      }
    }
    while database.queuedWriteCount < count { try await Task.sleep(for: .milliseconds(1)) }
    gate.signal()
    try await first.value
    return await queued.value
  }
}

/// What `afterCommit` was called with, in call order.
final class Seen: Sendable {
  let values = Mutex<[Int]>([])
}

@Suite("Database.write(afterCommit:)")
struct AfterCommitTests {
  @Test(
    "afterCommit sees every committed write once, in commit order, before the call returns; never a rolled-back one",
    arguments: [1, 64])
  func commitOrder(writeBatchLimit: Int) async throws {
    let directory = try TemporaryDirectory()
    var configuration = Database.Configuration.defaults
    configuration.writeBatchLimit = writeBatchLimit
    let database = try Database(path: directory.file("a.sqlite"), configuration: configuration)
    try await database.write { try $0.executeScript("CREATE TABLE t(v INTEGER PRIMARY KEY)") }
    let seen = Seen()
    // Concurrent read-modify-writes: each inserts max(v)+1, so the values are commit order.
    let returned = await withTaskGroup(of: Bool.self) { group in
      for index in 0..<200 {
        group.addTask {
          let value = try? await database.write(
            { tx -> Int in
              let next = (try tx.fetchOne("SELECT coalesce(max(v), 0) + 1 FROM t") { $0.int(0) }) ?? 1
              try tx.execute("INSERT INTO t(v) VALUES (?)", next)
              if index % 4 == 0 { throw Boom() }
              return next
            }, afterCommit: { value in seen.values.withLock { $0.append(value) } })
          // Already applied when the call returns.
          return value.map { value in seen.values.withLock { $0.contains(value) } } ?? true
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(returned.allSatisfy { $0 })
    #expect(seen.values.withLock { $0 } == Array(1...150))
    await database.close()
  }
}
