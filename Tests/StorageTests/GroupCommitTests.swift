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

/// How many writes the test has submitted.
final class Counter: Sendable {
  let value = Atomic<Int>(0)
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
    let started = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    // The first write holds the writer until every other write has been submitted.
    let first = Task {
      try await database.write { tx in
        started.signal()
        gate.wait()
        try tx.execute("INSERT INTO t(v) VALUES (0)")
      }
    }
    await waitOffPool(started)
    let submitted = Counter()
    let queued = Task {
      try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 1...50 {
          group.addTask {
            submitted.value.add(1, ordering: .relaxed)
            return try await database.write { tx in
              try tx.execute("INSERT INTO t(v) VALUES (?)", index)
              return try reader.committedRows()  // what a transaction of its own would not share
            }
          }
        }
        var seen: [Int] = []
        for try await rows in group { seen.append(rows) }
        return seen
      }
    }
    while submitted.value.load(ordering: .relaxed) < 50 { await Task.yield() }
    gate.signal()
    try await first.value
    let seen = try await queued.value
    // Committed one by one, the 50 writes would each see a different committed count; in
    // batches, every write of a batch sees the same one.
    #expect(Set(seen).count < 50, "\(seen.sorted())")
    #expect(try reader.committedRows() == 51)
    await database.close()
  }

  @Test("a batch runs each body once; a body that throws makes its batch run again, each body in a savepoint")
  func rerun() async throws {
    let directory = try TemporaryDirectory()
    let database = try await Self.open(directory)
    // 20 writes share one batch; the 8th throws after inserting. Bodies log their runs.
    let (ran, failing) = try await Self.heldBatch(database, count: 20, failing: 7)
    // First run: the batch's bodies in order up to the throwing one; then all 20 again.
    let order = Array(ran.suffix(20))
    #expect(Set(order) == Set(0..<20))
    let position = try #require(order.firstIndex(of: 7))
    #expect(ran == Array(order.prefix(position + 1)) + order, "\(ran)")
    #expect(failing)
    let values = try await database.write { tx in try tx.fetchAll("SELECT v FROM t ORDER BY v") { $0.int(0) } }
    #expect(values == [0] + Array(100..<120).filter { $0 != 107 })

    // Without a throwing body, each body runs once.
    let (once, _) = try await Self.heldBatch(database, count: 20, failing: nil, base: 200)
    #expect(once.sorted() == Array(0..<20))
    await database.close()
  }

  /// Queues `count` writes behind a write that holds the writer until they are all submitted,
  /// so they commit in one batch; write i inserts `base + i`, and write `failing` then throws.
  /// Returns the writes' body runs in order and whether the failing write's call threw.
  static func heldBatch(_ database: Database, count: Int, failing: Int?, base: Int = 100) async throws
    -> (ran: [Int], failingThrew: Bool)
  {
    let log = RunLog()
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
      await withTaskGroup(of: (Int, Bool).self) { group in
        for index in 0..<count {
          group.addTask {
            let wrote: Void? = try? await database.write { tx -> Void in
              log.runs.withLock { $0.append(index) }
              try tx.execute("INSERT INTO t(v) VALUES (?)", base + index)
              if index == failing { throw Boom() }
            }
            return (index, wrote == nil)
          }
        }
        var threw: [Int: Bool] = [:]
        for await (index, didThrow) in group { threw[index] = didThrow }
        return threw
      }
    }
    while database.queuedWriteCount < count { try await Task.sleep(for: .milliseconds(1)) }
    gate.signal()
    try await first.value
    let threw = await queued.value
    #expect(threw.filter(\.value).map(\.key) == (failing.map { [$0] } ?? []))
    return (log.runs.withLock { $0 }, failing.map { threw[$0] == true } ?? false)
  }
}

