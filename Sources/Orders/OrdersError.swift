public import RPCCore
internal import Storage

/// Why a quote or order operation was refused, in domain terms; each case knows its gRPC status.
///
/// Domain code throws these from inside write transactions (which roll back) and from the pure
/// state machines; the service lets them escape to the RPC layer, which sends `rpcError`.
/// Anything else that escapes (an I/O error) is reported as `INTERNAL` without its details.
public enum OrdersError: Error, Sendable, Hashable, RPCErrorConvertible {
  /// A request field is missing or malformed; `field` names it as in the .proto.
  case invalidArgument(field: String, reason: String)
  /// No quote, order or group with that id (or one the caller may not know about).
  case notFound(String)
  /// The same request id was used with a different body.
  case alreadyExists(String)
  /// `expected_version` differs from the stored version: re-read and retry.
  case versionMismatch(expected: Int64, actual: Int64)
  /// The current state forbids the move; the message names the state.
  case failedPrecondition(String)
  /// The caller is not a party of the quote or order, or the move belongs to the other party.
  case permissionDenied(String)
  /// A feed position beyond the newest event.
  case outOfRange(String)
  /// A concurrent write won a race the caller may simply retry.
  case aborted(String)

  /// The reason, in English, without the status name.
  public var reason: String {
    switch self {
    case .invalidArgument(let field, let reason): "\(field): \(reason)"
    case .notFound(let message), .alreadyExists(let message), .failedPrecondition(let message),
      .permissionDenied(let message), .outOfRange(let message), .aborted(let message):
      message
    case .versionMismatch(let expected, let actual):
      "version is \(actual), not the expected \(expected); read it again and retry"
    }
  }

  public var rpcError: RPCError {
    if case .invalidArgument(let field, let reason) = self {
      return .invalidArgument(field: field, reason: reason, cause: self)
    }
    let code: RPCStatus.Code =
      switch self {
      case .invalidArgument: .invalidArgument
      case .notFound: .notFound
      case .alreadyExists: .alreadyExists
      case .versionMismatch, .aborted: .aborted
      case .failedPrecondition: .failedPrecondition
      case .permissionDenied: .permissionDenied
      case .outOfRange: .outOfRange
      }
    return RPCError(code: code, message: reason, cause: self)
  }
}
