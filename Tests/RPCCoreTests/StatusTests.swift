import ProtoWire
import RPCTestSupport
import Testing

@testable import RPCCore

@Suite struct StatusTests {
  @Test func allSeventeenCodesWithNames() {
    let expected = [
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
      "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED",
    ]
    #expect(RPCStatus.Code.allCases.count == 17)
    for (value, name) in expected.enumerated() {
      let code = RPCStatus.Code(wireValue: value)
      #expect(code.rawValue == value)
      #expect(code.name == name)
      #expect(code.grpcStatusHeader == String(value))
      #expect(RPCStatus.Code(grpcStatusHeader: String(value)) == code)
    }
  }

  @Test func unknownWireCodesBecomeUnknown() {
    #expect(RPCStatus.Code(wireValue: 17) == .unknown)
    #expect(RPCStatus.Code(wireValue: -1) == .unknown)
    #expect(RPCStatus.Code(grpcStatusHeader: "99") == .unknown)
    #expect(RPCStatus.Code(grpcStatusHeader: "") == nil)
    #expect(RPCStatus.Code(grpcStatusHeader: "1a") == nil)
    #expect(RPCStatus.Code(grpcStatusHeader: "-1") == nil)
  }

  @Test func decodingErrorsAreInvalidArgument() {
    let error = RPCError(mapping: ProtoDecodingError.truncated)
    #expect(error.code == .invalidArgument)
    #expect(
      (ProtoDecodingError.malformedVarint as any RPCErrorConvertible).rpcError.code
        == .invalidArgument)
  }

  @Test func invalidArgumentCarriesStatusAndBadRequest() throws {
    let error = RPCError.invalidArgument(field: "listing.moq", reason: "must be at least 1")
    #expect(error.code == .invalidArgument)
    #expect(error.message == "listing.moq: must be at least 1")
    let bytes = try #require(error.metadata.binaryValues(forKey: "grpc-status-details-bin").first)
    let status = try GoogleRPCStatus(serializedBytes: bytes)
    #expect(status.code == 3)
    #expect(status.message == error.message)
    #expect(status.details.map(\.typeUrl) == ["type.googleapis.com/google.rpc.BadRequest"])
    #expect(error.fieldViolations == [BadRequest.FieldViolation(field: "listing.moq", description: "must be at least 1")])
    // The trailer goes on the wire (it is not a reserved key) and survives it.
    var sent: [(String, String)] = []
    error.metadata.forEachHeaderToSend { sent.append(($0, $1)) }
    #expect(sent.map(\.0) == ["grpc-status-details-bin"])
    var received = Metadata()
    for (name, value) in sent { received.appendReceivedHeader(name: name, value: value) }
    #expect(RPCError(status: error.status, metadata: received).statusDetails == status)
    // A request that does not decode names no field: the status, without a BadRequest.
    let undecodable = RPCError(mapping: ProtoDecodingError.truncated)
    #expect(undecodable.statusDetails?.code == 3)
    #expect(undecodable.statusDetails?.message == undecodable.message)
    #expect(undecodable.fieldViolations.isEmpty)
  }

  @Test func errorMapping() {
    struct Oops: Error {}
    #expect(RPCError(mapping: Oops()).code == .internal)
    #expect(RPCError(mapping: Oops()).message == "internal error")  // no leak
    #expect(RPCError(mapping: CancellationError()).code == .cancelled)
    let past = ContinuousClock.now.advanced(by: .seconds(-1))
    #expect(RPCError(mapping: CancellationError(), deadline: past).code == .deadlineExceeded)
    let rpc = RPCError(code: .notFound, message: "nope", metadata: ["k": "v"])
    #expect(RPCError(mapping: rpc) == rpc)
    // An OK code is never sent for a failure.
    #expect(RPCError(code: .ok, message: "").status.code == .unknown)
  }

  @Test func httpAndResetMappings() {
    #expect(RPCStatus.synthesized(httpStatus: 404).code == .unimplemented)
    #expect(RPCStatus.synthesized(httpStatus: 503).code == .unavailable)
    #expect(RPCStatus.synthesized(httpStatus: 401).code == .unauthenticated)
    #expect(RPCStatus.synthesized(httpStatus: 418).code == .unknown)
    #expect(RPCStatus.fromResetStream(errorCode: 8).code == .cancelled)
    #expect(RPCStatus.fromResetStream(errorCode: 7).code == .unavailable)
    #expect(RPCStatus.fromResetStream(errorCode: 2).code == .internal)
    #expect(RPCStatus.fromResetStream(errorCode: 0xB).code == .resourceExhausted)
  }
}

@Suite struct PercentEncodingTests {
  // Vectors from grpc/grpc's interop `special_status_message` case and the spec's rules.
  @Test(arguments: [
    ("", ""),
    ("plain ASCII, untouched: ~!@#$^&*()", "plain ASCII, untouched: ~!@#$^&*()"),
    ("my favourite character is %", "my favourite character is %25"),
    ("my favourite character is \u{0}", "my favourite character is %00"),
    ("\u{7F}", "%7F"),
    (
      "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n",
      "%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A"
    ),
    ("Lạng Sơn gốm", "L%E1%BA%A1ng S%C6%A1n g%E1%BB%91m"),
  ])
  func roundTrip(message: String, encoded: String) {
    #expect(GRPCMessageEncoding.encode(message) == encoded)
    #expect(GRPCMessageEncoding.decode(encoded) == message)
  }

  @Test func decodingIsTolerant() {
    #expect(GRPCMessageEncoding.decode("100%") == "100%")
    #expect(GRPCMessageEncoding.decode("%G1 and %4") == "%G1 and %4")
    #expect(GRPCMessageEncoding.decode("%e2%98%ba") == "☺")  // lowercase hex accepted
    #expect(GRPCMessageEncoding.decode("bad %FF utf8") == "bad \u{FFFD} utf8")
    #expect(GRPCMessageEncoding.decode("%%41") == "%A")
  }
}
