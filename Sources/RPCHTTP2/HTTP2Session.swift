// One nghttp2 session: the HTTP/2 framing, HPACK, flow control and protocol checks all happen in
// libnghttp2; this class feeds it bytes (`mem_recv`), collects what it wants to send (`mem_send`),
// and turns its callbacks into per-stream events. It is confined to one event loop: not Sendable,
// no locks.

internal import CNGHTTP2
internal import NIOCore

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// A header field as it travels: lower-case name, value as text (gRPC values are ASCII; `-bin`
/// values arrive base64-encoded). Received fields also say which of the names the transports
/// look at they carry (`known`), recognised once on the raw bytes.
struct HeaderField: Equatable, Sendable {
  var name: String
  var value: String
  /// The name as a `KnownHeader`, for received fields; `.other` for fields built by hand.
  var known: KnownHeader

  init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
    self.known = .other
  }

  init(known: KnownHeader, name: String, value: String) {
    self.name = name
    self.value = value
    self.known = known
  }

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.name == rhs.name && lhs.value == rhs.value
  }
}

/// The header names gRPC transports act on. Recognising them on the bytes nghttp2 hands over
/// saves a `String` per name and lets receivers switch on a byte instead of comparing text;
/// their values are interned per session (see `HTTP2Session.header`).
enum KnownHeader: UInt8, CaseIterable, Sendable {
  case other = 0
  case method, scheme, path, authority, status, contentType, te, userAgent
  case grpcTimeout, grpcEncoding, grpcAcceptEncoding, grpcStatus, grpcMessage

  /// The name (a literal: no allocation).
  var name: String {
    switch self {
    case .other: ""
    case .method: ":method"
    case .scheme: ":scheme"
    case .path: ":path"
    case .authority: ":authority"
    case .status: ":status"
    case .contentType: "content-type"
    case .te: "te"
    case .userAgent: "user-agent"
    case .grpcTimeout: "grpc-timeout"
    case .grpcEncoding: "grpc-encoding"
    case .grpcAcceptEncoding: "grpc-accept-encoding"
    case .grpcStatus: "grpc-status"
    case .grpcMessage: "grpc-message"
    }
  }

  /// This header's bit in a mask of known headers (`HTTP2Session.ignoredHeaders`).
  var bit: UInt32 { 1 << UInt32(rawValue) }

  /// The known name `bytes` spell, or `.other`.
  static func classify(_ bytes: UnsafeRawBufferPointer) -> KnownHeader {
    let candidate: KnownHeader
    switch bytes.count {
    case 2: candidate = .te
    case 5: candidate = .path
    case 7:
      switch bytes[1] {
      case UInt8(ascii: "m"): candidate = .method
      case UInt8(ascii: "s"): candidate = bytes[2] == UInt8(ascii: "c") ? .scheme : .status
      default: return .other
      }
    case 10: candidate = bytes[0] == UInt8(ascii: ":") ? .authority : .userAgent
    case 11: candidate = .grpcStatus
    case 12:
      switch bytes[5] {
      case UInt8(ascii: "t"): candidate = .grpcTimeout
      case UInt8(ascii: "m"): candidate = .grpcMessage
      default: candidate = .contentType
      }
    case 13: candidate = .grpcEncoding
    case 20: candidate = .grpcAcceptEncoding
    default: return .other
    }
    return utf8(of: candidate.name, equals: bytes) ? candidate : .other
  }
}

/// Whether `text`'s UTF-8 is exactly `bytes`: one `memcmp` (a byte-by-byte `elementsEqual`
/// here was 5% of an EmptyCall's instructions, as every header name and value goes through it).
@inline(__always)
func utf8(of text: String, equals bytes: UnsafeRawBufferPointer) -> Bool {
  text.utf8.withContiguousStorageIfAvailable { stored in
    stored.count == bytes.count
      && (stored.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, stored.count) == 0)
  } ?? text.utf8.elementsEqual(bytes)
}

/// A header block laid out for nghttp2 once: names and values in one allocation and the
/// `nghttp2_nv` array pointing into it. Blocks that every call repeats (the start of a gRPC
/// response, the trailers of a plain OK) are submitted from here instead of being copied out of
/// their `String`s again per call. Immutable; made by `HTTP2Session.prepare`, which keeps it
/// as long as the session, so nghttp2 may read its bytes without copying them.
final class PreparedHeaders {
  fileprivate let nva: UnsafeMutableBufferPointer<nghttp2_nv>
  private let bytes: UnsafeMutableBufferPointer<UInt8>

  fileprivate init(_ headers: [HeaderField]) {
    var total = 0
    for field in headers { total += field.name.utf8.count + field.value.utf8.count }
    bytes = .allocate(capacity: max(total, 1))
    nva = .allocate(capacity: headers.count)
    var offset = 0
    for (index, field) in headers.enumerated() {
      let name = offset
      for byte in field.name.utf8 { bytes[offset] = byte; offset += 1 }
      let value = offset
      for byte in field.value.utf8 { bytes[offset] = byte; offset += 1 }
      nva.initializeElement(
        at: index,
        to: nghttp2_nv(
          name: bytes.baseAddress! + name, value: bytes.baseAddress! + value,
          namelen: value - name, valuelen: offset - value,
          // The bytes live as long as the session (see `HTTP2Session.prepare`): nghttp2
          // need not copy them per call.
          flags: UInt8(NGHTTP2_NV_FLAG_NO_COPY_NAME.rawValue | NGHTTP2_NV_FLAG_NO_COPY_VALUE.rawValue)))
    }
  }

  deinit {
    nva.deallocate()
    bytes.deallocate()
  }
}

@available(*, unavailable)
extension PreparedHeaders: Sendable {}

/// The events a session reports. Called synchronously from inside `receive` (and, for
/// `outboundDrained`, from `drainOutput`), on the session's event loop.
protocol HTTP2SessionDelegate: AnyObject {
  /// A complete header block: request or response headers, or trailers.
  func session(_ session: HTTP2Session, stream: Int32, receivedHeaders: [HeaderField], endStream: Bool)
  /// A chunk of a DATA frame's payload. The bytes are valid only during the call. The delegate
  /// must later call `consume(stream:count:)` to reopen the flow-control window.
  func session(_ session: HTTP2Session, stream: Int32, receivedData: UnsafeRawBufferPointer)
  /// The peer ended its side of the stream (END_STREAM on a DATA frame).
  func session(_ session: HTTP2Session, streamEnded stream: Int32)
  /// The stream is gone: finished both ways (errorCode 0) or reset.
  func session(_ session: HTTP2Session, streamClosed stream: Int32, errorCode: UInt32)
  /// A stream's queued response bytes went below `outboundLowWatermark`: a waiting writer may go on.
  func session(_ session: HTTP2Session, outboundDrained stream: Int32)
  /// The peer sent GOAWAY.
  func session(_ session: HTTP2Session, goAwayReceived lastStreamID: Int32, errorCode: UInt32)
  /// The peer's SETTINGS were applied (e.g. a new `remoteMaxConcurrentStreams`). Default: nothing.
  func sessionReceivedSettings(_ session: HTTP2Session)
  /// The peer acknowledged one of our PINGs (keepalive). Default: nothing.
  func sessionReceivedPingAck(_ session: HTTP2Session)
}

extension HTTP2SessionDelegate {
  func sessionReceivedSettings(_ session: HTTP2Session) {}
  func sessionReceivedPingAck(_ session: HTTP2Session) {}
}

/// Limits and windows of one connection; defaults tuned for many small gRPC calls.
public struct HTTP2Limits: Sendable {
  /// SETTINGS_MAX_CONCURRENT_STREAMS we advertise.
  public var maxConcurrentStreams: UInt32 = 256
  /// SETTINGS_INITIAL_WINDOW_SIZE (per stream) we advertise.
  public var streamWindowSize: Int32 = 1 << 20
  /// The connection-level receive window (raised with a WINDOW_UPDATE on stream 0).
  public var connectionWindowSize: Int32 = 16 << 20
  /// SETTINGS_MAX_FRAME_SIZE we accept.
  public var maxFrameSize: UInt32 = 1 << 16
  /// SETTINGS_MAX_HEADER_LIST_SIZE we advertise; larger header blocks are refused.
  public var maxHeaderListSize: UInt32 = 16 << 10
  /// Rapid-reset protection (CVE-2023-44487): a token bucket of stream resets by the peer.
  public var streamResetBurst: UInt64 = 1_000
  /// Refill rate of the reset bucket, per second.
  public var streamResetRate: UInt64 = 33
  /// CONTINUATION frames allowed per header block (CVE-2024-27316 class).
  public var maxContinuations: Int = 8
  /// Unacknowledged SETTINGS/PING answers nghttp2 queues before it treats the peer as flooding.
  public var maxOutboundAcks: Int = 1_000
  /// Queued response bytes per stream above which writers wait.
  public var outboundHighWatermark: Int = 1 << 20
  /// Queued response bytes per stream below which waiting writers resume.
  public var outboundLowWatermark: Int = 1 << 18
  /// Queued bytes of all streams together above which writers wait: without it a peer that
  /// opens many streams and reads none makes the connection hold streams × the per-stream mark
  /// (256 MiB with the defaults).
  public var connectionOutboundHighWatermark: Int = 4 << 20
  /// Below this, writers waiting on the connection's total resume. A writer whose own queue
  /// is empty resumes regardless, so streams that drain are not held up by stalled ones.
  public var connectionOutboundLowWatermark: Int = 2 << 20

  public init() {}
}

/// An nghttp2 call that failed; `code` is nghttp2's (negative) error code.
struct HTTP2SessionError: Error, CustomStringConvertible {
  var code: Int32
  var description: String { String(cString: nghttp2_strerror(code)) }
}

/// Stored properties are `@exclusivity(unchecked)`: the session is confined to its event loop
/// (never Sendable), so no two threads reach it, and no access to a property overlaps another
/// to the same property (callbacks re-enter the session only between such accesses). The
/// runtime checks would cost a `swift_beginAccess`/`swift_endAccess` pair per access on the
/// hottest path of every call.
final class HTTP2Session {
  enum Role { case server, client }

  /// Per-stream send state: bytes queued for DATA frames and what ends the stream.
  fileprivate final class OutboundStream {
    @exclusivity(unchecked) var queue: ByteBuffer
    /// Trailers to send after the queued bytes; `[]` ends the stream with an empty DATA frame.
    @exclusivity(unchecked) var trailers: [HeaderField]?
    /// Prepared trailers to send after the queued bytes (instead of `trailers`).
    @exclusivity(unchecked) var preparedTrailers: PreparedHeaders?
    /// nghttp2 was told "no data yet" and must be resumed when bytes arrive.
    @exclusivity(unchecked) var deferred = false
    /// A writer waits for the queue to go below the low watermark.
    @exclusivity(unchecked) var writerWaiting = false
    /// A message queued as the caller's own array, ahead of `queue`: `sendData` copies its
    /// 5-byte head and its bytes straight into the output, so a response is not first copied
    /// into a buffer of its own. Empty when none; set only while nothing else is queued.
    @exclusivity(unchecked) var message: [UInt8] = []
    @exclusivity(unchecked) var messageHead: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
    /// Bytes of `messageHead` + `message` already in DATA frames.
    @exclusivity(unchecked) var messageSent = 0

    init(queue: ByteBuffer) {
      self.queue = queue
    }

    /// Bytes of `messageHead` + `message` still to send.
    var messageBytes: Int {
      message.isEmpty ? 0 : HTTP2Session.messageHeadLength + message.count - messageSent
    }

    /// Everything queued: the pending message, then `queue`.
    var queuedBytes: Int { messageBytes + queue.readableBytes }
  }

  /// The length of the head `send(message:head:stream:)` writes before a message.
  static let messageHeadLength = 5

  let role: Role
  let limits: HTTP2Limits
  @exclusivity(unchecked) weak var delegate: (any HTTP2SessionDelegate)?
  @exclusivity(unchecked) private var session: OpaquePointer?
  private let allocator: ByteBufferAllocator
  /// An empty buffer that every new stream's queue starts as (copies share its storage).
  private let emptyBuffer: ByteBuffer
  /// Known headers the delegate never looks at, as a mask of `KnownHeader.bit`s: left out of
  /// the blocks it receives (nghttp2 has checked them already), which saves keeping and
  /// releasing their values per call.
  @exclusivity(unchecked) var ignoredHeaders: UInt32 = 0
  /// The header block being received (HTTP/2 never interleaves blocks) and its stream.
  @exclusivity(unchecked) private var block: [HeaderField] = []
  @exclusivity(unchecked) private var blockStream: Int32 = 0
  /// The last value seen per known header name: repeated values (`:path`, `content-type`,
  /// `user-agent`, ...) reuse one `String` instead of decoding (and allocating) a new one.
  @exclusivity(unchecked) private var internedValues = [String](repeating: "", count: KnownHeader.allCases.count)
  /// Scratch space for `withNameValues`, reused so submitting headers allocates nothing here.
  @exclusivity(unchecked) private var nvBytes: [UInt8] = []
  @exclusivity(unchecked) private var nvArray: [nghttp2_nv] = []
  @exclusivity(unchecked) private var outbound = StreamMap<OutboundStream>()
  /// Streams whose writer waits for the queue to drain (so `drainOutput` can skip the scan).
  @exclusivity(unchecked) private var waitingWriters = 0
  @exclusivity(unchecked) private var resetsAfterSending: [Int32] = []
  /// Bytes queued in `outbound`, all streams together.
  @exclusivity(unchecked) private var queuedBytes = 0
  /// The blocks `prepare` made: nghttp2 points into them until the session is deleted.
  private var preparedBlocks: [PreparedHeaders] = []
  /// Where frames go while `produceFrames` runs (empty otherwise).
  @exclusivity(unchecked) private var output: ByteBuffer

  init(role: Role, limits: HTTP2Limits, allocator: ByteBufferAllocator) throws(HTTP2SessionError) {
    self.role = role
    self.limits = limits
    self.allocator = allocator
    self.emptyBuffer = allocator.buffer(capacity: 0)
    self.output = emptyBuffer

    var callbacks: OpaquePointer?
    try check(nghttp2_session_callbacks_new(&callbacks))
    defer { nghttp2_session_callbacks_del(callbacks) }
    installCallbacks(callbacks)

    var option: OpaquePointer?
    try check(nghttp2_option_new(&option))
    defer { nghttp2_option_del(option) }
    // The application reopens windows as it consumes messages: back-pressure reaches the peer.
    nghttp2_option_set_no_auto_window_update(option, 1)
    nghttp2_option_set_max_outbound_ack(option, limits.maxOutboundAcks)
    nghttp2_option_set_stream_reset_rate_limit(option, limits.streamResetBurst, limits.streamResetRate)
    nghttp2_option_set_max_continuations(option, limits.maxContinuations)
    nghttp2_option_set_max_settings(option, 32)
    // A server otherwise keeps closed streams around for RFC 7540 priority trees (which gRPC
    // does not use), and evicts them later: more work per call and more memory, for nothing.
    nghttp2_option_set_no_closed_streams(option, 1)

    let userData = Unmanaged.passUnretained(self).toOpaque()
    switch role {
    case .server: try check(nghttp2_session_server_new2(&session, callbacks, userData, option))
    case .client: try check(nghttp2_session_client_new2(&session, callbacks, userData, option))
    }

    var settings = [
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
        value: limits.maxConcurrentStreams),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
        value: UInt32(limits.streamWindowSize)),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_FRAME_SIZE.rawValue), value: limits.maxFrameSize),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
        value: limits.maxHeaderListSize),
    ]
    if role == .client {
      settings.append(
        nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0))
    }
    try check(nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), settings, settings.count))
    try check(
      nghttp2_session_set_local_window_size(
        session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, limits.connectionWindowSize))
  }

  deinit {
    nghttp2_session_del(session)
  }

  // MARK: Bytes in and out

  /// Feeds bytes read from the socket. Throws on a fatal protocol error; the caller then drains
  /// the output (nghttp2 queues a GOAWAY with the right error code) and closes the connection.
  func receive(_ bytes: UnsafeRawBufferPointer) throws(HTTP2SessionError) {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let result = nghttp2_session_mem_recv(session, base, bytes.count)
    if result < 0 { throw HTTP2SessionError(code: Int32(truncatingIfNeeded: result)) }
  }

  /// Appends every frame nghttp2 wants to send to `buffer`.
  func drainOutput(into buffer: inout ByteBuffer) throws(HTTP2SessionError) {
    try produceFrames(into: &buffer)
    if !resetsAfterSending.isEmpty {
      // The answers are serialized now; a RST_STREAM submitted earlier would have discarded them.
      for stream in resetsAfterSending {
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream, 0)
      }
      resetsAfterSending.removeAll()
      try produceFrames(into: &buffer)
    }
    notifyDrainedWriters()
  }

  private func produceFrames(into buffer: inout ByteBuffer) throws(HTTP2SessionError) {
    // DATA frames are written by `sendData` straight into `output` (NGHTTP2_DATA_FLAG_NO_COPY),
    // in the middle of `mem_send`: the buffer is moved into the session for the loop (a move,
    // so it stays uniquely referenced and is not copied) and back out after it.
    swap(&output, &buffer)
    defer { swap(&output, &buffer) }
    while true {
      var chunk: UnsafePointer<UInt8>?
      let count = nghttp2_session_mem_send(session, &chunk)
      if count < 0 { throw HTTP2SessionError(code: Int32(truncatingIfNeeded: count)) }
      guard count > 0, let chunk else { break }
      output.writeBytes(UnsafeRawBufferPointer(start: chunk, count: count))
    }
  }

  /// Whether the session still has work: when both are false the connection can close.
  var wantsRead: Bool { nghttp2_session_want_read(session) != 0 }
  var wantsWrite: Bool { nghttp2_session_want_write(session) != 0 }

  // MARK: Sending

  /// Starts a request (client): headers, then a body fed with `send(data:)`.
  func submitRequest(_ headers: [HeaderField]) throws(HTTP2SessionError) -> Int32 {
    let state = OutboundStream(queue: emptyBuffer)
    var provider = dataProvider(state)
    let stream = withNameValues(headers) { nva in
      nghttp2_submit_request(session, nil, nva.baseAddress, nva.count, &provider, nil)
    }
    try check(stream)
    outbound[stream] = state
    return stream
  }

  /// Sends response headers (server); the body follows with `send(data:)` and `finish`.
  func submitResponse(stream: Int32, headers: [HeaderField]) throws(HTTP2SessionError) {
    let state = OutboundStream(queue: emptyBuffer)
    var provider = dataProvider(state)
    outbound[stream] = state
    try check(
      withNameValues(headers) { nva in
        nghttp2_submit_response(session, stream, nva.baseAddress, nva.count, &provider)
      })
  }

  /// `submitResponse(stream:headers:)` for a prepared block.
  func submitResponse(stream: Int32, prepared: PreparedHeaders) throws(HTTP2SessionError) {
    let state = OutboundStream(queue: emptyBuffer)
    var provider = dataProvider(state)
    outbound[stream] = state
    try check(nghttp2_submit_response(session, stream, prepared.nva.baseAddress, prepared.nva.count, &provider))
  }

  /// `headers` laid out once for `submitResponse(stream:prepared:)` and
  /// `finish(stream:prepared:)`, kept as long as the session.
  func prepare(_ headers: [HeaderField]) -> PreparedHeaders {
    let block = PreparedHeaders(headers)
    preparedBlocks.append(block)
    return block
  }

  /// Sends one header block that ends the stream (a trailers-only gRPC response or an HTTP error).
  func submitHeadersOnly(stream: Int32, headers: [HeaderField]) throws(HTTP2SessionError) {
    try check(
      withNameValues(headers) { nva in
        nghttp2_submit_response(session, stream, nva.baseAddress, nva.count, nil)
      })
  }

  /// Queues body bytes. Returns false when the stream's queue is over the high watermark: the
  /// caller should wait for `outboundDrained` before sending more.
  @discardableResult
  func send(data: ByteBuffer, stream: Int32) -> Bool {
    guard let state = outbound[stream] else { return true }
    if state.queue.readableBytes == 0 {
      state.queue = data  // the usual case (one message at a time): no copy
    } else {
      state.queue.writeImmutableBuffer(data)
    }
    return queued(data.readableBytes, stream, state)
  }

  /// `send(data:stream:)` for a 5-byte head (a gRPC message prefix) and a non-empty message
  /// that the caller hands over as an array: when nothing else waits on the stream, the array
  /// is kept as it is and copied only once, into the DATA frame.
  @discardableResult
  func send(message: [UInt8], head: (UInt8, UInt8, UInt8, UInt8, UInt8), stream: Int32) -> Bool {
    guard let state = outbound[stream] else { return true }
    if state.queuedBytes == 0, !message.isEmpty {
      state.message = message
      state.messageHead = head
      state.messageSent = 0
    } else {
      state.queue.writeMultipleIntegers(head.0, head.1, head.2, head.3, head.4)
      state.queue.writeBytes(message)
    }
    return queued(Self.messageHeadLength + message.count, stream, state)
  }

  /// Accounts for `count` new bytes on the stream and wakes nghttp2 for them; false when the
  /// writer should wait for `outboundDrained`.
  private func queued(_ count: Int, _ stream: Int32, _ state: OutboundStream) -> Bool {
    queuedBytes += count
    resumeIfDeferred(stream, state)
    if state.queuedBytes > limits.outboundHighWatermark
      || queuedBytes > limits.connectionOutboundHighWatermark
    {
      if !state.writerWaiting {
        state.writerWaiting = true
        waitingWriters += 1
      }
      return false
    }
    return true
  }

  /// Ends our side of the stream after the queued bytes: with trailers, or (for `[]`) with END_STREAM.
  func finish(stream: Int32, trailers: [HeaderField]) {
    guard let state = outbound[stream], state.trailers == nil, state.preparedTrailers == nil else { return }
    state.trailers = trailers
    resumeIfDeferred(stream, state)
  }

  /// `finish(stream:trailers:)` with prepared (non-empty) trailers.
  func finish(stream: Int32, prepared: PreparedHeaders) {
    guard let state = outbound[stream], state.trailers == nil, state.preparedTrailers == nil else { return }
    state.preparedTrailers = prepared
    resumeIfDeferred(stream, state)
  }

  /// Resets a stream (RST_STREAM) with an HTTP/2 error code.
  func reset(stream: Int32, errorCode: UInt32) {
    nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream, errorCode)
  }

  /// Resets a stream with NO_ERROR once the frames queued for it so far are on their way: after a
  /// complete early response, asks a client that is still uploading to stop (RFC 9113 §8.1).
  func resetAfterSending(stream: Int32) {
    resetsAfterSending.append(stream)
  }

  /// Tells the peer it may send `count` more bytes on the stream (and the connection).
  func consume(stream: Int32, count: Int) {
    guard count > 0 else { return }
    nghttp2_session_consume(session, stream, count)
  }

  /// Sends GOAWAY. `graceful` first announces the shutdown (last stream id 2^31-1) so streams
  /// in flight on the wire are still accepted, as RFC 9113 §6.8 suggests.
  func goAway(errorCode: UInt32 = 0, graceful: Bool) {
    if graceful {
      nghttp2_submit_shutdown_notice(session)
    } else {
      let last = nghttp2_session_get_last_proc_stream_id(session)
      nghttp2_submit_goaway(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), last, errorCode, nil, 0)
    }
  }

  /// Sends a PING (keepalive); nghttp2 answers the peer's pings itself.
  func ping() {
    nghttp2_submit_ping(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nil)
  }

  /// Streams currently open.
  var openStreamCount: Int { outbound.count }

  // MARK: Internals

  private func resumeIfDeferred(_ stream: Int32, _ state: OutboundStream) {
    if state.deferred {
      state.deferred = false
      nghttp2_session_resume_data(session, stream)
    }
  }

  private func notifyDrainedWriters() {
    guard waitingWriters > 0 else { return }
    let underConnectionMark = queuedBytes <= limits.connectionOutboundLowWatermark
    for (stream, state) in outbound
    where state.writerWaiting && state.queuedBytes <= limits.outboundLowWatermark
      && (underConnectionMark || state.queuedBytes == 0)
    {
      state.writerWaiting = false
      waitingWriters -= 1
      delegate?.session(self, outboundDrained: stream)
    }
  }

  /// The body source of one stream: nghttp2 hands `state` back to `readOutbound` (unretained;
  /// `outbound` keeps it alive until the stream closes, after which nghttp2 no longer reads).
  private func dataProvider(_ state: OutboundStream) -> nghttp2_data_provider {
    nghttp2_data_provider(
      source: nghttp2_data_source(ptr: Unmanaged.passUnretained(state).toOpaque()),
      read_callback: { _, stream, _, length, flags, source, userData in
        // Unretained, as the session in `with`: `outbound` keeps the stream state alive.
        Unmanaged<OutboundStream>.fromOpaque(source!.pointee.ptr)._withUnsafeGuaranteedRef { state in
          HTTP2Session.with(userData) { $0.readOutbound(stream, state, length, flags!) }
        }
      })
  }

  /// nghttp2 asks for up to `length` bytes of the stream's body. The bytes are not copied
  /// here: the answer says how many the frame carries (NGHTTP2_DATA_FLAG_NO_COPY), and
  /// `sendData` writes them into the output right after, with the frame header.
  private func readOutbound(
    _ stream: Int32, _ state: OutboundStream, _ length: Int, _ flags: UnsafeMutablePointer<UInt32>
  ) -> Int {
    let available = state.queuedBytes
    let count = min(length, available)
    if count == available {
      if let prepared = state.preparedTrailers {
        flags.pointee |= UInt32(NGHTTP2_DATA_FLAG_EOF.rawValue | NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue)
        nghttp2_submit_trailer(session, stream, prepared.nva.baseAddress, prepared.nva.count)
      } else if let trailers = state.trailers {
        flags.pointee |= UInt32(NGHTTP2_DATA_FLAG_EOF.rawValue)
        if !trailers.isEmpty {
          flags.pointee |= UInt32(NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue)
          _ = withNameValues(trailers) { nva in
            nghttp2_submit_trailer(session, stream, nva.baseAddress, nva.count)
          }
        }
      } else if count == 0 {
        state.deferred = true
        return Int(NGHTTP2_ERR_DEFERRED.rawValue)
      }
    }
    flags.pointee |= UInt32(NGHTTP2_DATA_FLAG_NO_COPY.rawValue)
    return count
  }

  /// Writes one DATA frame whose payload `readOutbound` promised: the frame header nghttp2
  /// serialized, then `length` bytes from the front of the stream's pending message and queue,
  /// copied once, from the handler's bytes into the socket's buffer.
  fileprivate func sendData(
    _ frame: UnsafePointer<nghttp2_frame>, _ header: UnsafePointer<UInt8>, _ length: Int,
    _ state: OutboundStream
  ) {
    output.writeBytes(UnsafeRawBufferPointer(start: header, count: 9))
    let padding = Int(frame.pointee.data.padlen)
    if padding > 0 { output.writeInteger(UInt8(padding - 1)) }
    var remaining = length
    if remaining > 0, !state.message.isEmpty {
      remaining -= writeMessage(upTo: remaining, of: state)
    }
    if remaining > 0 {
      var slice = state.queue.readSlice(length: remaining)!
      output.writeBuffer(&slice)
    }
    queuedBytes -= length
    if padding > 1 { output.writeRepeatingByte(0, count: padding - 1) }
    if state.queue.readableBytes == 0 {
      state.queue = emptyBuffer  // drop the sent bytes' storage now
    }
  }

  /// Writes up to `limit` bytes of the stream's pending message (head first) into `output`;
  /// returns how many. Drops the array once it is all written.
  private func writeMessage(upTo limit: Int, of state: OutboundStream) -> Int {
    let headLength = Self.messageHeadLength
    var written = 0
    if state.messageSent < headLength {
      withUnsafeBytes(of: state.messageHead) { head in
        let part = UnsafeRawBufferPointer(
          rebasing: head[state.messageSent..<min(headLength, state.messageSent + limit)])
        output.writeBytes(part)
        written = part.count
      }
    }
    let start = state.messageSent + written - headLength
    if written < limit, start >= 0 {
      let end = min(state.message.count, start + limit - written)
      state.message.withUnsafeBytes { bytes in
        _ = output.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
      }
      written += end - start
    }
    state.messageSent += written
    if state.messageSent == headLength + state.message.count {
      state.message = []
      state.messageSent = 0
    }
    return written
  }

  /// Calls `body` with the session behind a callback's `userData`, without retaining it: a
  /// callback runs inside `mem_recv`/`mem_send`, which the session itself called, so the
  /// session outlives it. (Retaining and releasing it in each callback was ~16 pairs per call.)
  @inline(__always)
  fileprivate static func with<R>(_ userData: UnsafeMutableRawPointer?, _ body: (HTTP2Session) -> R) -> R {
    Unmanaged<HTTP2Session>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
  }

  fileprivate func beginHeaders(_ stream: Int32) {
    block.removeAll(keepingCapacity: true)
    blockStream = stream
  }

  fileprivate func header(_ stream: Int32, _ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) {
    guard stream == blockStream else { return }
    let known = KnownHeader.classify(name)
    guard ignoredHeaders & known.bit == 0 else { return }
    guard known != .other else {
      block.append(
        HeaderField(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
      return
    }
    let slot = Int(known.rawValue)
    let previous = internedValues[slot]
    let same = utf8(of: previous, equals: value)
    let text: String
    if same {
      text = previous
    } else {
      text = String(decoding: value, as: UTF8.self)
      internedValues[slot] = text
    }
    block.append(HeaderField(known: known, name: known.name, value: text))
  }

  fileprivate func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) {
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    switch Int(header.type) {
    case Int(NGHTTP2_HEADERS.rawValue):
      guard header.stream_id == blockStream else { break }
      blockStream = 0
      delegate?.session(self, stream: header.stream_id, receivedHeaders: block, endStream: endStream)
      block.removeAll(keepingCapacity: true)
    case Int(NGHTTP2_DATA.rawValue):
      if endStream { delegate?.session(self, streamEnded: header.stream_id) }
    case Int(NGHTTP2_GOAWAY.rawValue):
      delegate?.session(
        self, goAwayReceived: frame.pointee.goaway.last_stream_id,
        errorCode: frame.pointee.goaway.error_code)
    case Int(NGHTTP2_SETTINGS.rawValue):
      if header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) == 0 { delegate?.sessionReceivedSettings(self) }
    case Int(NGHTTP2_PING.rawValue):
      if header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0 { delegate?.sessionReceivedPingAck(self) }
    default:
      break
    }
  }

  fileprivate func dataReceived(_ stream: Int32, _ bytes: UnsafeRawBufferPointer) {
    delegate?.session(self, stream: stream, receivedData: bytes)
  }

  fileprivate func streamClosed(_ stream: Int32, _ errorCode: UInt32) {
    if blockStream == stream {
      block.removeAll(keepingCapacity: true)
      blockStream = 0
    }
    if let state = outbound.removeValue(forKey: stream) {
      queuedBytes -= state.queuedBytes
      if state.writerWaiting { waitingWriters -= 1 }
    }
    delegate?.session(self, streamClosed: stream, errorCode: errorCode)
  }

  private func withNameValues<R>(
    _ headers: [HeaderField], _ body: (UnsafeMutableBufferPointer<nghttp2_nv>) -> R
  ) -> R {
    // One contiguous copy of every name and value, in scratch space kept between calls;
    // nghttp2 copies them again on submit. The scratch is taken out of the session while in
    // use, so a nested call (none is expected) would just allocate its own.
    var bytes = nvBytes, nva = nvArray
    nvBytes = []
    nvArray = []
    defer {
      bytes.removeAll(keepingCapacity: true)
      nva.removeAll(keepingCapacity: true)
      nvBytes = bytes
      nvArray = nva
    }
    var total = 0
    for field in headers { total += field.name.utf8.count + field.value.utf8.count }
    bytes.reserveCapacity(total)
    for field in headers {
      bytes.append(contentsOf: field.name.utf8)
      bytes.append(contentsOf: field.value.utf8)
    }
    nva.reserveCapacity(headers.count)
    return bytes.withUnsafeMutableBufferPointer { bytes in
      var next = bytes.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
      for field in headers {
        let nameLength = field.name.utf8.count, valueLength = field.value.utf8.count
        nva.append(
          nghttp2_nv(
            name: next, value: next + nameLength, namelen: nameLength, valuelen: valueLength,
            flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)))
        next += nameLength + valueLength
      }
      return nva.withUnsafeMutableBufferPointer { body($0) }
    }
  }
}

// MARK: Client additions

extension HTTP2Session {
  /// The peer's SETTINGS_MAX_CONCURRENT_STREAMS: how many streams a client may have open.
  /// nghttp2 assumes 100 until the server's first SETTINGS arrive, then the advertised value
  /// (unlimited, 2^32-1, when none was advertised).
  var remoteMaxConcurrentStreams: UInt32 {
    nghttp2_session_get_remote_settings(session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS)
  }
}

private func check(_ code: Int32) throws(HTTP2SessionError) {
  if code < 0 { throw HTTP2SessionError(code: code) }
}

/// The C callbacks: each finds its session through `user_data` and forwards.
private func installCallbacks(_ callbacks: OpaquePointer?) {
  nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks) { _, frame, userData in
    HTTP2Session.with(userData) { $0.beginHeaders(frame!.pointee.hd.stream_id) }
    return 0
  }
  nghttp2_session_callbacks_set_on_header_callback(callbacks) {
    _, frame, name, nameLength, value, valueLength, _, userData in
    HTTP2Session.with(userData) {
      $0.header(
        frame!.pointee.hd.stream_id, UnsafeRawBufferPointer(start: name, count: nameLength),
        UnsafeRawBufferPointer(start: value, count: valueLength))
    }
    return 0
  }
  nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, userData in
    HTTP2Session.with(userData) { $0.frameReceived(frame!) }
    return 0
  }
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) {
    _, _, stream, data, length, userData in
    HTTP2Session.with(userData) { $0.dataReceived(stream, UnsafeRawBufferPointer(start: data, count: length)) }
    return 0
  }
  nghttp2_session_callbacks_set_send_data_callback(callbacks) {
    _, frame, header, length, source, userData in
    Unmanaged<HTTP2Session.OutboundStream>.fromOpaque(source!.pointee.ptr)._withUnsafeGuaranteedRef { state in
      HTTP2Session.with(userData) { $0.sendData(frame!, header!, length, state) }
    }
    return 0
  }
  nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, stream, errorCode, userData in
    HTTP2Session.with(userData) { $0.streamClosed(stream, errorCode) }
    return 0
  }
}
