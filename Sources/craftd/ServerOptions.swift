import ArgumentParser
import Foundation
import Logging
import Telemetry

/// Flags every serving subcommand shares. Each flag can also come from the environment
/// (`CRAFTD_HOST`, `CRAFTD_PORT`, `CRAFTD_LOG_LEVEL`, `CRAFTD_LOG_FORMAT`, …), so containers configure it without a
/// command line; a flag given on the command line wins.
struct ServerOptions: ParsableArguments {
  @Option(help: "Address to listen on (env CRAFTD_HOST).")
  var host: String = ProcessInfo.processInfo.environment["CRAFTD_HOST"] ?? "127.0.0.1"

  @Option(help: "Port to listen on; 0 picks a free one (env CRAFTD_PORT).")
  var port: Int = Self.environment("CRAFTD_PORT") ?? 50051

  @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env CRAFTD_LOG_LEVEL).")
  var logLevel: String = ProcessInfo.processInfo.environment["CRAFTD_LOG_LEVEL"] ?? "info"

  @Option(help: "Log format: text (for people) or json (one object per line, for log shippers) (env CRAFTD_LOG_FORMAT).")
  var logFormat: String = ProcessInfo.processInfo.environment["CRAFTD_LOG_FORMAT"] ?? "text"

  @Option(help: "Seconds in-flight calls may take to finish after SIGTERM.")
  var shutdownGraceSeconds: Int = 10

  @Option(help: "Serve Prometheus metrics over plain HTTP on this port at /metrics (env CRAFTD_METRICS_PORT); off when not given.")
  var metricsPort: Int?

  /// `--metrics-port`, else `CRAFTD_METRICS_PORT`, else none.
  var resolvedMetricsPort: Int? {
    metricsPort ?? Self.environment("CRAFTD_METRICS_PORT")
  }

  @Option(help: "Event loop threads; default one per core (env CRAFTD_EVENT_LOOPS).")
  var eventLoops: Int?

  /// `--event-loops`, else `CRAFTD_EVENT_LOOPS`, else nil (NIO's shared group).
  var eventLoopCount: Int? {
    eventLoops ?? Self.environment("CRAFTD_EVENT_LOOPS")
  }

  @Option(help: "Connections served at once; more are closed on arrival (env CRAFTD_MAX_CONNECTIONS). Keep the descriptor limit (ulimit -n) above it.")
  var maxConnections: Int = Self.environment("CRAFTD_MAX_CONNECTIONS") ?? 10_000

  @Option(help: "Unary and client-streaming calls running at once; more are answered RESOURCE_EXHAUSTED at once instead of queueing (env CRAFTD_MAX_CONCURRENT_CALLS).")
  var maxConcurrentCalls: Int = Self.environment("CRAFTD_MAX_CONCURRENT_CALLS") ?? 512

  @Option(help: "Streams a client may open at once on one connection (HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS; env CRAFTD_MAX_STREAMS_PER_CONNECTION).")
  var maxStreamsPerConnection: Int = Self.environment("CRAFTD_MAX_STREAMS_PER_CONNECTION") ?? 256

  @Option(help: "Largest request header list accepted, in bytes (SETTINGS_MAX_HEADER_LIST_SIZE; env CRAFTD_MAX_HEADER_LIST_BYTES).")
  var maxHeaderListBytes: Int = Self.environment("CRAFTD_MAX_HEADER_LIST_BYTES") ?? 16_384

  @Option(help: "Largest request message accepted, in bytes after decompression (env CRAFTD_MAX_MESSAGE_BYTES).")
  var maxMessageBytes: Int = Self.environment("CRAFTD_MAX_MESSAGE_BYTES") ?? 4 << 20

  @Option(help: "Seconds a new connection has to send the HTTP/2 preface and SETTINGS (env CRAFTD_HANDSHAKE_TIMEOUT_SECONDS).")
  var handshakeTimeoutSeconds: Int = Self.environment("CRAFTD_HANDSHAKE_TIMEOUT_SECONDS") ?? 10

  @Option(help: "Seconds a connection without calls stays open; 0 keeps it (env CRAFTD_IDLE_TIMEOUT_SECONDS).")
  var idleTimeoutSeconds: Int = Self.environment("CRAFTD_IDLE_TIMEOUT_SECONDS") ?? 300

  /// An integer from the environment, if set and a number.
  static func environment(_ name: String) -> Int? {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
  }

  func validate() throws {
    guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
    guard maxConcurrentCalls >= 1 else { throw ValidationError("--max-concurrent-calls must be at least 1") }
    guard (1...Int(Int32.max)).contains(maxStreamsPerConnection) else {
      throw ValidationError("--max-streams-per-connection must be at least 1")
    }
    guard (1_024...Int(Int32.max)).contains(maxHeaderListBytes) else {
      throw ValidationError("--max-header-list-bytes must be at least 1024")
    }
    guard maxMessageBytes >= 1 else { throw ValidationError("--max-message-bytes must be at least 1") }
    guard handshakeTimeoutSeconds >= 1 else { throw ValidationError("--handshake-timeout-seconds must be at least 1") }
    guard idleTimeoutSeconds >= 0 else { throw ValidationError("--idle-timeout-seconds must not be negative") }
    if let eventLoops, eventLoops < 1 { throw ValidationError("--event-loops must be at least 1") }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
    if let metricsPort = resolvedMetricsPort, !(0...65535).contains(metricsPort) {
      throw ValidationError("--metrics-port must be in 0...65535")
    }
    guard Logger.Level(rawValue: logLevel) != nil else {
      throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
    }
    guard ["text", "json"].contains(logFormat) else {
      throw ValidationError("--log-format must be text or json")
    }
  }

  /// A logger writing to standard error at the chosen level and format. Every logger of the
  /// process adds the `trace-id` of the call its task serves (``Logger/MetadataProvider/trace``).
  func makeLogger(label: String) -> Logger {
    if logFormat == "json" {
      LoggingSystem.bootstrap(
        { JSONLogHandler.standardError(label: $0, metadataProvider: $1) }, metadataProvider: .trace)
    } else {
      LoggingSystem.bootstrap(
        { StreamLogHandler.standardError(label: $0, metadataProvider: $1) }, metadataProvider: .trace)
    }
    var logger = Logger(label: label)
    logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
    return logger
  }
}
