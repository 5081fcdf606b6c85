extension ProtoReader {
  /// Reads one singular scalar of the given protobuf type.
  @inlinable
  public mutating func read<C: ProtoScalarCodec>(_: C.Type) throws(ProtoDecodingError) -> C.Value {
    try C.read(from: &self)
  }

  /// Appends to a repeated scalar field, accepting both the packed encoding (one
  /// length-delimited record) and the unpacked one (one record per element).
  ///
  /// Match both wire types for numeric fields: `case (4, .varint), (4, .lengthDelimited):`.
  @inlinable
  public mutating func readRepeated<C: ProtoScalarCodec>(
    _ tag: FieldTag, into values: inout [C.Value], as _: C.Type
  ) throws(ProtoDecodingError) {
    guard tag.wireType == .lengthDelimited, C.wireType != .lengthDelimited else {
      // Room for a few elements at once instead of growing 1 → 2 → 4.
      if values.capacity == 0 { values.reserveCapacity(4) }
      values.append(try C.read(from: &self))
      return
    }
    let length = try readLength()
    let packedEnd = position &+ length
    // The element count is bounded by bytes that are known to be present.
    switch C.wireType {
    case .fixed32: values.reserveCapacity(values.count &+ length / 4)
    case .fixed64: values.reserveCapacity(values.count &+ length / 8)
    default:
      var terminators = 0
      for index in position..<packedEnd
      where base.load(fromByteOffset: index, as: UInt8.self) < 0x80 {
        terminators &+= 1
      }
      values.reserveCapacity(values.count &+ terminators)
    }
    let outerEnd = end
    end = packedEnd
    defer { end = outerEnd }
    while position < packedEnd {
      values.append(try C.read(from: &self))
    }
  }

  /// Reads one map entry (a nested message with key = 1, value = 2) into `map`. A missing key
  /// or value takes its default; a repeated key keeps the last value, as protoc does.
  @inlinable
  public mutating func readMapEntry<K: ProtoMapKeyCodec, V: ProtoScalarCodec>(
    into map: inout [K.Value: V.Value], key _: K.Type, value _: V.Type
  ) throws(ProtoDecodingError) {
    var key = K.defaultValue
    var value = V.defaultValue
    try readEntry { reader, tag throws(ProtoDecodingError) in
      switch (tag.fieldNumber, tag.wireType) {
      case (1, K.wireType): key = try K.read(from: &reader)
      case (2, V.wireType): value = try V.read(from: &reader)
      default: try reader.skip(tag)
      }
    }
    map[key] = value
  }

  /// Reads one entry of a map whose values are messages.
  @inlinable
  public mutating func readMapEntry<K: ProtoMapKeyCodec, M: ProtoMessage>(
    into map: inout [K.Value: M], key _: K.Type
  ) throws(ProtoDecodingError) {
    var key = K.defaultValue
    var value = M()
    try readEntry { reader, tag throws(ProtoDecodingError) in
      switch (tag.fieldNumber, tag.wireType) {
      case (1, K.wireType): key = try K.read(from: &reader)
      case (2, .lengthDelimited): try reader.readMessage(into: &value)
      default: try reader.skip(tag)
      }
    }
    map[key] = value
  }

  /// Bounds the reader to one length-delimited entry and hands each of its tags to `field`.
  @inlinable
  mutating func readEntry(
    _ field: (inout ProtoReader, FieldTag) throws(ProtoDecodingError) -> Void
  ) throws(ProtoDecodingError) {
    let length = try readLength()
    guard depth < ProtoReader.maxDepth else { throw .nestingTooDeep }
    let outerEnd = end
    end = position &+ length
    depth &+= 1
    while let tag = try nextTag() {
      try field(&self, tag)
    }
    depth &-= 1
    end = outerEnd
  }
}
