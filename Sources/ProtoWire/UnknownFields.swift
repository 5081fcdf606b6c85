/// Fields this build does not know, kept as their raw encoding (tag and value) so that a message
/// passed through an older server loses nothing. Re-emitted after the known fields, like protoc.
public struct UnknownFields: Equatable, Hashable, Sendable {
  /// The raw bytes, in the order they arrived.
  public var bytes: [UInt8]

  @inlinable
  public init() { self.bytes = [] }

  @inlinable
  public init(bytes: [UInt8]) { self.bytes = bytes }

  @inlinable
  public var isEmpty: Bool { bytes.isEmpty }
}
