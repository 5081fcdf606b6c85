/// A message compression algorithm, named as in `grpc-encoding`.
///
/// `identity` means no compression; `gzip` and `deflate` (zlib format) are implemented with
/// zlib. Compression is per message: the `grpc-encoding` header names the algorithm and each
/// message's flag says whether that message used it.
public struct CompressionAlgorithm: Hashable, Sendable, CustomStringConvertible {
  @usableFromInline enum Kind: UInt8, Hashable, Sendable { case identity, gzip, deflate }

  @usableFromInline let kind: Kind

  private init(_ kind: Kind) { self.kind = kind }

  /// No compression.
  public static let identity = CompressionAlgorithm(.identity)
  /// gzip (RFC 1952), the algorithm every gRPC implementation supports.
  public static let gzip = CompressionAlgorithm(.gzip)
  /// `deflate` as gRPC uses it: the zlib format (RFC 1950).
  public static let deflate = CompressionAlgorithm(.deflate)

  /// Every algorithm this build implements, in order of preference for responses.
  public static let all: [CompressionAlgorithm] = [.gzip, .deflate, .identity]

  /// The algorithm named `name` in a `grpc-encoding` header; `nil` if not implemented here.
  public init?(name: some StringProtocol) {
    switch name {
    case "identity": self = .identity
    case "gzip": self = .gzip
    case "deflate": self = .deflate
    default: return nil
    }
  }

  /// The `grpc-encoding` token.
  public var name: String {
    switch kind {
    case .identity: "identity"
    case .gzip: "gzip"
    case .deflate: "deflate"
    }
  }

  /// True for `identity`.
  @inlinable public var isIdentity: Bool { kind == .identity }

  public var description: String { name }
}

/// The `grpc-encoding` / `grpc-accept-encoding` negotiation (grpc/grpc `doc/compression.md`).
///
/// The transport calls these when headers arrive; the results configure its
/// `MessageDeframer` (inbound) and `MessageFramer` (outbound).
public enum CompressionNegotiation {
  /// The `grpc-accept-encoding` value advertising `algorithms`, e.g. `identity,gzip`.
  public static func acceptEncodingHeader(_ algorithms: [CompressionAlgorithm]) -> String {
    var names = algorithms.map(\.name)
    if !names.contains("identity") { names.insert("identity", at: 0) }
    return names.joined(separator: ",")
  }

  /// The tokens of a `grpc-accept-encoding` value, trimmed, empty ones dropped.
  public static func parseAcceptEncoding(_ value: String) -> [Substring] {
    value.split(separator: ",").map { token in
      token.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        .reversed()
    }.map { Substring($0) }.filter { !$0.isEmpty }
  }

  /// Server side: the algorithm of request messages given the request's `grpc-encoding`
  /// (absent means identity). An algorithm not in `enabled` fails the call with
  /// `UNIMPLEMENTED`, naming the accepted ones; the transport must also send
  /// `grpc-accept-encoding` with that status (it always advertises its set).
  public static func requestEncoding(
    grpcEncoding: String?, enabled: [CompressionAlgorithm]
  ) throws(RPCError) -> CompressionAlgorithm {
    try resolve(grpcEncoding, enabled: enabled, failing: .unimplemented)
  }

  /// Client side: the algorithm of response messages given the response's `grpc-encoding`.
  /// An algorithm the client did not enable fails the call with `INTERNAL`, per the spec.
  public static func responseDecoding(
    grpcEncoding: String?, enabled: [CompressionAlgorithm]
  ) throws(RPCError) -> CompressionAlgorithm {
    try resolve(grpcEncoding, enabled: enabled, failing: .internal)
  }

  private static func resolve(
    _ header: String?, enabled: [CompressionAlgorithm], failing code: RPCStatus.Code
  ) throws(RPCError) -> CompressionAlgorithm {
    guard let header, !header.isEmpty, header != "identity" else { return .identity }
    if let algorithm = CompressionAlgorithm(name: header), enabled.contains(algorithm) {
      return algorithm
    }
    throw RPCError(
      code: code,
      message: "message encoding '\(header)' is not supported; supported: "
        + acceptEncodingHeader(enabled))
  }

  /// Server side: the algorithm for response messages — `preferred` if the client's
  /// `grpc-accept-encoding` lists it, otherwise identity (never compress with an algorithm the
  /// client did not advertise).
  public static func responseEncoding(
    preferred: CompressionAlgorithm, clientAcceptEncoding: String?
  ) -> CompressionAlgorithm {
    guard !preferred.isIdentity, let clientAcceptEncoding else { return .identity }
    for token in parseAcceptEncoding(clientAcceptEncoding) where token == preferred.name {
      return preferred
    }
    return .identity
  }
}
