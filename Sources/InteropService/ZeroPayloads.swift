// Zero-filled payload bodies for the interop service's responses.

import Synchronization

/// UnaryCall and the streaming calls answer with `response_size` zero bytes, and a client
/// (a benchmark above all) asks for the same size call after call. The last size's array is
/// kept and handed out again — arrays are copy-on-write, so no caller can change it — instead
/// of allocating and zeroing a new one per response. Sizes above `maxShared` are not kept, so
/// one large request does not pin its payload's memory.
final class ZeroPayloads: Sendable {
  /// The largest array kept between calls.
  static let maxShared = 64 * 1024
  private let last = Mutex<[UInt8]>([])

  /// `count` zero bytes.
  func zeros(count: Int) -> [UInt8] {
    guard count > 0 else { return [] }
    guard count <= Self.maxShared else { return [UInt8](repeating: 0, count: count) }
    if let shared = last.withLock({ $0.count == count ? $0 : nil }) { return shared }
    let fresh = [UInt8](repeating: 0, count: count)
    last.withLock { $0 = fresh }
    return fresh
  }
}
