internal import RPCCore

/// One response header block (headers, trailers, or a trailers-only response) as the client
/// reads it, and the statuses the spec (PROTOCOL-HTTP2.md, http-grpc-status-mapping.md)
/// derives from it. Pure: no I/O, testable on its own.
struct GRPCResponseHead {
  /// `:status`, if present and numeric.
  var httpStatus: Int?
  var contentType: String?
  var encoding: String?
  var grpcStatus: String?
  var grpcMessage: String?
  /// Custom metadata (reserved headers dropped; `grpc-status-details-bin` is not reserved, so
  /// rich error details are kept).
  var metadata = Metadata()

  init(_ fields: [HeaderField]) {
    for field in fields {
      switch field.name {
      case ":status": httpStatus = Int(field.value)
      case "content-type": contentType = field.value
      case "grpc-encoding": encoding = field.value
      case "grpc-status": grpcStatus = field.value
      case "grpc-message": grpcMessage = field.value
      default:
        if !Metadata.isReserved(key: field.name) {
          metadata.appendReceivedHeader(name: field.name, value: field.value)
        }
      }
    }
  }

  /// An informational (1xx) block, to be skipped: the real headers follow.
  var isInformational: Bool {
    guard let httpStatus else { return false }
    return (100..<200).contains(httpStatus)
  }

  /// Why response headers (not ending the stream) cannot start a gRPC response, or nil.
  /// A non-200 status or a content-type that is not `application/grpc…` means the peer is not
  /// speaking gRPC (a proxy error page, say): the status is synthesized from the HTTP status.
  var headersFailure: RPCStatus? {
    guard let httpStatus else {
      return RPCStatus(code: .internal, message: "response headers without :status")
    }
    guard httpStatus == 200 else { return RPCStatus.synthesized(httpStatus: httpStatus) }
    guard let contentType, contentType.hasPrefix("application/grpc") else {
      var status = RPCStatus.synthesized(httpStatus: httpStatus)
      status.message = "response content-type '\(contentType ?? "")' is not application/grpc"
      return status
    }
    return nil
  }

  /// The status of a block that ends the call: trailers, or a trailers-only response.
  /// A present `grpc-status` is authoritative; without one a trailers-only block falls back to
  /// its HTTP status, and trailers to `UNKNOWN`.
  func finalStatus(trailersOnly: Bool) -> RPCStatus {
    guard let grpcStatus else {
      if trailersOnly, let failure = headersFailure { return failure }
      return RPCStatus(code: .unknown, message: "response ended without grpc-status")
    }
    guard let code = RPCStatus.Code(grpcStatusHeader: grpcStatus) else {
      return RPCStatus(code: .unknown, message: "malformed grpc-status '\(grpcStatus)'")
    }
    return RPCStatus(code: code, message: grpcMessage.map(GRPCMessageEncoding.decode) ?? "")
  }
}
