internal import CSQLite3

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Musl)
  internal import Musl
#elseif canImport(Darwin)
  internal import Darwin
#endif

extension Connection {
  /// Copies this connection's database to `destination` with the online backup API.
  ///
  /// All pages are copied in one `sqlite3_backup_step(-1)`, inside one read transaction of this
  /// connection: the copy is a consistent snapshot, and in WAL mode the writer carries on
  /// meanwhile. (Copying in small steps would restart whenever another connection commits, and
  /// might never finish under steady writes.) The copy is written to `destination.partial`,
  /// synced, and renamed over `destination`, so a crash never leaves a half-written backup.
  public func backup(to destination: String) throws {
    try checkOpen()
    let partial = destination + ".partial"
    unlink(partial)
    var target: OpaquePointer?
    let openRC = sqlite3_open_v2(
      partial, &target,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
      nil)
    guard openRC == SQLITE_OK, let target else {
      let error = StorageError.from(openRC, db: target)
      sqlite3_close_v2(target)
      throw error
    }
    var closed = false
    defer {
      if !closed {
        sqlite3_close_v2(target)
        unlink(partial)
      }
    }
    guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
      throw StorageError.from(sqlite3_errcode(target), db: target)
    }
    let stepRC = sqlite3_backup_step(backup, -1)
    let finishRC = sqlite3_backup_finish(backup)
    guard stepRC == SQLITE_DONE else { throw StorageError.from(stepRC, db: target) }
    guard finishRC == SQLITE_OK else { throw StorageError.from(finishRC, db: target) }
    let closeRC = sqlite3_close(target)
    guard closeRC == SQLITE_OK else { throw StorageError.from(closeRC, db: nil) }
    closed = true
    // SQLite synced the copy's pages at its commit; sync again to be certain the file is whole
    // before it takes the final name, then make the rename itself durable.
    try syncFile(partial)
    guard rename(partial, destination) == 0 else {
      unlink(partial)
      throw StorageError.sqlite(
        code: SQLITE_IOERR, extended: SQLITE_IOERR,
        message: "rename to \(destination) failed (errno \(errno))")
    }
    let directory = destination.lastIndex(of: "/").map { String(destination[..<$0]) } ?? "."
    try syncFile(directory.isEmpty ? "/" : directory)
  }

  /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise what is wrong (at
  /// most 100 lines). Reads every page: seconds for a file of hundreds of MiB.
  public func integrityCheck() throws -> [String] {
    try read { tx in try tx.fetchAll("PRAGMA integrity_check") { $0.string(0) } }
  }

  /// Throws (``StorageError/busy(message:)``) when any other connection, in this
  /// process or another, has the file open; for tools about to replace the file (restore).
  ///
  /// It switches the file out of WAL mode, which SQLite allows only to the sole connection:
  /// every open connection — a server's idle readers included — holds a shared lock on the
  /// log's index that prevents it. The file is left in rollback-journal mode; the next
  /// read-write open switches it back.
  public func requireSoleAccess() throws {
    try executeScript("PRAGMA journal_mode = DELETE")
  }

  private func syncFile(_ path: String) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw StorageError.sqlite(
        code: SQLITE_IOERR, extended: SQLITE_IOERR, message: "open \(path) failed (errno \(errno))")
    }
    defer { closeDescriptor(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw StorageError.sqlite(
        code: SQLITE_IOERR, extended: SQLITE_IOERR, message: "fsync \(path) failed (errno \(errno))"
      )
    }
  }
}

/// At file scope `close` is the C function, not `Connection.close()`.
private func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
