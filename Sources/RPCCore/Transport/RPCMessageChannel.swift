import Synchronization

/// A single-consumer asynchronous buffer with back-pressure: how a transport hands inbound
/// parts (request messages on a server, response parts on a client) to the task of a call.
///
/// Producers come in two kinds, and both are supported:
/// - an event-loop producer (the HTTP/2 transport) calls `yield(_:)`, which never suspends and
///   answers `.stopProducing` above the high watermark; the channel then calls `onDemand` once
///   the consumer has drained to the low watermark, and the transport resumes reading (or
///   sends WINDOW_UPDATE);
/// - an async producer (in-process transport, client request writer) calls `send(_:)`, which
///   suspends above the high watermark.
///
/// The consumer iterates with `next()`; cancelling its task ends the wait with
/// `CancellationError` and marks the consumer gone, after which elements are dropped. One lock
/// (`Mutex`) guards the state; continuations and `onDemand` run outside it.
public final class RPCMessageChannel<Element: Sendable>: Sendable {
  /// What `yield` did with an element.
  public enum YieldResult: Sendable, Equatable {
    /// Buffered or delivered; keep producing.
    case produceMore
    /// Buffered, but the buffer is at the high watermark: pause until `onDemand` is called.
    case stopProducing
    /// Dropped: the channel is finished or the consumer is gone.
    case dropped
  }

  private enum End {
    case finished
    case failed(any Error)
  }

  private enum Immediate {
    case element(Element, demand: Bool, producer: UnsafeContinuation<Void, any Error>?)
    case end(End?)
    case wait
  }

  private struct State: ~Copyable {
    var buffer: [Element] = []
    var head = 0
    var end: End? = nil
    /// The end was delivered to the consumer (a failure is thrown once).
    var endDelivered = false
    var consumer: UnsafeContinuation<Element?, any Error>? = nil
    var consumerGone = false
    var producer: UnsafeContinuation<Void, any Error>? = nil
    var producerCancelled = false
    /// `yield` answered `.stopProducing` and `onDemand` has not been called since.
    var paused = false

    var buffered: Int { buffer.count - head }

    mutating func popFirst() -> Element? {
      guard head < buffer.count else { return nil }
      let element = buffer[head]
      head += 1
      if head == buffer.count {
        buffer.removeAll(keepingCapacity: true)
        head = 0
      } else if head >= 64, head * 2 >= buffer.count {
        buffer.removeFirst(head)
        head = 0
      }
      return element
    }
  }

  private let state: Mutex<State>
  private let highWatermark: Int
  private let lowWatermark: Int
  private let onDemand: (@Sendable () -> Void)?

  /// A channel that asks its producer to pause with `highWatermark` elements buffered and to
  /// resume at `lowWatermark`.
  public init(
    highWatermark: Int = 16, lowWatermark: Int? = nil, onDemand: (@Sendable () -> Void)? = nil
  ) {
    precondition(highWatermark >= 1)
    self.highWatermark = highWatermark
    self.lowWatermark = Swift.min(lowWatermark ?? highWatermark / 2, highWatermark - 1)
    self.onDemand = onDemand
    self.state = Mutex(State())
  }

  // MARK: Producer

  /// Offers an element without suspending.
  @discardableResult
  public func yield(_ element: Element) -> YieldResult {
    let (result, consumer) = state.withLock {
      state -> (YieldResult, UnsafeContinuation<Element?, any Error>?) in
      if state.end != nil || state.consumerGone { return (.dropped, nil) }
      if let consumer = state.consumer {
        state.consumer = nil
        return (.produceMore, consumer)
      }
      state.buffer.append(element)
      if state.buffered >= highWatermark {
        state.paused = true
        return (.stopProducing, nil)
      }
      return (.produceMore, nil)
    }
    consumer?.resume(returning: element)
    return result
  }

  /// Sends an element, suspending while the buffer is at the high watermark. Returns false
  /// when the element was dropped because the channel is finished or the consumer is gone.
  /// Throws `CancellationError` if the producing task is cancelled while suspended.
  @discardableResult
  public func send(_ element: Element) async throws -> Bool {
    switch yield(element) {
    case .produceMore: return true
    case .dropped: return false
    case .stopProducing: break
    }
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation {
        (continuation: UnsafeContinuation<Void, any Error>) in
        let resume: Result<Void, any Error>? = state.withLock { state in
          if state.producerCancelled { return .failure(CancellationError()) }
          if !state.paused || state.consumerGone || state.end != nil { return .success(()) }
          state.producer = continuation
          return nil
        }
        if let resume { continuation.resume(with: resume) }
      }
    } onCancel: {
      let producer = state.withLock { state in
        state.producerCancelled = true
        defer { state.producer = nil }
        return state.producer
      }
      producer?.resume(throwing: CancellationError())
    }
    return true
  }

  /// Ends the channel: the consumer receives the buffered elements, then the end (or `error`).
  /// Later calls have no effect.
  public func finish(throwing error: (any Error)? = nil) {
    let (consumer, producer) = state.withLock {
      state -> (UnsafeContinuation<Element?, any Error>?, UnsafeContinuation<Void, any Error>?) in
      guard state.end == nil else { return (nil, nil) }
      state.end = error.map { .failed($0) } ?? .finished
      let producer = state.producer
      state.producer = nil
      guard let consumer = state.consumer else { return (nil, producer) }
      state.consumer = nil
      state.endDelivered = true
      return (consumer, producer)
    }
    producer?.resume()
    if let consumer {
      if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
    }
  }

  // MARK: Consumer

  /// The next element, or `nil` at the end; throws the error the channel finished with (once)
  /// or `CancellationError` when the consuming task is cancelled.
  public func next() async throws -> Element? {
    let immediate: Immediate = state.withLock { state in
      if let element = state.popFirst() {
        if state.paused, state.buffered <= lowWatermark {
          state.paused = false
          let producer = state.producer
          state.producer = nil
          return .element(element, demand: true, producer: producer)
        }
        return .element(element, demand: false, producer: nil)
      }
      if let end = state.end {
        if state.endDelivered { return .end(nil) }
        state.endDelivered = true
        return .end(end)
      }
      if state.consumerGone { return .end(.failed(CancellationError())) }
      return .wait
    }
    switch immediate {
    case .element(let element, let demand, let producer):
      if demand {
        producer?.resume()
        onDemand?()
      }
      return element
    case .end(.failed(let error)):
      throw error
    case .end:
      return nil
    case .wait:
      break
    }
    return try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation {
        (continuation: UnsafeContinuation<Element?, any Error>) in
        var demand = false
        var producer: UnsafeContinuation<Void, any Error>? = nil
        let resume: Result<Element?, any Error>? = state.withLock { state in
          if state.consumerGone { return .failure(CancellationError()) }
          // Re-check: a producer may have raced in between the two lock scopes.
          if let element = state.popFirst() {
            if state.paused, state.buffered <= lowWatermark {
              state.paused = false
              demand = true
              producer = state.producer
              state.producer = nil
            }
            return .success(element)
          }
          if let end = state.end {
            if state.endDelivered { return .success(nil) }
            state.endDelivered = true
            if case .failed(let error) = end { return .failure(error) }
            return .success(nil)
          }
          state.consumer = continuation
          return nil
        }
        if demand {
          producer?.resume()
          onDemand?()
        }
        if let resume { continuation.resume(with: resume) }
      }
    } onCancel: {
      cancelConsumer()
    }
  }

  /// Marks the consumer gone: a waiting `next()` throws `CancellationError`, buffered elements
  /// are released and later ones dropped, and a suspended `send` returns. Call it when the
  /// consumer stops reading early.
  public func cancelConsumer() {
    let (consumer, producer) = state.withLock {
      state -> (UnsafeContinuation<Element?, any Error>?, UnsafeContinuation<Void, any Error>?) in
      state.consumerGone = true
      state.buffer.removeAll()
      state.head = 0
      let consumer = state.consumer
      let producer = state.producer
      state.consumer = nil
      state.producer = nil
      return (consumer, producer)
    }
    consumer?.resume(throwing: CancellationError())
    producer?.resume()
  }
}

extension RPCMessageChannel: AsyncSequence {
  /// Iterates the channel (single consumer).
  public struct AsyncIterator: AsyncIteratorProtocol {
    let channel: RPCMessageChannel
    public mutating func next() async throws -> Element? { try await channel.next() }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(channel: self) }
}
