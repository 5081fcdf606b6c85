import Foundation
import RPCTestSupport
import Storage

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
