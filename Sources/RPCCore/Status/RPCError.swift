public import ProtoWire

/// The one error type of a failed call: what a handler throws to fail a call and what a
/// client call throws when the server's status is not `OK`.
///
/// `metadata` travels as trailers; `cause` stays local (it is never sent) so handlers can
/// attach the underlying error for logging without leaking it to clients.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The status code; never `.ok` for an error that reaches the wire (it is sent as `UNKNOWN`).
  public var code: RPCStatus.Code
  /// A message for developers, sent in `grpc-message`.
  public var message: String
  /// Trailers sent with the status (custom metadata only; reserved keys are dropped).
  public var metadata: Metadata
  /// The local cause, for logs. Not sent, not compared.
  public var cause: (any Error)?

  /// An error with a code, a message and optional trailers.
  public init(
    code: RPCStatus.Code, message: String, metadata: Metadata = [:], cause: (any Error)? = nil
  ) {
    self.code = code
    self.message = message
    self.metadata = metadata
    self.cause = cause
  }

  /// An error from a non-OK status received on the wire and its trailers.
  public init(status: RPCStatus, metadata: Metadata = [:]) {
    self.init(code: status.code, message: status.message, metadata: metadata)
  }

  /// The status this error is sent as. An `OK` code is never sent for a failure: it becomes
  /// `UNKNOWN`, so a client cannot mistake a thrown error for success.
  public var status: RPCStatus {
    RPCStatus(code: code == .ok ? .unknown : code, message: message)
  }

  public var description: String {
    var text = message.isEmpty ? code.name : "\(code.name): \(message)"
    if let cause { text += " (cause: \(cause))" }
    return text
  }

  public static func == (lhs: RPCError, rhs: RPCError) -> Bool {
    lhs.code == rhs.code && lhs.message == rhs.message && lhs.metadata == rhs.metadata
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(message)
    hasher.combine(metadata)
  }
}

/// An error that knows which gRPC status it should be reported as.
///
/// Conform domain errors to this so handlers can throw them directly; anything else a handler
/// throws is reported as `INTERNAL` with a generic message (its description is not leaked).
public protocol RPCErrorConvertible: Error {
  /// The error as it is sent to the peer.
  var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
  public var rpcError: RPCError { self }
}

/// A request or response that does not decode is the peer's fault: `INVALID_ARGUMENT`.
extension ProtoDecodingError: RPCErrorConvertible {
  public var rpcError: RPCError {
    .invalidArgument(field: "", reason: "message does not decode: \(self)", cause: self)
  }
}

extension RPCError {
  /// Maps anything thrown inside a call to the error that is sent.
  ///
  /// Cancellation becomes `DEADLINE_EXCEEDED` when the deadline has passed (the transport
  /// cancels the handler's task at the deadline) and `CANCELLED` otherwise; an unexpected
  /// error becomes `INTERNAL` without its description, to avoid leaking internals.
  public init(mapping error: any Error, deadline: ContinuousClock.Instant? = nil) {
    if let convertible = error as? any RPCErrorConvertible {
      self = convertible.rpcError
    } else if error is CancellationError {
      if let deadline, deadline <= .now {
        self.init(code: .deadlineExceeded, message: "deadline exceeded", cause: error)
      } else {
        self.init(code: .cancelled, message: "call cancelled", cause: error)
      }
    } else {
      self.init(code: .internal, message: "internal error", cause: error)
    }
  }
}
