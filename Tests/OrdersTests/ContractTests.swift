import Foundation
import Orders
import OrdersAPI
import RPCCore
import Testing

/// The hand-written service API against the contract: every `rpc` of orders.proto, in order,
/// with its streaming kind, and a handler for each.
@Suite("Orders: the service API matches orders.proto")
struct ServiceContractTests {
  /// (method, kind) of every `rpc` line in Protos/craft/orders/v1/orders.proto.
  static func rpcsInProto() throws -> [(String, MethodDescriptor.Kind)] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("Protos/craft/orders/v1/orders.proto"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      let words = line.split(whereSeparator: { " ()".contains($0) })
      guard words.first == "rpc", words.count >= 4 else { return nil }
      let clientStreams = words[2] == "stream"
      let serverStreams = line.contains("returns (stream ")
      let kind: MethodDescriptor.Kind =
        switch (clientStreams, serverStreams) {
        case (false, false): .unary
        case (true, false): .clientStreaming
        case (false, true): .serverStreaming
        case (true, true): .bidirectionalStreaming
        }
      return (String(words[1]), kind)
    }
  }

  @Test("descriptors: every rpc of the .proto, in order, with its kind")
  func descriptorsMatchProto() throws {
    let expected = try Self.rpcsInProto()
    #expect(expected.count == 20)
    #expect(OrdersService.descriptors.map(\.method) == expected.map(\.0))
    #expect(OrdersService.descriptors.map(\.kind) == expected.map(\.1))
    #expect(OrdersService.descriptors.allSatisfy { $0.service == "craft.orders.v1.OrdersService" })
  }

  @Test("the service registers one handler per descriptor")
  func handlersCoverDescriptors() async throws {
    let h = try await OrdersHarness(seed: false)
    let service = OrdersServiceImpl(store: h.store, catalogue: h.catalogue)
    #expect(service.methodHandlers.map(\.descriptor) == OrdersService.descriptors)
    await h.close()
  }
}
