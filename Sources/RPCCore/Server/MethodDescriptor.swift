/// Identifies one RPC method: `/package.Service/Method` and its call kind.
public struct MethodDescriptor: Hashable, Sendable, CustomStringConvertible {
  /// The four shapes of a gRPC call.
  public enum Kind: Hashable, Sendable {
    /// One request, one response.
    case unary
    /// A stream of requests, one response.
    case clientStreaming
    /// One request, a stream of responses.
    case serverStreaming
    /// Independent streams both ways (full duplex).
    case bidirectionalStreaming

    /// Whether the client sends exactly one message.
    public var hasSingleRequest: Bool { self == .unary || self == .serverStreaming }
    /// Whether the server sends exactly one message.
    public var hasSingleResponse: Bool { self == .unary || self == .clientStreaming }
  }

  /// The fully-qualified service name, e.g. `craft.catalogue.v1.CatalogueService`.
  public let service: String
  /// The method name, e.g. `GetProduct`.
  public let method: String
  /// The call kind.
  public let kind: Kind
  /// The HTTP/2 `:path`, `/service/method`, computed once.
  public let path: String

  /// A descriptor for `service`/`method`.
  public init(service: String, method: String, kind: Kind) {
    self.service = service
    self.method = method
    self.kind = kind
    self.path = "/" + service + "/" + method
  }

  public var description: String { path }
}
