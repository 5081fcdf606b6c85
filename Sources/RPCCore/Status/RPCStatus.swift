/// The outcome of a call as gRPC carries it in `grpc-status` / `grpc-message`.
///
/// A status is a value, not an error: `OK` ends every successful call. Failing calls are
/// thrown as `RPCError`, which adds the trailers and an underlying cause.
public struct RPCStatus: Hashable, Sendable, CustomStringConvertible {
  /// The canonical gRPC status codes (`grpc/status.h`), with their wire values.
  ///
  /// Unknown wire values are not representable on purpose: the spec says a peer receiving a
  /// code it does not know treats it as `UNKNOWN`, which `init(wireValue:)` does.
  public enum Code: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Not an error; returned on success.
    case ok = 0
    /// The operation was cancelled, typically by the caller.
    case cancelled = 1
    /// An error with no better code, or one from a peer that sent an unknown code.
    case unknown = 2
    /// The client specified an invalid argument (independent of system state).
    case invalidArgument = 3
    /// The deadline expired before the operation could complete.
    case deadlineExceeded = 4
    /// A requested entity was not found.
    case notFound = 5
    /// The entity a client attempted to create already exists.
    case alreadyExists = 6
    /// The caller does not have permission to execute the operation.
    case permissionDenied = 7
    /// A resource (quota, message size, memory) has been exhausted.
    case resourceExhausted = 8
    /// The system is not in a state required for the operation.
    case failedPrecondition = 9
    /// The operation was aborted, typically by a concurrency conflict.
    case aborted = 10
    /// The operation was attempted past the valid range.
    case outOfRange = 11
    /// The operation is not implemented or not supported by this server.
    case unimplemented = 12
    /// An invariant of the system is broken.
    case `internal` = 13
    /// The service is currently unavailable; retrying may help.
    case unavailable = 14
    /// Unrecoverable data loss or corruption.
    case dataLoss = 15
    /// The request lacks valid authentication credentials.
    case unauthenticated = 16

    /// The code for a wire value; values outside 0...16 become `UNKNOWN`, as the spec asks.
    @inlinable
    public init(wireValue: Int) {
      self = Code(rawValue: wireValue) ?? .unknown
    }

    /// Parses the value of a `grpc-status` header: decimal digits, no sign, no leading zeros.
    /// Returns `nil` when the value is not a number at all (the caller synthesizes a status).
    public init?(grpcStatusHeader value: some StringProtocol) {
      let utf8 = value.utf8
      guard !utf8.isEmpty, utf8.count <= 9 else { return nil }
      var number = 0
      for byte in utf8 {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        number = number * 10 + Int(byte &- UInt8(ascii: "0"))
      }
      self.init(wireValue: number)
    }

    /// The value of a `grpc-status` header for this code, without allocating for small codes.
    public var grpcStatusHeader: String { Self.headerValues[rawValue] }

    private static let headerValues: [String] = (0...16).map { String($0) }

    /// The upper-snake-case name used across gRPC implementations, e.g. `INVALID_ARGUMENT`.
    public var name: String {
      switch self {
      case .ok: "OK"
      case .cancelled: "CANCELLED"
      case .unknown: "UNKNOWN"
      case .invalidArgument: "INVALID_ARGUMENT"
      case .deadlineExceeded: "DEADLINE_EXCEEDED"
      case .notFound: "NOT_FOUND"
      case .alreadyExists: "ALREADY_EXISTS"
      case .permissionDenied: "PERMISSION_DENIED"
      case .resourceExhausted: "RESOURCE_EXHAUSTED"
      case .failedPrecondition: "FAILED_PRECONDITION"
      case .aborted: "ABORTED"
      case .outOfRange: "OUT_OF_RANGE"
      case .unimplemented: "UNIMPLEMENTED"
      case .internal: "INTERNAL"
      case .unavailable: "UNAVAILABLE"
      case .dataLoss: "DATA_LOSS"
      case .unauthenticated: "UNAUTHENTICATED"
      }
    }

    public var description: String { name }
  }

  /// The status code.
  public var code: Code
  /// A human-readable message for developers (sent percent-encoded in `grpc-message`).
  public var message: String

  /// A status with a code and an optional message.
  @inlinable
  public init(code: Code, message: String = "") {
    self.code = code
    self.message = message
  }

  /// The status that ends every successful call.
  public static let ok = RPCStatus(code: .ok)

  /// Whether the call succeeded.
  @inlinable
  public var isOK: Bool { code == .ok }

  public var description: String {
    message.isEmpty ? code.name : "\(code.name): \(message)"
  }

  /// The status to synthesize for a response that arrived with HTTP status `httpStatus` and no
  /// `grpc-status`, per grpc/grpc `doc/http-grpc-status-mapping.md`.
  public static func synthesized(httpStatus: Int) -> RPCStatus {
    let code: Code =
      switch httpStatus {
      case 400: .internal
      case 401: .unauthenticated
      case 403: .permissionDenied
      case 404: .unimplemented
      case 429, 502, 503, 504: .unavailable
      default: .unknown
      }
    return RPCStatus(code: code, message: "HTTP status \(httpStatus) without grpc-status")
  }

  /// The status for a stream the peer reset with HTTP/2 error code `errorCode`
  /// (PROTOCOL-HTTP2.md, "Errors"). `CANCEL` from a server means `CANCELLED`.
  public static func fromResetStream(errorCode: UInt32) -> RPCStatus {
    let code: Code =
      switch errorCode {
      case 0x7: .unavailable  // REFUSED_STREAM: nothing was processed, safe to retry
      case 0x8: .cancelled  // CANCEL
      case 0xB: .resourceExhausted  // ENHANCE_YOUR_CALM
      case 0xC: .permissionDenied  // INADEQUATE_SECURITY
      default: .internal
      }
    return RPCStatus(code: code, message: "stream reset by peer (HTTP/2 error \(errorCode))")
  }
}
