internal import Synchronization

/// Group commit: the writes that queue up while the writer is busy run together in one
/// `BEGIN IMMEDIATE` … `COMMIT`, so one fsync makes them all durable instead of one fsync
/// each.
///
/// Why: with `synchronous=FULL` every `COMMIT` waits for the disk (milliseconds on the virtual
/// disks we run on), so a single writer committing one write at a time tops out at a few
/// hundred writes per second however fast the rest is. Batching costs no latency: a batch is
/// simply whatever arrived during the previous commit, and an idle writer takes a lone write at
/// once.
///
/// What each caller sees is what a transaction of its own would give:
/// - its body runs alone, after every write queued before it (and sees their changes);
/// - if its body throws, nothing of it is written, the other writes of the batch go on, and
///   the caller gets its error;
/// - its call returns only after the batch's `COMMIT` succeeded; if the commit fails, every
///   write of the batch fails with that error and none of them is visible.
///
/// A batch first runs its bodies straight in the transaction, with no savepoint each: a
/// savepoint makes SQLite copy every page a body touches into its savepoint journal (a dozen
/// pages per `CreateOrder`; dropping them cut the orders writer thread's CPU per order by
/// 10–30% in `Deploy/bench/orders.sh`). A body that throws before it changed a row
/// (``WriteTransaction/totalChanges`` did not move) left nothing, and the batch goes on. If one
/// throws after it changed rows, the whole transaction is rolled back and the batch runs again
/// with a savepoint per body (the first run is never committed nor seen). So a body may run
/// twice: it must have no effect outside the transaction.
final class GroupCommitter: Sendable {
  /// One queued write: `apply` runs it inside the batch's transaction, in a savepoint of its
  /// own when `isolated`, keeps its result and returns whether it succeeded; `finish` resumes
  /// the caller once the batch's fate is known (`nil`: committed).
  struct PendingWrite: Sendable {
    let apply: @Sendable (_ tx: WriteTransaction, _ isolated: Bool) -> Bool
    let finish: @Sendable ((any Error)?) -> Void
  }

  /// Rolls back a batch run without savepoints in which a body threw.
  private struct RunIsolated: Error {}

  private struct State {
    var queued: [PendingWrite] = []
    /// Whether a drain is queued or running on the writer (at most one is).
    var draining = false
  }

  private let worker: ConnectionWorker
  private let maxBatch: Int
  /// The `database` dimension of the write-latency metric.
  private let databaseName: String
  private let state = Mutex(State())

  init(worker: ConnectionWorker, maxBatch: Int, databaseName: String) {
    self.worker = worker
    self.maxBatch = maxBatch
    self.databaseName = databaseName
  }

  /// Writes waiting for the next batch (tests wait on it).
  var queuedCount: Int { state.withLock { $0.queued.count } }

  /// Runs `body` in the next batch and returns its result once that batch is durable;
  /// `afterCommit` gets the result first, on the writer's queue, if the body and the commit
  /// succeeded (see ``Database/write(_:afterCommit:)``): once, with the result of the run
  /// that was committed.
  func write<T: Sendable>(
    _ body: @escaping @Sendable (WriteTransaction) throws -> T,
    afterCommit: @escaping @Sendable (T) -> Void
  ) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let outcome = OutcomeBox<T>()
      enqueue(
        PendingWrite(
          apply: { tx, isolated in
            let changesBefore = tx.totalChanges
            let result = Result { isolated ? try tx.savepoint(body) : try body(tx) }
            outcome.result = result
            // A body that threw before it changed a row left nothing: the batch goes on.
            if case .failure = result, !isolated {
              return tx.isOpen && tx.totalChanges == changesBefore
            }
            return true
          },
          finish: { commitError in
            // A failed commit undoes the whole batch, successful bodies included.
            if let commitError, case .success = outcome.result {
              continuation.resume(throwing: commitError)
            } else {
              if commitError == nil, case .success(let value) = outcome.result { afterCommit(value) }
              continuation.resume(with: outcome.result ?? .failure(commitError ?? StorageError.closed))
            }
          }))
    }
  }

  private func enqueue(_ write: PendingWrite) {
    let startDrain = state.withLock { state in
      state.queued.append(write)
      defer { state.draining = true }
      return !state.draining
    }
    if startDrain { worker.submit { self.drain($0) } }
  }

  /// On the writer's queue: commits batches until nothing is queued.
  private func drain(_ connection: Connection) {
    while true {
      let batch = state.withLock { state -> [PendingWrite] in
        let batch = Array(state.queued.prefix(maxBatch))
        state.queued.removeFirst(batch.count)
        if batch.isEmpty { state.draining = false }
        return batch
      }
      if batch.isEmpty { return }
      var commitError: (any Error)?
      let start = ContinuousClock.now
      do {
        try connection.write { tx in
          for write in batch {
            guard write.apply(tx, false) else { throw RunIsolated() }
          }
        }
      } catch is RunIsolated {
        do {
          try connection.write { tx in for write in batch { _ = write.apply(tx, true) } }
        } catch {
          commitError = error
        }
      } catch {
        commitError = error
      }
      Database.recordWrite(database: databaseName, duration: ContinuousClock.now - start)
      for write in batch { write.finish(commitError) }
    }
  }
}

/// A write's result, set and read only on the writer's queue (inside one drain).
private final class OutcomeBox<T: Sendable>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
