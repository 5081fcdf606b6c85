import CZlib

/// The one owner of a zlib `z_stream`, reused across messages with `*Reset` (a fresh context
/// per message, as the spec requires, without zlib's per-init allocations).
///
/// The `z_stream` lives at a stable heap address because zlib keeps a back pointer to it.
/// Confined to one stream's owner (a transport's event loop or a call's task): not Sendable.
final class ZlibStream {
  enum Mode { case inflate, deflate }

  let stream: UnsafeMutablePointer<z_stream>
  let mode: Mode

  init(mode: Mode, algorithm: CompressionAlgorithm, level: Int32 = Z_DEFAULT_COMPRESSION) {
    precondition(!algorithm.isIdentity, "identity needs no zlib stream")
    self.mode = mode
    self.stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 = 32 KiB window; +16 selects the gzip wrapper instead of the zlib one.
    let windowBits: Int32 = algorithm == .gzip ? 16 + MAX_WBITS : MAX_WBITS
    let size = Int32(MemoryLayout<z_stream>.size)
    let rc: Int32 =
      switch mode {
      case .inflate: inflateInit2_(stream, windowBits, zlibVersion(), size)
      case .deflate:
        deflateInit2_(
          stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(), size)
      }
    // Only allocation failure or a mismatched zlib can fail here; neither is recoverable.
    precondition(rc == Z_OK, "zlib init failed: \(rc)")
  }

  deinit {
    switch mode {
    case .inflate: inflateEnd(stream)
    case .deflate: deflateEnd(stream)
    }
    stream.deinitialize(count: 1)
    stream.deallocate()
  }
}

@available(*, unavailable)
extension ZlibStream: Sendable {}

/// Compresses messages with one algorithm. Not Sendable: one per stream (or per task).
public final class MessageCompressor {
  /// The algorithm this compressor produces.
  public let algorithm: CompressionAlgorithm
  private let zlib: ZlibStream

  /// A compressor for `algorithm` (not identity) at zlib `level` (-1 = zlib's default, 6).
  public init(algorithm: CompressionAlgorithm, level: Int32 = -1) {
    self.algorithm = algorithm
    self.zlib = ZlibStream(mode: .deflate, algorithm: algorithm, level: level)
  }

  /// Compresses `input` as one complete stream, appending it to `output`.
  ///
  /// Sized with `deflateBound` and compressed with one `Z_FINISH` call into uninitialized
  /// memory (no zero-fill of the bound).
  public func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
    let stream = zlib.stream
    deflateReset(stream)
    let bound = Int(deflateBound(stream, uLong(input.count)))
    let existing = output.count
    var result: [UInt8] = []
    swap(&result, &output)
    output = [UInt8](unsafeUninitializedCapacity: existing + bound) { buffer, initialized in
      let base = buffer.baseAddress!
      result.withUnsafeBufferPointer { old in
        if existing > 0 { base.initialize(from: old.baseAddress!, count: existing) }
      }
      stream.pointee.next_in = UnsafeMutablePointer(
        mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
      stream.pointee.avail_in = uInt(input.count)
      stream.pointee.next_out = base + existing
      stream.pointee.avail_out = uInt(bound)
      let rc = deflate(stream, Z_FINISH)
      // deflateBound guarantees room for a single Z_FINISH call.
      precondition(rc == Z_STREAM_END, "deflate failed: \(rc)")
      initialized = existing + bound - Int(stream.pointee.avail_out)
    }
  }

  /// The compressed form of `input`.
  public func compress(_ input: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    input.withUnsafeBytes { compress($0, appendingTo: &output) }
    return output
  }
}

@available(*, unavailable)
extension MessageCompressor: Sendable {}

/// Decompresses messages with one algorithm, never producing more than a limit (so a small
/// compressed message cannot expand into gigabytes). Not Sendable: one per stream.
public final class MessageDecompressor {
  /// The algorithm this decompressor reads.
  public let algorithm: CompressionAlgorithm
  private let zlib: ZlibStream
  private static let scratchSize = 16 * 1024
  private let scratch: UnsafeMutablePointer<UInt8>

  /// A decompressor for `algorithm` (not identity).
  public init(algorithm: CompressionAlgorithm) {
    self.algorithm = algorithm
    self.zlib = ZlibStream(mode: .inflate, algorithm: algorithm)
    self.scratch = .allocate(capacity: Self.scratchSize)
  }

  deinit { scratch.deallocate() }

  /// The decompressed bytes of one complete compressed message.
  ///
  /// Throws `RESOURCE_EXHAUSTED` as soon as the output would exceed `limit` bytes, and
  /// `INTERNAL` for corrupt, truncated or trailing data.
  public func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(RPCError) -> [UInt8] {
    let stream = zlib.stream
    inflateReset(stream)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
    stream.pointee.avail_in = uInt(input.count)
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, max(256, input.count &* 4)))
    while true {
      stream.pointee.next_out = scratch
      stream.pointee.avail_out = uInt(Self.scratchSize)
      let rc = inflate(stream, Z_NO_FLUSH)
      let produced = Self.scratchSize - Int(stream.pointee.avail_out)
      if output.count + produced > limit {
        throw RPCError(
          code: .resourceExhausted,
          message: "decompressed message exceeds the limit of \(limit) bytes")
      }
      output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
      switch rc {
      case Z_STREAM_END:
        guard stream.pointee.avail_in == 0 else {
          throw RPCError(code: .internal, message: "trailing bytes after the compressed message")
        }
        return output
      case Z_OK:
        continue
      case Z_BUF_ERROR where produced > 0:
        continue
      case Z_BUF_ERROR:
        throw RPCError(code: .internal, message: "truncated \(algorithm) message")
      default:
        throw RPCError(code: .internal, message: "corrupt \(algorithm) message (zlib error \(rc))")
      }
    }
  }
}

@available(*, unavailable)
extension MessageDecompressor: Sendable {}
