// Server reflection (grpc/grpc doc/server-reflection.md, grpc/reflection/v1/reflection.proto),
// served for both grpc.reflection.v1 and grpc.reflection.v1alpha by one generic implementation.

public import RPCCore

/// `grpc.reflection.v1.ServerReflection` and `grpc.reflection.v1alpha.ServerReflection`
/// (`ServerReflectionInfo`, bidirectional), answering from a `DescriptorPool`.
///
/// Each request gets exactly one response, in order, echoing `host` as `valid_host` and the
/// request as `original_request`:
/// - `list_services`: the services the server registered (`serviceNames`, which always include
///   both reflection services), sorted;
/// - `file_by_filename`, `file_containing_symbol`, `file_containing_extension`: the file, then
///   its transitive dependencies (each after its own imports), every file once, as the exact
///   bytes of the descriptor set; dependencies are sent again on every request (the spec allows
///   leaving out files sent earlier on the stream, but does not require it);
/// - `all_extension_numbers_of_type`: the extension numbers of a message type (often none);
/// - anything unknown: an `ErrorResponse` with `NOT_FOUND` (5); a request with no known member
///   set gets `UNIMPLEMENTED` (12). Errors never end the stream.
public struct ReflectionService: RPCService {
  /// The descriptors answered from.
  public let pool: DescriptorPool
  /// What `list_services` answers: sorted, without duplicates.
  public let serviceNames: [String]

  /// The fully-qualified name of the reflection service of `version`, e.g.
  /// `grpc.reflection.v1.ServerReflection`.
  public static func serviceName<Version: ReflectionVersion>(_: Version.Type) -> String {
    Version.protoPackage + ".ServerReflection"
  }

  /// `<package>.ServerReflection/ServerReflectionInfo` of `version`.
  public static func method<Version: ReflectionVersion>(_ version: Version.Type)
    -> MethodDescriptor
  {
    MethodDescriptor(
      service: serviceName(version), method: "ServerReflectionInfo",
      kind: .bidirectionalStreaming)
  }

  /// A reflection service over `pool` listing `serviceNames` (pass the router's
  /// `serviceNames`) plus the two reflection services themselves.
  public init(pool: DescriptorPool, serviceNames: some Sequence<String>) {
    self.pool = pool
    var names = Set(serviceNames)
    names.insert(Self.serviceName(ReflectionV1.self))
    names.insert(Self.serviceName(ReflectionV1Alpha.self))
    self.serviceNames = names.sorted()
  }

  /// A reflection service over a serialized `FileDescriptorSet` (protoc
  /// `--descriptor_set_out --include_imports`).
  public init(
    serializedFileDescriptorSet bytes: [UInt8], serviceNames: some Sequence<String>
  ) throws(DescriptorPool.Error) {
    self.init(
      pool: try DescriptorPool(serializedFileDescriptorSet: bytes), serviceNames: serviceNames)
  }

  // MARK: Answers

  /// The response to one request.
  public func response<Version: ReflectionVersion>(
    to request: Reflection.ServerReflectionRequest<Version>
  ) -> Reflection.ServerReflectionResponse<Version> {
    typealias Response = Reflection.ServerReflectionResponse<Version>
    let answer: Response.MessageResponse
    switch request.messageRequest {
    case .fileByFilename(let name):
      answer = files(pool.fileWithDependencies(name), or: "file not found: \(name)")
    case .fileContainingSymbol(let symbol):
      answer = files(
        pool.file(containingSymbol: symbol).flatMap { pool.fileWithDependencies($0.name) },
        or: "symbol not found: \(symbol)")
    case .fileContainingExtension(let extensionRequest):
      let number = extensionRequest.extensionNumber
      let type = extensionRequest.containingType
      answer = files(
        pool.file(containingExtension: number, of: type).flatMap {
          pool.fileWithDependencies($0.name)
        }, or: "extension \(number) of \(type) not found")
    case .allExtensionNumbersOfType(let type):
      if let numbers = pool.extensionNumbers(ofType: type) {
        answer = .allExtensionNumbersResponse(
          Reflection.ExtensionNumberResponse(baseTypeName: type, extensionNumber: numbers))
      } else {
        answer = Self.error(.notFound, "message type not found: \(type)")
      }
    case .listServices:
      answer = .listServicesResponse(
        Reflection.ListServiceResponse(
          service: serviceNames.map { Reflection.ServiceResponse(name: $0) }))
    case nil:
      answer = Self.error(.unimplemented, "no known request kind is set")
    }
    return Response(validHost: request.host, originalRequest: request, messageResponse: answer)
  }

  private func files<Version: ReflectionVersion>(
    _ files: [DescriptorPool.File]?, or message: @autoclosure () -> String
  ) -> Reflection.ServerReflectionResponse<Version>.MessageResponse {
    guard let files else { return Self.error(.notFound, message()) }
    return .fileDescriptorResponse(
      Reflection.FileDescriptorResponse(fileDescriptorProto: files.map(\.serializedBytes)))
  }

  private static func error<Version: ReflectionVersion>(
    _ code: RPCStatus.Code, _ message: String
  ) -> Reflection.ServerReflectionResponse<Version>.MessageResponse {
    .errorResponse(Reflection.ErrorResponse(errorCode: Int32(code.rawValue), errorMessage: message))
  }

  /// Serves one `ServerReflectionInfo` call: one response per request, until the client
  /// half-closes.
  public func serve<Version: ReflectionVersion>(
    requests: RequestStream<Reflection.ServerReflectionRequest<Version>>,
    responses: ServerResponseWriter<Reflection.ServerReflectionResponse<Version>>
  ) async throws {
    for try await request in requests {
      try await responses.write(response(to: request))
    }
  }

  private func handler<Version: ReflectionVersion>(_ version: Version.Type) -> ServerMethodHandler {
    .bidirectionalStreaming(
      Self.method(version), requestType: Reflection.ServerReflectionRequest<Version>.self,
      responseType: Reflection.ServerReflectionResponse<Version>.self
    ) { requests, responses, _ in
      try await self.serve(requests: requests, responses: responses)
      return [:]
    }
  }

  public var methodHandlers: [ServerMethodHandler] {
    [handler(ReflectionV1.self), handler(ReflectionV1Alpha.self)]
  }
}
