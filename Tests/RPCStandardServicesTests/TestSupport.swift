import Foundation
import ProtoWire
import RPCCore
import RPCStandardServices
import Synchronization

/// The committed descriptor set (a FileDescriptorSet of everything in Protos/, with
/// google/protobuf/timestamp.proto), found relative to this file.
func committedDescriptorSet() throws -> [UInt8] {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let candidates = [
    "Sources/craftd/Resources/descriptors.binpb",
    "Protos/descriptors.binpb",
  ].map { root.appendingPathComponent($0) }
  for url in candidates where FileManager.default.fileExists(atPath: url.path) {
    return [UInt8](try Data(contentsOf: url))
  }
  throw CocoaError(.fileNoSuchFile)
}

/// One pool over the committed set, shared by the tests.
let committedPool: DescriptorPool = {
  do {
    return try DescriptorPool(serializedFileDescriptorSet: committedDescriptorSet())
  } catch {
    fatalError("cannot index the committed descriptor set: \(error)")
  }
}()

/// A sink that hands what a handler writes to the test as it happens.
final class ChannelSink: ServerResponseSink {
  let parts = RPCMessageChannel<RPCResponsePart>(highWatermark: 64)

  func writeHeaders(_ metadata: Metadata) async throws {
    parts.yield(.metadata(metadata))
  }
  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    parts.yield(.message(message))
  }
  func finish(status: RPCStatus, trailers: Metadata) async {
    parts.yield(.status(status, trailers))
    parts.finish()
  }

  /// The next message, decoded; fails when the call ended instead.
  func nextMessage<M: ProtoMessage>(_: M.Type = M.self) async throws -> M {
    while let part = try await parts.next() {
      switch part {
      case .metadata: continue
      case .message(let bytes): return try M(serializedBytes: bytes)
      case .status(let status, _):
        throw TestFailure("call ended with \(status) instead of a message")
      }
    }
    throw TestFailure("response stream ended without a status")
  }

  /// The final status, skipping nothing: fails when a message comes first.
  func nextStatus() async throws -> RPCStatus {
    while let part = try await parts.next() {
      switch part {
      case .metadata: continue
      case .message: throw TestFailure("a message came instead of the status")
      case .status(let status, _): return status
      }
    }
    throw TestFailure("response stream ended without a status")
  }
}

struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Starts `handler` on a call whose single request is `request`.
func startCall(
  _ handler: ServerMethodHandler, request: some ProtoMessage
) -> (sink: ChannelSink, task: Task<Void, Never>) {
  let sink = ChannelSink()
  let task = Task {
    await handler.handle(
      requests: .single(request.serializedBytes()), response: sink,
      context: ServerContext(descriptor: handler.descriptor))
  }
  return (sink, task)
}

/// The handler for `method` among `service`'s handlers.
func handler(_ method: MethodDescriptor, of service: some RPCService) throws -> ServerMethodHandler
{
  guard let handler = service.methodHandlers.first(where: { $0.descriptor == method }) else {
    throw TestFailure("no handler for \(method)")
  }
  return handler
}
