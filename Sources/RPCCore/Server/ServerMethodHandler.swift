public import ProtoWire

/// One method's handler, type-erased to serialized bytes so a transport can drive it.
///
/// Built from a typed handler by `unary`, `clientStreaming`, `serverStreaming` or
/// `bidirectionalStreaming`; the conversion (decode requests, run interceptors, encode
/// responses, map errors to a status) happens once per call inside `handle`. Every outcome
/// ends with exactly one `finish`/`finishUnary` on the sink.
public struct ServerMethodHandler: Sendable {
  /// The method this handles.
  public var descriptor: MethodDescriptor { storage.descriptor }

  /// The descriptor and body in one immutable box: a transport copies the handler a few times
  /// per call (route cache, stream, task), and a copy of the box is one retain instead of one
  /// per string of the descriptor and the closure's context.
  @usableFromInline
  final class Storage: Sendable {
    let descriptor: MethodDescriptor
    @usableFromInline let body: Body

    init(descriptor: MethodDescriptor, body: @escaping Body) {
      self.descriptor = descriptor
      self.body = body
    }
  }

  /// What runs a call. `nonisolated(nonsending)`: it runs on the executor of whoever calls
  /// `handle` (a transport's task), so entering it costs no executor switch.
  @usableFromInline
  typealias Body = nonisolated(nonsending) @Sendable (
    ServerRequestStream, any ServerResponseSink, ServerContext, [any ServerInterceptor]
  ) async -> Void

  @usableFromInline let storage: Storage

  /// A handler from a raw body working on bytes; for transports' own methods and tests.
  public init(
    descriptor: MethodDescriptor,
    body:
      nonisolated(nonsending) @escaping @Sendable (
        _ requests: ServerRequestStream, _ response: any ServerResponseSink,
        _ context: ServerContext, _ interceptors: [any ServerInterceptor]
      ) async -> Void
  ) {
    self.storage = Storage(descriptor: descriptor, body: body)
  }

  /// Runs one call. Returns when the response has been finished.
  @inlinable
  nonisolated(nonsending) public func handle(
    requests: ServerRequestStream, response: any ServerResponseSink, context: ServerContext,
    interceptors: [any ServerInterceptor] = []
  ) async {
    await storage.body(requests, response, context, interceptors)
  }

  /// Sends the status for `error`, which escaped a call.
  @usableFromInline
  nonisolated(nonsending) static func fail(_ error: any Error, sink: any ServerResponseSink, context: ServerContext) async {
    let error = RPCError(mapping: error, deadline: context.deadline)
    await sink.finish(status: error.status, trailers: error.metadata)
  }
}

// MARK: - The four call kinds

extension ServerMethodHandler {
  /// One request, one response.
  ///
  /// Inlinable, so each API module gets it specialized for its message types: the generic
  /// version looked up `ServerResponse<Response>`'s metadata and went through witness tables
  /// for every call.
  @inlinable
  public static func unary<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor,
    requestType: Request.Type = Request.self,
    handler:
      @escaping @Sendable (_ request: Request, _ context: ServerContext) async throws ->
      ServerResponse<Response>
  ) -> Self {
    Self(descriptor: descriptor) { requests, sink, context, interceptors in
      do {
        let response: ServerResponse<Response>
        if interceptors.isEmpty {
          // Without interceptors, no chain to go through, and no closure to allocate for it:
          // the same steps as the closure below, inline.
          let received: ReceivedMessage
          if case .single(let bytes, let compressed) = requests.storage {
            received = ReceivedMessage(bytes: bytes, compressed: compressed)  // no async call
          } else {
            received = try await requests.singleReceivedMessage()
          }
          var context = context
          context.requestMessageCompressed = received.compressed
          response = try await handler(try Request(serializedBytes: received.bytes), context)
        } else {
          response = try await interceptors.run(context: context) { context in
            let received = try await requests.singleReceivedMessage()
            var context = context
            context.requestMessageCompressed = received.compressed
            return try await handler(try Request(serializedBytes: received.bytes), context)
          }
        }
        await sink.finishUnary(
          headers: response.metadata, message: response.message.serializedBytes(),
          compress: response.compress, trailers: response.trailers)
      } catch {
        await fail(error, sink: sink, context: context)
      }
    }
  }

  /// A stream of requests, one response.
  public static func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor,
    requestType: Request.Type = Request.self,
    handler:
      @escaping @Sendable (_ requests: RequestStream<Request>, _ context: ServerContext)
      async throws -> ServerResponse<Response>
  ) -> Self {
    Self(descriptor: descriptor) { requests, sink, context, interceptors in
      do {
        let response = try await interceptors.run(context: context) { context in
          try await handler(RequestStream(raw: requests), context)
        }
        await sink.finishUnary(
          headers: response.metadata, message: response.message.serializedBytes(),
          compress: response.compress, trailers: response.trailers)
      } catch {
        await fail(error, sink: sink, context: context)
      }
    }
  }

  /// One request, a stream of responses. The handler returns the trailers.
  public static func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor,
    requestType: Request.Type = Request.self,
    responseType: Response.Type = Response.self,
    handler:
      @escaping @Sendable (
        _ request: Request, _ responses: ServerResponseWriter<Response>,
        _ context: ServerContext
      ) async throws -> Metadata
  ) -> Self {
    Self(descriptor: descriptor) { requests, sink, context, interceptors in
      do {
        let trailers = try await interceptors.run(context: context) { context in
          let received = try await requests.singleReceivedMessage()
          let request = try Request(serializedBytes: received.bytes)
          var context = context
          context.requestMessageCompressed = received.compressed
          return try await handler(request, ServerResponseWriter(sink: sink), context)
        }
        await sink.finish(status: .ok, trailers: trailers)
      } catch {
        await fail(error, sink: sink, context: context)
      }
    }
  }

  /// Independent request and response streams (full duplex). The handler returns the trailers.
  public static func bidirectionalStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor,
    requestType: Request.Type = Request.self,
    responseType: Response.Type = Response.self,
    handler:
      @escaping @Sendable (
        _ requests: RequestStream<Request>, _ responses: ServerResponseWriter<Response>,
        _ context: ServerContext
      ) async throws -> Metadata
  ) -> Self {
    Self(descriptor: descriptor) { requests, sink, context, interceptors in
      do {
        let trailers = try await interceptors.run(context: context) { context in
          try await handler(RequestStream(raw: requests), ServerResponseWriter(sink: sink), context)
        }
        await sink.finish(status: .ok, trailers: trailers)
      } catch {
        await fail(error, sink: sink, context: context)
      }
    }
  }
}
