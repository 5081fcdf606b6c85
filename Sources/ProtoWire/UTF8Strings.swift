// Building a `String` from UTF-8 that must be valid, the hot path of every `string` field.

extension ProtoReader {
  /// The string whose UTF-8 is `bytes`, or `nil` when `bytes` is not valid UTF-8.
  ///
  /// The same result as `String(validating: bytes, as: UTF8.self)`, which in Swift 6.3 goes
  /// through a generic entry point that looks up generic metadata on every call: two thirds of a
  /// listing's decode time under callgrind. `String(decoding:as: UTF8.self)` takes the standard
  /// library's concrete UTF-8 path instead, but repairs invalid input (each maximal invalid
  /// subsequence becomes U+FFFD). Its result is always valid UTF-8, so it is byte-for-byte equal
  /// to the input exactly when the input was valid UTF-8; one comparison tells which.
  @usableFromInline
  static func validatedString(_ bytes: UnsafeRawBufferPointer) -> String? {
    let count = bytes.count
    guard count > 0 else { return "" }
    var string = String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    let unchanged = string.withUTF8 { decoded -> Bool in
      guard decoded.count == count else { return false }
      let lhs = UnsafeRawPointer(decoded.baseAddress!)
      let rhs = bytes.baseAddress!
      var index = 0
      while index &+ 8 <= count {
        guard
          lhs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            == rhs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        else { return false }
        index &+= 8
      }
      while index < count {
        guard lhs.load(fromByteOffset: index, as: UInt8.self) == rhs.load(fromByteOffset: index, as: UInt8.self)
        else { return false }
        index &+= 1
      }
      return true
    }
    return unchanged ? string : nil
  }
}
