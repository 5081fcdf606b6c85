public import ProtoWire

/// gRPC's rich error model: a `google.rpc.Status` with machine-readable details, sent
/// base64-encoded in the `grpc-status-details-bin` trailer beside `grpc-status` and
/// `grpc-message` (stock clients read it, e.g. Python's `grpc_status.rpc_status.from_call`).
extension RPCError {
  /// The trailer that carries the serialized `google.rpc.Status`.
  public static let statusDetailsKey = "grpc-status-details-bin"

  /// An `INVALID_ARGUMENT` error for one bad request field, the one way services build them:
  /// the message is `field: reason`, and the trailers carry a `google.rpc.Status` with the same
  /// code and message and a ``BadRequest`` naming `field` (a proto field path such as
  /// `listing.moq` or `price_tiers[1].unit_price`). An empty `field` (the request as a whole)
  /// sends the status without a `BadRequest`.
  public static func invalidArgument(field: String, reason: String, cause: (any Error)? = nil) -> RPCError {
    let message = field.isEmpty ? reason : "\(field): \(reason)"
    var error = RPCError(code: .invalidArgument, message: message, cause: cause)
    let violations = field.isEmpty ? [] : [BadRequest.FieldViolation(field: field, description: reason)]
    error.attachStatusDetails(violations.isEmpty ? [] : [ProtoAny(packing: BadRequest(fieldViolations: violations))])
    return error
  }

  /// Puts a `google.rpc.Status` with this error's code and message and `details` into the
  /// trailers, replacing any there. Call it after the code and message are final.
  public mutating func attachStatusDetails(_ details: [ProtoAny]) {
    let status = GoogleRPCStatus(code: Int32(self.status.code.rawValue), message: message, details: details)
    metadata.removeAllValues(forKey: Self.statusDetailsKey)
    metadata.addBinary(status.serializedBytes(), forKey: Self.statusDetailsKey)
  }

  /// The `google.rpc.Status` the trailers carry, or nil when there is none or it does not decode.
  public var statusDetails: GoogleRPCStatus? {
    guard let bytes = metadata.binaryValues(forKey: Self.statusDetailsKey).first else { return nil }
    return try? GoogleRPCStatus(serializedBytes: bytes)
  }

  /// The field violations of the ``BadRequest`` in ``statusDetails``, if any.
  public var fieldViolations: [BadRequest.FieldViolation] {
    guard let details = statusDetails?.details else { return [] }
    return details.flatMap { (try? $0.unpack(BadRequest.self))??.fieldViolations ?? [] }
  }
}
