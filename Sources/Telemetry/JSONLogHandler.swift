public import Logging
internal import Synchronization

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Musl)
  internal import Musl
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Writes each log event as one line of JSON — `time`, `level`, `label`, `message`,
/// `metadata` (and `error` when the event carries one) — for log shippers (Loki, Elasticsearch,
/// CloudWatch) that would otherwise have to parse `StreamLogHandler`'s free text.
///
/// `time` is RFC 3339 in UTC with milliseconds. Metadata values keep their shape: strings,
/// arrays and nested objects; `stringConvertible` values become their description. Lines go to
/// the sink whole, so lines from concurrent tasks never interleave.
public struct JSONLogHandler: LogHandler {
  /// Where finished lines go (with their trailing newline).
  public typealias Sink = @Sendable (String) -> Void

  /// The logger's label.
  public let label: String
  /// Metadata of this logger (`logger[metadataKey:]`).
  public var metadata: Logger.Metadata = [:]
  /// Adds contextual metadata at each event (e.g. the trace id of the current call).
  public var metadataProvider: Logger.MetadataProvider?
  /// The least severe level written.
  public var logLevel: Logger.Level = .info
  private let sink: Sink

  /// A handler writing to `sink`.
  public init(label: String, metadataProvider: Logger.MetadataProvider? = nil, sink: @escaping Sink) {
    self.label = label
    self.metadataProvider = metadataProvider
    self.sink = sink
  }

  /// A handler writing to standard error.
  public static func standardError(
    label: String, metadataProvider: Logger.MetadataProvider? = nil
  ) -> JSONLogHandler {
    JSONLogHandler(label: label, metadataProvider: metadataProvider, sink: StandardError.write)
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var merged = metadata
    if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    var line = "{\"time\":"
    JSON.appendString(Self.timestamp(), to: &line)
    line += ",\"level\":"
    JSON.appendString(event.level.rawValue, to: &line)
    line += ",\"label\":"
    JSON.appendString(label, to: &line)
    line += ",\"message\":"
    JSON.appendString(event.message.description, to: &line)
    line += ",\"metadata\":"
    JSON.appendObject(merged, to: &line)
    if let error = event.error {
      line += ",\"error\":"
      JSON.appendString(String(describing: error), to: &line)
    }
    line += "}\n"
    sink(line)
  }

  /// Now as `2026-11-30T07:16:29.123Z`.
  static func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
      + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
      + ".\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
  }
}

/// The JSON text of log values (RFC 8259 string escaping).
enum JSON {
  static func appendString(_ value: String, to out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let s where s.value < 0x20:
        let hex = String(s.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  static func appendObject(_ metadata: Logger.Metadata, to out: inout String) {
    out += "{"
    // Sorted keys: the same event always prints the same line.
    for (index, key) in metadata.keys.sorted().enumerated() {
      if index > 0 { out += "," }
      appendString(key, to: &out)
      out += ":"
      appendValue(metadata[key]!, to: &out)
    }
    out += "}"
  }

  static func appendValue(_ value: Logger.MetadataValue, to out: inout String) {
    switch value {
    case .string(let text): appendString(text, to: &out)
    case .stringConvertible(let convertible): appendString(convertible.description, to: &out)
    case .dictionary(let dictionary): appendObject(dictionary, to: &out)
    case .array(let array):
      out += "["
      for (index, element) in array.enumerated() {
        if index > 0 { out += "," }
        appendValue(element, to: &out)
      }
      out += "]"
    }
  }
}

/// Standard error, one whole line per `write` under a lock.
enum StandardError {
  private static let lock = Mutex(())

  static func write(_ line: String) {
    let bytes = Array(line.utf8)
    lock.withLock { _ in
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = writeDescriptor(2, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 && errno == EINTR { continue }
          if written <= 0 { return }
          offset += written
        }
      }
    }
  }
}

/// At file scope: inside ``StandardError`` the name `write` is its own method.
private func writeDescriptor(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, pointer, count)
}
