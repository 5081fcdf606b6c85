import RPCCore
import RPCTestSupport
import Storage

/// What one call ended with.
struct Outcome: Sendable {
  var status: RPCStatus
  var trailers: Metadata
  /// The response messages.
  var responses: [[UInt8]] = []
  /// The transport itself threw (a dropped stream): always a failure.
  var transportError: String?
}

/// The statuses a bad request may get: the caller's fault or the state's, never the server's.
let allowedCodes: Set<RPCStatus.Code> = [
  .ok, .invalidArgument, .notFound, .failedPrecondition, .permissionDenied, .unauthenticated,
  .alreadyExists, .aborted, .outOfRange, .resourceExhausted,
]

extension World {
  /// Every method the router serves, sorted by path.
  var methods: [MethodDescriptor] { router.methods }

  /// Sends `messages` (raw bytes, however broken) to `method` with `metadata` and returns how
  /// the call ended. Server streams get a short deadline: the feeds follow live changes and
  /// end only then.
  func call(_ method: MethodDescriptor, _ messages: [[UInt8]], metadata: Metadata) async -> Outcome {
    let streams = method.kind == .serverStreaming || method.kind == .bidirectionalStreaming
    let context = ClientContext(
      descriptor: method, metadata: metadata,
      deadline: .now + (streams ? .milliseconds(250) : .seconds(60)))
    do {
      if method.kind == .unary {
        let result = try await transport.unary(context: context, request: messages.first ?? [], compress: false)
        return Outcome(status: result.status, trailers: result.trailers, responses: result.message.map { [$0] } ?? [])
      }
      return try await transport.withStream(context: context) { stream in
        for message in messages {
          // A server that already answered (rejected the first message) refuses more: fine.
          do { try await stream.requests.writeMessage(message, compress: false) } catch { break }
        }
        await stream.requests.finish()
        var responses: [[UInt8]] = []
        while let part = try await stream.responses.next() {
          switch part {
          case .status(let status, let trailers):
            return Outcome(status: status, trailers: trailers, responses: responses)
          case .message(let bytes): responses.append(bytes)
          case .metadata: break
          }
        }
        return Outcome(status: RPCStatus(code: .unknown, message: "no status"), trailers: [:], transportError: "the stream ended without a status")
      }
    } catch {
      return Outcome(status: RPCStatus(code: .unknown), trailers: [:], transportError: "\(error)")
    }
  }

  /// A digest of every row of every table of the three services' SQLite files, read through
  /// a connection of its own: equal digests mean no data changed.
  func dataDigest() throws -> [String: Int] {
    var digest: [String: Int] = [:]
    for file in ["catalogue", "orders", "matching"] {
      let connection = try Connection(
        path: "\(directory.path)/\(file).sqlite", options: .init(mode: .readOnly))
      defer { connection.close() }
      try connection.read { tx in
        let tables = try tx.fetchAll(
          "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", map: { $0.string(0) })
        for table in tables {
          var hasher = Hasher()
          var rows = 0
          _ = try tx.fetchAll(SQL(unchecked: "SELECT * FROM \"\(table)\""), map: { row in
            rows += 1
            for column in 0..<row.count { hasher.combine("\(row.value(column))") }
          })
          hasher.combine(rows)
          digest["\(file).\(table)"] = hasher.finalize()
        }
      }
    }
    return digest
  }
}

/// The tables whose digest differs.
func changedTables(_ before: [String: Int], _ after: [String: Int]) -> [String] {
  Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
}

extension Outcome {
  /// Why this outcome breaks the contract for a hostile request, or nil. `INVALID_ARGUMENT`
  /// must carry a `google.rpc.Status` with the same code and message.
  func violation(streaming: Bool) -> String? {
    if let transportError { return "transport error: \(transportError)" }
    let allowed = allowedCodes.contains(status.code) || (streaming && status.code == .deadlineExceeded)
    guard allowed else { return "status \(status)" }
    if status.code == .invalidArgument {
      let details = RPCError(status: status, metadata: trailers).statusDetails
      guard let details else { return "INVALID_ARGUMENT without grpc-status-details-bin: \(status)" }
      guard details.code == 3, details.message == status.message else {
        return "grpc-status-details-bin says \(details.code) '\(details.message)', the status \(status)"
      }
    }
    return nil
  }
}
