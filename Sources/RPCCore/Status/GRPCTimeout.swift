/// The `grpc-timeout` header: a positive integer of at most 8 ASCII digits and a unit
/// (`H`ours, `M`inutes, `S`econds, `m`illis, `u` micros, `n`anos).
///
/// Parsing is strict — anything else is rejected, and the server then treats the call as
/// having no deadline or rejects it, as the transport chooses. Emitting picks the finest unit
/// whose value fits in 8 digits, rounding up so the peer never sees a shorter timeout than
/// the caller set.
public struct GRPCTimeout: Hashable, Sendable, CustomStringConvertible {
  /// A `grpc-timeout` unit.
  public enum Unit: UInt8, Hashable, Sendable, CaseIterable {
    case hours = 0x48  // H
    case minutes = 0x4D  // M
    case seconds = 0x53  // S
    case milliseconds = 0x6D  // m
    case microseconds = 0x75  // u
    case nanoseconds = 0x6E  // n

    /// The length of one unit, in nanoseconds.
    @usableFromInline var nanoseconds: Int64 {
      switch self {
      case .hours: 3_600_000_000_000
      case .minutes: 60_000_000_000
      case .seconds: 1_000_000_000
      case .milliseconds: 1_000_000
      case .microseconds: 1_000
      case .nanoseconds: 1
      }
    }
  }

  /// The largest value the header can carry: 8 digits.
  public static let maxValue: Int64 = 99_999_999

  /// The number of units, 0...99_999_999.
  public let value: Int64
  /// The unit.
  public let unit: Unit

  /// A timeout of `value` units; `nil` when `value` needs more than 8 digits or is negative.
  public init?(value: Int64, unit: Unit) {
    guard value >= 0, value <= Self.maxValue else { return nil }
    self.value = value
    self.unit = unit
  }

  /// Parses a `grpc-timeout` value. Rejects empty values, more than 8 digits, signs, spaces
  /// and unknown units. `0` is accepted (an already-expired deadline) though peers should
  /// send a positive value.
  public init?(header: some StringProtocol) {
    var utf8 = Substring(header).utf8
    guard let last = utf8.popLast(), let unit = Unit(rawValue: last) else { return nil }
    guard !utf8.isEmpty, utf8.count <= 8 else { return nil }
    var number: Int64 = 0
    for byte in utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      number = number &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
    }
    self.value = number
    self.unit = unit
  }

  /// The timeout to send for `duration`: the finest unit that fits in 8 digits, rounded up.
  /// Durations of zero or less become `1n` (the header must be positive); durations beyond
  /// 99,999,999 hours are capped there.
  public init(duration: Duration) {
    let (seconds, attoseconds) = duration.components
    guard seconds > 0 || (seconds == 0 && attoseconds > 0) else {
      self.value = 1
      self.unit = .nanoseconds
      return
    }
    if seconds < 9_000_000_000 {
      // Fits Int64 nanoseconds: try the fine units, rounding up.
      let nanos =
        seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        + (attoseconds % 1_000_000_000 > 0 ? 1 : 0)
      for unit in [Unit.nanoseconds, .microseconds, .milliseconds, .seconds, .minutes, .hours] {
        let size = unit.nanoseconds
        let count = nanos / size + (nanos % size > 0 ? 1 : 0)
        if count <= Self.maxValue {
          self.value = count
          self.unit = unit
          return
        }
      }
    } else {
      // Beyond ~285 years only minutes and hours can fit; count in whole seconds.
      let wholeSeconds = seconds + (attoseconds > 0 ? 1 : 0)
      for unit in [Unit.minutes, .hours] {
        let size = unit.nanoseconds / 1_000_000_000
        let count = wholeSeconds / size + (wholeSeconds % size > 0 ? 1 : 0)
        if count <= Self.maxValue {
          self.value = count
          self.unit = unit
          return
        }
      }
    }
    self.value = Self.maxValue
    self.unit = .hours
  }

  /// The timeout as a duration.
  public var duration: Duration {
    // At most 99,999,999 h = 3.6e20 ns, beyond Int64 nanoseconds: scale through seconds.
    switch unit {
    case .hours: .seconds(value * 3600)
    case .minutes: .seconds(value * 60)
    case .seconds: .seconds(value)
    case .milliseconds: .milliseconds(value)
    case .microseconds: .microseconds(value)
    case .nanoseconds: .nanoseconds(value)
    }
  }

  /// The deadline this timeout sets when received at `now`.
  public func deadline(from now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
    now.advanced(by: duration)
  }

  /// The header value, e.g. `100m`.
  public var headerValue: String {
    String(value) + String(UnicodeScalar(unit.rawValue))
  }

  public var description: String { headerValue }
}
