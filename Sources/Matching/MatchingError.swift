public import RPCCore
internal import Storage

/// Why a matching operation was refused, in domain terms; each case knows its gRPC status.
///
/// Domain code throws these from inside database transactions (which roll back), and the
/// service lets them escape to the RPC layer, which sends `rpcError`. Anything else that
/// escapes (an I/O error) is reported as `INTERNAL` without its details.
public enum MatchingError: Error, Sendable, Hashable, RPCErrorConvertible {
  /// A request field is missing or malformed; `field` names it as in the .proto.
  case invalidArgument(field: String, reason: String)
  /// No object with that id (or not visible to the caller).
  case notFound(String)
  /// An object with that id exists already.
  case alreadyExists(String)
  /// The object is in a state that forbids the operation (answering a withdrawn introduction).
  case failedPrecondition(String)
  /// The method is part of the contract but not built yet.
  case unimplemented(String)

  /// The reason, in English, without the status name.
  public var reason: String {
    switch self {
    case .invalidArgument(let field, let reason): "\(field): \(reason)"
    case .notFound(let message), .alreadyExists(let message), .failedPrecondition(let message),
      .unimplemented(let message):
      message
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
      case .failedPrecondition: .failedPrecondition
      case .unimplemented: .unimplemented
      }
    return RPCError(code: code, message: reason, cause: self)
  }

  /// Maps the storage errors input can cause to domain errors; `nil` for anything else.
  static func from(_ error: StorageError) -> MatchingError? {
    guard case .constraint(let kind, let message) = error else { return nil }
    switch kind {
    case .unique: return .alreadyExists(message)
    case .foreignKey: return .failedPrecondition("a referenced object does not exist")
    case .check, .notNull, .other: return .invalidArgument(field: "", reason: message)
    }
  }
}
