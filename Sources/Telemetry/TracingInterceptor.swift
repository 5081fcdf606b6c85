public import Logging
public import RPCCore

/// Starts or continues the caller's W3C trace for every call, binds it to the handler's task
/// (``TraceContext/current``, so ``TracePropagationInterceptor`` and
/// ``Logger/MetadataProvider/trace`` see it), and writes one line per finished call, with its
/// `trace-id`, `span-id` and the caller's span as `parent-id`: enough to rebuild a request's
/// tree of calls across services from their logs.
///
/// Handlers log through any `Logger` of a process whose logging system has the
/// ``Logger/MetadataProvider/trace`` provider (craftd's has): the provider reads the task's
/// trace, so every line a call writes carries its trace id without a logger per call.
///
/// An invalid `traceparent` starts a fresh trace: tracing never fails a call. The call line is
/// written at `debug` (one per call would swamp `info` at tens of thousands of calls a second),
/// except when the server itself failed — `INTERNAL`, `UNKNOWN`, `DATA_LOSS` — at `error`.
public struct TracingInterceptor: ServerInterceptor {
  private let logger: Logger

  /// An interceptor logging through `logger`.
  public init(logger: Logger) { self.logger = logger }

  public func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    let trace = TraceContext.continuing(context.metadata[TraceContext.headerName])
    let start = ContinuousClock.now
    return try await TraceContext.$current.withValue(trace) {
      do {
        let result = try await next(context)
        log(trace, context, .ok, since: start)
        return result
      } catch {
        log(trace, context, RPCError(mapping: error, deadline: context.deadline).status.code, since: start)
        throw error
      }
    }
  }

  private func log(
    _ trace: TraceContext, _ context: ServerContext, _ code: RPCStatus.Code,
    since start: ContinuousClock.Instant
  ) {
    let level: Logger.Level =
      switch code {
      case .internal, .unknown, .dataLoss: .error
      default: .debug
      }
    logger.log(level: level, "call", metadata: callMetadata(trace, context, code, start))
  }

  /// The call line's fields; `parent-id` (the caller's span) only for a continued trace.
  private func callMetadata(
    _ trace: TraceContext, _ context: ServerContext, _ code: RPCStatus.Code,
    _ start: ContinuousClock.Instant
  ) -> Logger.Metadata {
    var metadata: Logger.Metadata = [
      "method": .string(context.descriptor.path), "status": .string(code.name),
      "duration": .stringConvertible(ContinuousClock.now - start), "peer": .string(context.peer),
      "trace-id": .string(trace.traceID), "span-id": .string(trace.spanID),
    ]
    if let parent = trace.parentID { metadata["parent-id"] = .string(parent) }
    return metadata
  }
}

/// Sends `traceparent` on every outgoing call made while serving a traced call: the same trace
/// id, the serving span as the parent. Outside a call (background work) it sends nothing and
/// the callee starts a trace of its own.
public struct TracePropagationInterceptor: ClientInterceptor {
  /// The interceptor.
  public init() {}

  public func intercept<Result>(
    context: ClientContext, next: (ClientContext) async throws -> Result
  ) async throws -> Result {
    guard let trace = TraceContext.current else { return try await next(context) }
    var context = context
    context.metadata.replaceOrAddString(trace.outgoingHeader, forKey: TraceContext.headerName)
    return try await next(context)
  }
}

extension Logger.MetadataProvider {
  /// Adds `trace-id` and `span-id` of the call the current task serves to every log line,
  /// whichever logger writes it.
  public static let trace = Logger.MetadataProvider {
    guard let trace = TraceContext.current else { return [:] }
    return ["trace-id": .string(trace.traceID), "span-id": .string(trace.spanID)]
  }
}
