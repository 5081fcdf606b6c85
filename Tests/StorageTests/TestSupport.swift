import Foundation
import Storage

/// A directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "storage-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { path + "/" + name }
}

/// Opens a fresh read-write connection with one table `t`.
func connectionWithTable(
  _ directory: TemporaryDirectory, _ schema: SQL = "CREATE TABLE t(id INTEGER PRIMARY KEY, v)"
)
  throws -> Connection
{
  let connection = try Connection(path: directory.file("test.sqlite"))
  try connection.write { try $0.executeScript(schema) }
  return connection
}

/// Waits for a semaphore on a Dispatch thread, not on the cooperative pool.
func waitOffPool(_ semaphore: DispatchSemaphore) async {
  await withCheckedContinuation { continuation in
    DispatchQueue.global().async {
      semaphore.wait()
      continuation.resume()
    }
  }
}
