/// A protobuf message written by hand. Conformers implement the two field loops; everything
/// else (framing, merging, nested length prefixes) comes from the extensions below.
///
/// `encodeFields` runs **backwards**: `ProtoWriter` fills its buffer from the end, so a nested
/// message's length is known when its prefix is written and encoding is a single pass with no
/// size precomputation. Write unknown fields first, then the known fields in *descending*
/// field-number order; the bytes come out ascending, exactly as protoc's runtimes emit them.
public protocol ProtoMessage: Sendable, Equatable {
  /// The fully-qualified protobuf name, e.g. `craft.catalogue.v1.Listing`.
  static var protoMessageName: String { get }

  /// A message with every field at its default.
  init()

  /// Fields the decoder did not recognise, re-emitted on encode.
  var unknownFields: UnknownFields { get set }

  /// Reads fields until the reader's end, merging them into `self`.
  mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError)

  /// Writes unknown fields, then known fields in descending field-number order.
  func encodeFields(to writer: inout ProtoWriter)
}

extension ProtoMessage {
  /// Decodes a whole message from its binary encoding.
  @inlinable
  public init(serializedBytes bytes: [UInt8]) throws(ProtoDecodingError) {
    self.init()
    try self.merge(serializedBytes: bytes)
  }

  /// Decodes a whole message from memory the caller keeps alive for the duration of the call.
  @inlinable
  public init(buffer: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
    self.init()
    var reader = ProtoReader(buffer: buffer)
    try self.decodeFields(from: &reader)
  }

  /// Merges an encoding into `self` with protobuf semantics (scalars overwrite, repeated
  /// fields append, messages merge).
  @inlinable
  public mutating func merge(serializedBytes bytes: [UInt8]) throws(ProtoDecodingError) {
    let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeBytes { buffer in
      var reader = ProtoReader(buffer: buffer)
      do throws(ProtoDecodingError) {
        try self.decodeFields(from: &reader)
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
  }

  /// The binary encoding, byte-identical to protoc's runtimes for the same message
  /// (map entries sorted by key, as with deterministic serialization).
  @inlinable
  public func serializedBytes() -> [UInt8] {
    var writer = ProtoWriter()
    self.encodeFields(to: &writer)
    return writer.finish()
  }

  /// The size of the binary encoding. Costs a full encode: call it for diagnostics, not per message.
  public var serializedSize: Int {
    var writer = ProtoWriter()
    self.encodeFields(to: &writer)
    return writer.count
  }
}
