/// Builds an encoding from the back of its buffer towards the front.
///
/// Writing backwards means a nested message's bytes exist before its length prefix is written,
/// so the whole encoding is one pass with no size precomputation (the same trick as upb).
/// Callers therefore write fields in *descending* field-number order; the result reads ascending.
///
/// The writer owns raw memory, so it cannot be copied; `finish()` hands the bytes out.
public struct ProtoWriter: ~Copyable {
  @usableFromInline var storage: UnsafeMutableRawPointer
  @usableFromInline var capacity: Int
  /// Written bytes occupy `storage[head ..< capacity]`.
  @usableFromInline var head: Int

  /// A writer whose first buffer holds `capacity` bytes; it doubles as needed.
  @inlinable
  public init(capacity: Int = 1024) {
    let capacity = max(capacity, 16)
    self.storage = .allocate(byteCount: capacity, alignment: 8)
    self.capacity = capacity
    self.head = capacity
  }

  deinit { storage.deallocate() }

  /// Bytes written so far.
  @inlinable
  public var count: Int { capacity &- head }

  /// Copies the encoding out and releases the buffer.
  @inlinable
  public consuming func finish() -> [UInt8] {
    let count = self.count
    return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      if count > 0 {
        UnsafeMutableRawPointer(out.baseAddress!).copyMemory(
          from: storage + head, byteCount: count)
      }
      initialized = count
    }
  }

  /// The bytes written so far, valid for the duration of `body`.
  @inlinable
  public func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: storage + head, count: count))
  }

  // MARK: Space

  @inlinable
  mutating func reserve(_ bytes: Int) {
    if _slowPath(head < bytes) { grow(atLeast: bytes) }
  }

  @usableFromInline
  mutating func grow(atLeast bytes: Int) {
    let used = count
    let newCapacity = max(capacity &* 2, used &+ bytes &+ 64)
    let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
    (newStorage + (newCapacity &- used)).copyMemory(from: storage + head, byteCount: used)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
    head = newCapacity &- used
  }

  // MARK: Primitive prepends

  /// The size of `value` as a varint: 1 to 10 bytes.
  @inlinable
  public static func varintSize(_ value: UInt64) -> Int {
    ((63 &- (value | 1).leadingZeroBitCount) / 7) &+ 1
  }

  /// One-byte values (most tags, small lengths and numbers) are written inline; the rest, and a
  /// full buffer, take an out-of-line call, so callers stay small enough to inline this.
  @inlinable @inline(__always)
  public mutating func prependVarint(_ value: UInt64) {
    if _fastPath(value < 0x80 && head > 0) {
      head &-= 1
      storage.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: head, as: UInt8.self)
    } else {
      prependVarintSlow(value)
    }
  }

  @usableFromInline
  mutating func prependVarintSlow(_ value: UInt64) {
    let size = ProtoWriter.varintSize(value)
    reserve(size)
    head &-= size
    var value = value
    var index = head
    while value >= 0x80 {
      storage.storeBytes(
        of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: index, as: UInt8.self)
      value &>>= 7
      index &+= 1
    }
    storage.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
  }

  @inlinable
  public mutating func prependFixed32(_ value: UInt32) {
    reserve(4)
    head &-= 4
    storage.storeBytes(of: value.littleEndian, toByteOffset: head, as: UInt32.self)
  }

  @inlinable
  public mutating func prependFixed64(_ value: UInt64) {
    reserve(8)
    head &-= 8
    storage.storeBytes(of: value.littleEndian, toByteOffset: head, as: UInt64.self)
  }

  @inlinable
  public mutating func prependBytes(_ bytes: UnsafeRawBufferPointer) {
    let size = bytes.count
    guard size > 0 else { return }
    reserve(size)
    head &-= size
    (storage + head).copyMemory(from: bytes.baseAddress!, byteCount: size)
  }

  @inlinable @inline(__always)
  public mutating func prependTag(_ fieldNumber: Int, _ wireType: WireType) {
    prependVarint(UInt64(fieldNumber) &<< 3 | UInt64(wireType.rawValue))
  }

  /// Raw UTF-8 of a string (no tag, no length).
  @inlinable
  public mutating func prependUTF8(_ string: String) {
    // Native and small strings are contiguous: no copy of the String value, so no retain.
    let done: Void? = string.utf8.withContiguousStorageIfAvailable {
      prependBytes(UnsafeRawBufferPointer($0))
    }
    if done == nil {
      var string = string
      string.withUTF8 { prependBytes(UnsafeRawBufferPointer($0)) }
    }
  }

  // MARK: Fields

  /// A singular proto3 field; the default value is not written (implicit presence).
  @inlinable
  public mutating func write<C: ProtoScalarCodec>(_ fieldNumber: Int, _ value: C.Value, as _: C.Type) {
    guard !C.isDefault(value) else { return }
    C.prepend(value, to: &self)
    prependTag(fieldNumber, C.wireType)
  }

  /// A field with explicit presence (`optional`, or a oneof member): written whenever set.
  @inlinable
  public mutating func write<C: ProtoScalarCodec>(_ fieldNumber: Int, _ value: C.Value?, as _: C.Type) {
    guard let value else { return }
    C.prepend(value, to: &self)
    prependTag(fieldNumber, C.wireType)
  }

  /// A repeated scalar: packed for numeric types, one record per element for strings and bytes.
  @inlinable
  public mutating func writeRepeated<C: ProtoScalarCodec>(_ fieldNumber: Int, _ values: [C.Value], as _: C.Type) {
    guard !values.isEmpty else { return }
    if C.wireType == .lengthDelimited {
      var index = values.count
      while index > 0 {
        index &-= 1
        C.prepend(values[index], to: &self)
        prependTag(fieldNumber, .lengthDelimited)
      }
    } else {
      let end = count
      var index = values.count
      while index > 0 {
        index &-= 1
        C.prepend(values[index], to: &self)
      }
      prependVarint(UInt64(count &- end))
      prependTag(fieldNumber, .lengthDelimited)
    }
  }

  /// A singular message field, written whenever present (even when empty).
  @inlinable
  public mutating func writeMessage<M: ProtoMessage>(_ fieldNumber: Int, _ message: M) {
    let end = count
    message.encodeFields(to: &self)
    prependVarint(UInt64(count &- end))
    prependTag(fieldNumber, .lengthDelimited)
  }

  /// An optional message field: nothing when `nil`.
  @inlinable
  public mutating func writeMessage<M: ProtoMessage>(_ fieldNumber: Int, _ message: M?) {
    guard let message else { return }
    writeMessage(fieldNumber, message)
  }

  /// A repeated message field.
  @inlinable
  public mutating func writeRepeatedMessages<M: ProtoMessage>(_ fieldNumber: Int, _ messages: [M]) {
    // An index loop: `reversed()` costs an unspecialized subscript call per element here.
    var index = messages.count
    while index > 0 {
      index &-= 1
      writeMessage(fieldNumber, messages[index])
    }
  }

  /// A map field, entries sorted by key (protoc's deterministic order). Each entry writes its key
  /// and value even when they are defaults, as protoc's runtimes do.
  @inlinable
  public mutating func writeMap<K: ProtoMapKeyCodec, V: ProtoScalarCodec>(
    _ fieldNumber: Int, _ map: [K.Value: V.Value], key _: K.Type, value _: V.Type
  ) {
    guard !map.isEmpty else { return }
    for (key, value) in map.sorted(by: { K.precedes($0.key, $1.key) }).reversed() {
      let end = count
      V.prepend(value, to: &self)
      prependTag(2, V.wireType)
      K.prepend(key, to: &self)
      prependTag(1, K.wireType)
      prependVarint(UInt64(count &- end))
      prependTag(fieldNumber, .lengthDelimited)
    }
  }

  /// A map whose values are messages.
  @inlinable
  public mutating func writeMap<K: ProtoMapKeyCodec, M: ProtoMessage>(
    _ fieldNumber: Int, _ map: [K.Value: M], key _: K.Type
  ) {
    guard !map.isEmpty else { return }
    for (key, value) in map.sorted(by: { K.precedes($0.key, $1.key) }).reversed() {
      let end = count
      writeMessage(2, value)
      K.prepend(key, to: &self)
      prependTag(1, K.wireType)
      prependVarint(UInt64(count &- end))
      prependTag(fieldNumber, .lengthDelimited)
    }
  }

  /// Unknown fields, verbatim. Call first in `encodeFields` so they come out last.
  @inlinable
  public mutating func writeUnknown(_ unknown: UnknownFields) {
    guard !unknown.bytes.isEmpty else { return }
    unknown.bytes.withUnsafeBytes { prependBytes($0) }
  }
}
