import ArgumentParser
import Foundation
import Storage

/// The files of a data directory a backup holds, in the order `craftd backup` copies them.
///
/// Each SQLite file is copied in its own snapshot, so the copies are of slightly different
/// moments. The order makes that safe: a consumer of a feed is copied before its source
/// (matching follows the catalogue's feed and learns from orders; orders validated against the
/// catalogue), so after a restore every position a read model stored exists in its source, and
/// it resumes from there instead of skipping events the source has not written yet. Tokens go
/// last, so every revocation made meanwhile is in the copy.
enum DataFiles {
  static let databases = ["matching.sqlite", "orders.sqlite", "catalogue.sqlite", "auth.sqlite"]
  /// The HMAC key tokens are signed with: a secret, kept mode 0600.
  static let key = "auth.key"
  static var all: [String] { databases + [key] }
}

/// `craftd backup`: a consistent copy of every service database of a data directory, taken with
/// SQLite's online backup API while the server serves (readers and the writer carry on).
struct Backup: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Copy a data directory's databases (and auth key) consistently while craftd serves.")

  @Option(help: "The server's data directory (env CRAFTD_DATA_DIR).")
  var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

  @Option(help: "A new (or empty) directory to write the backup into.")
  var out: String

  func run() async throws {
    let files = FileManager.default
    let present = DataFiles.all.filter { files.fileExists(atPath: "\(dataDir)/\($0)") }
    guard present.contains(where: { $0.hasSuffix(".sqlite") }) else {
      throw CommandFailure("no service database in \(dataDir)")
    }
    if files.fileExists(atPath: out) {
      guard try files.contentsOfDirectory(atPath: out).isEmpty else {
        throw CommandFailure("\(out) is not empty; give a new directory")
      }
    } else {
      try files.createDirectory(
        atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    for name in present {
      let start = ContinuousClock.now
      if name == DataFiles.key {
        try FileCopy.copySecret(from: "\(dataDir)/\(name)", to: "\(out)/\(name)")
      } else {
        // Read-only: the backup never writes to the live file.
        let connection = try Connection(
          path: "\(dataDir)/\(name)", options: .init(mode: .readOnly, mmapBytes: 0))
        try connection.backup(to: "\(out)/\(name)")
        connection.close()
      }
      let size = (try? files.attributesOfItem(atPath: "\(out)/\(name)")[.size] as? Int) ?? 0
      print("\(name)\t\(size) bytes\t\(ContinuousClock.now - start)")
    }
  }
}

/// `craftd restore`: puts a backup in place as a data directory, for a server that is not
/// running on it.
///
/// Refuses a target that holds data unless `--force`, and even then refuses while any process
/// has a database of the target open (a running craftd). Every database of the backup is
/// copied beside its final name, must pass `PRAGMA integrity_check`, and only then replaces the
/// old file by a rename — after the old file's `-wal`/`-shm` are gone, so no stale log is ever
/// replayed into the restored file.
struct Restore: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Restore a backup made by `craftd backup` into a data directory (server stopped).")

  @Option(help: "The backup directory.")
  var from: String

  @Option(help: "The data directory to restore into (env CRAFTD_DATA_DIR).")
  var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

  @Flag(help: "Replace the data already in the data directory (never while a server uses it).")
  var force = false

  func run() async throws {
    let files = FileManager.default
    let present = DataFiles.all.filter { files.fileExists(atPath: "\(from)/\($0)") }
    guard present.contains(where: { $0.hasSuffix(".sqlite") }) else {
      throw CommandFailure("\(from) holds no backup (no service database)")
    }
    try files.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let existing = try files.contentsOfDirectory(atPath: dataDir).filter { name in
      DataFiles.all.contains { name == $0 || name.hasPrefix($0 + "-") }
    }
    if !existing.isEmpty {
      guard force else {
        throw CommandFailure(
          "\(dataDir) holds data (\(existing.sorted().joined(separator: ", "))); add --force to replace it")
      }
      for name in DataFiles.databases where files.fileExists(atPath: "\(dataDir)/\(name)") {
        try Self.requireUnused("\(dataDir)/\(name)")
      }
    }
    // Check every file of the backup before replacing anything.
    for name in present where name != DataFiles.key {
      try Self.requireIntact("\(from)/\(name)")
    }
    for name in present {
      let target = "\(dataDir)/\(name)"
      let staged = "\(dataDir)/.restore-\(name)"
      if name == DataFiles.key {
        try FileCopy.copySecret(from: "\(from)/\(name)", to: target)
        continue
      }
      let source = try Connection(path: "\(from)/\(name)", options: .init(mode: .readOnly, mmapBytes: 0))
      try source.backup(to: staged)
      source.close()
      do {
        try Self.requireIntact(staged)
      } catch {
        unlink(staged)
        throw error
      }
      for suffix in ["-wal", "-shm"] { unlink(target + suffix) }
      guard rename(staged, target) == 0 else {
        throw CommandFailure("rename \(staged) → \(target) failed (errno \(errno))")
      }
      print("restored \(name)")
    }
    try FileCopy.syncDirectory(dataDir)
  }

  /// Throws unless `PRAGMA integrity_check` says ok. Opened read-write so closing it folds any
  /// log back into the file and removes `-wal`/`-shm`.
  static func requireIntact(_ path: String) throws {
    let connection = try Connection(path: path, options: .init(mmapBytes: 0))
    defer { connection.close() }
    let result = try connection.integrityCheck()
    guard result == ["ok"] else {
      throw CommandFailure("\(path) fails integrity_check: \(result.prefix(5).joined(separator: "; "))")
    }
  }

  /// Throws when another process has the database open. Leaving WAL mode needs the only
  /// connection to the file, and every open connection of a server (its readers included, even
  /// idle) holds the shared lock that prevents it; the old file is replaced next anyway. A file
  /// SQLite cannot even read (the corruption a restore is often for) is not served by anyone.
  static func requireUnused(_ path: String) throws {
    do {
      let connection = try Connection(
        path: path, options: .init(busyTimeout: .milliseconds(200), mmapBytes: 0))
      defer { connection.close() }
      try connection.requireSoleAccess()
    } catch StorageError.busy(let message) {
      throw CommandFailure("\(path) is in use (is craftd running on it?): \(message)")
    } catch StorageError.corrupt {
      return
    }
  }
}

/// Copies of plain files that are whole or absent: written under a temporary name, synced,
/// renamed.
enum FileCopy {
  /// Copies a secret with mode 0600 from creation (never readable by others, not even briefly).
  static func copySecret(from source: String, to destination: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
    let temporary = destination + ".partial"
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw CommandFailure("cannot create \(temporary) (errno \(errno))") }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    try handle.write(contentsOf: bytes)
    try handle.synchronize()
    try handle.close()
    guard rename(temporary, destination) == 0 else {
      unlink(temporary)
      throw CommandFailure("rename \(temporary) → \(destination) failed (errno \(errno))")
    }
    try syncDirectory((destination as NSString).deletingLastPathComponent)
  }

  /// Makes renames in `directory` durable.
  static func syncDirectory(_ directory: String) throws {
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY)
    guard fd >= 0 else { throw CommandFailure("cannot open \(directory) (errno \(errno))") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw CommandFailure("fsync \(directory) failed (errno \(errno))") }
  }
}

/// A command that could not do its job: printed as `Error: …` (without the usage text a
/// `ValidationError` adds), exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
