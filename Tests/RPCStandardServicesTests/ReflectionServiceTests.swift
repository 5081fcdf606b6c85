import ProtoWire
import RPCCore
import RPCStandardServices
import Testing

@Suite("Server reflection")
struct ReflectionServiceTests {
  typealias Request = ReflectionV1.ServerReflectionRequest
  typealias Response = ReflectionV1.ServerReflectionResponse

  let service = ReflectionService(
    pool: committedPool,
    serviceNames: ["grpc.testing.TestService", "grpc.health.v1.Health", "grpc.health.v1.Health"])

  func ask(_ kind: Request.MessageRequest, host: String = "") -> Response {
    let request = Request(host: host, messageRequest: kind)
    let response: Response = service.response(to: request)
    #expect(response.originalRequest == request)
    #expect(response.validHost == host)
    return response
  }

  func files(_ response: Response) throws -> [FileDescriptorProto] {
    guard case .fileDescriptorResponse(let files) = response.messageResponse else {
      throw TestFailure(
        "expected a FileDescriptorResponse, got \(String(describing: response.messageResponse))")
    }
    return try files.fileDescriptorProto.map { try FileDescriptorProto(serializedBytes: $0) }
  }

  func errorOf(_ response: Response) -> (code: Int32, message: String)? {
    guard case .errorResponse(let error) = response.messageResponse else { return nil }
    return (error.errorCode, error.errorMessage)
  }

  @Test func methodDescriptors() {
    #expect(
      service.methodHandlers.map(\.descriptor) == [
        MethodDescriptor(
          service: "grpc.reflection.v1.ServerReflection", method: "ServerReflectionInfo",
          kind: .bidirectionalStreaming),
        MethodDescriptor(
          service: "grpc.reflection.v1alpha.ServerReflection", method: "ServerReflectionInfo",
          kind: .bidirectionalStreaming),
      ])
  }

  @Test func listServices() {
    let response = ask(.listServices("*"), host: "localhost:50051")
    guard case .listServicesResponse(let list) = response.messageResponse else {
      Issue.record("expected a ListServiceResponse")
      return
    }
    #expect(
      list.service.map(\.name) == [
        "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService",
      ])
  }

  @Test func fileByFilenameSendsTheFileThenItsDependencies() throws {
    let response = ask(.fileByFilename("grpc/testing/test.proto"))
    let names = try files(response).map(\.name)
    #expect(
      names == [
        "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto",
      ])
    // The bytes are the descriptor set's own.
    guard case .fileDescriptorResponse(let raw) = response.messageResponse else { return }
    #expect(
      raw.fileDescriptorProto
        == names.compactMap { committedPool.file(named: $0!)?.serializedBytes })
  }

  @Test(arguments: [
    (
      "grpc.testing.TestService",
      ["grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto"]
    ),
    (
      "grpc.testing.TestService.FullDuplexCall",
      ["grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto"]
    ),
    ("grpc.testing.SimpleRequest", ["grpc/testing/messages.proto"]),
    ("grpc.health.v1.Health", ["grpc/health/v1/health.proto"]),
    ("grpc.health.v1.HealthCheckResponse.ServingStatus", ["grpc/health/v1/health.proto"]),
    (
      "craft.catalogue.v1.CatalogueService",
      [
        "craft/catalogue/v1/catalogue.proto", "craft/common/v1/common.proto",
        "google/protobuf/timestamp.proto",
      ]
    ),
    (
      "craft.catalogue.v1.Listing.Status",
      [
        "craft/catalogue/v1/catalogue.proto", "craft/common/v1/common.proto",
        "google/protobuf/timestamp.proto",
      ]
    ),
    ("google.protobuf.Timestamp", ["google/protobuf/timestamp.proto"]),
  ])
  func fileContainingSymbol(symbol: String, expected: [String]) throws {
    #expect(try files(ask(.fileContainingSymbol(symbol))).map(\.name) == expected)
  }

  @Test(arguments: [
    Request.MessageRequest.fileContainingSymbol("no.such.Symbol"),
    .fileContainingSymbol("grpc.health.v1.HealthCheckResponse.SERVING"),
    .fileContainingSymbol(""),
    .fileByFilename("no/such/file.proto"),
    .fileByFilename(""),
    .fileContainingExtension(
      ReflectionV1.ExtensionRequest(
        containingType: "grpc.testing.SimpleRequest", extensionNumber: 100)),
    .fileContainingExtension(
      ReflectionV1.ExtensionRequest(containingType: "no.such.Type", extensionNumber: 1)),
    .allExtensionNumbersOfType("no.such.Type"),
    .allExtensionNumbersOfType("grpc.testing.TestService"),
  ])
  func unknownIsNotFound(request: Request.MessageRequest) throws {
    let error = try #require(errorOf(ask(request)))
    #expect(error.code == 5)
    #expect(!error.message.isEmpty)
  }

  @Test func allExtensionNumbersOfAKnownTypeIsEmpty() {
    let response = ask(.allExtensionNumbersOfType("grpc.testing.SimpleRequest"))
    #expect(
      response.messageResponse
        == .allExtensionNumbersResponse(
          ReflectionV1.ExtensionNumberResponse(
            baseTypeName: "grpc.testing.SimpleRequest", extensionNumber: [])))
  }

  @Test func extensionsFromASyntheticSet() throws {
    let service = try ReflectionService(
      serializedFileDescriptorSet: SyntheticDescriptors.extensionSet, serviceNames: [])
    let found: Response = service.response(
      to: Request(
        messageRequest: .fileContainingExtension(
          ReflectionV1.ExtensionRequest(containingType: "x.Base", extensionNumber: 150))))
    #expect(try files(found).map(\.name) == ["ext.proto", "base.proto"])
    let numbers: Response = service.response(
      to: Request(messageRequest: .allExtensionNumbersOfType("x.Base")))
    #expect(
      numbers.messageResponse
        == .allExtensionNumbersResponse(
          ReflectionV1.ExtensionNumberResponse(baseTypeName: "x.Base", extensionNumber: [100, 150]))
    )
  }

  /// A request with no member this build knows (e.g. from a newer protocol revision).
  @Test func noRequestKindIsUnimplemented() throws {
    var request = Request(host: "h", messageRequest: nil)
    request.unknownFields = UnknownFields(bytes: [0x42, 0x01, 0x78])  // field 8: "x"
    let response: Response = service.response(to: request)
    #expect(response.originalRequest == request)
    let error = try #require(errorOf(response))
    #expect(error.code == 12)
  }

  /// Over the handler, v1alpha: one response per request, in order, then OK when the client
  /// half-closes; the stream survives errors.
  @Test func v1alphaStreamOverTheHandler() async throws {
    typealias AlphaRequest = ReflectionV1Alpha.ServerReflectionRequest
    typealias AlphaResponse = ReflectionV1Alpha.ServerReflectionResponse
    let handler = try handler(ReflectionService.method(ReflectionV1Alpha.self), of: service)
    let requests = RPCMessageChannel<[UInt8]>()
    let sink = ChannelSink()
    let task = Task {
      await handler.handle(
        requests: .channel(requests), response: sink,
        context: ServerContext(descriptor: handler.descriptor))
    }
    let asked: [AlphaRequest] = [
      AlphaRequest(host: "h", messageRequest: .listServices("")),
      AlphaRequest(messageRequest: .fileContainingSymbol("no.such.Symbol")),
      AlphaRequest(messageRequest: .fileContainingSymbol("grpc.health.v1.Health")),
    ]
    for request in asked { try await requests.send(request.serializedBytes()) }
    var kinds: [String] = []
    for request in asked {
      let response = try await sink.nextMessage(AlphaResponse.self)
      #expect(response.originalRequest == request)
      #expect(response.validHost == request.host)
      switch response.messageResponse {
      case .listServicesResponse: kinds.append("list")
      case .errorResponse(let error): kinds.append("error \(error.errorCode)")
      case .fileDescriptorResponse(let files):
        kinds.append("files \(files.fileDescriptorProto.count)")
      default: kinds.append("other")
      }
    }
    #expect(kinds == ["list", "error 5", "files 1"])
    requests.finish()
    #expect(try await sink.nextStatus() == .ok)
    await task.value
  }

  /// The generic responses encode under each version's own message names and bytes.
  @Test func versionsShareTheEncoding() throws {
    let v1: ReflectionV1.ServerReflectionResponse = service.response(
      to: ReflectionV1.ServerReflectionRequest(
        messageRequest: .fileByFilename("grpc/health/v1/health.proto")))
    let alpha: ReflectionV1Alpha.ServerReflectionResponse = service.response(
      to: ReflectionV1Alpha.ServerReflectionRequest(
        messageRequest: .fileByFilename("grpc/health/v1/health.proto")))
    #expect(v1.serializedBytes() == alpha.serializedBytes())
    #expect(
      ReflectionV1.ServerReflectionResponse.protoMessageName
        == "grpc.reflection.v1.ServerReflectionResponse")
    #expect(try ReflectionV1.ServerReflectionResponse(serializedBytes: v1.serializedBytes()) == v1)
  }
}
