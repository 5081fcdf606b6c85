// ServerContext shares its fields between copies (one box) until one of them changes: a change
// must never show through another copy.

import Testing

@testable import RPCCore

@Suite struct ServerContextTests {
  static let descriptor = MethodDescriptor(service: "test.Service", method: "Call", kind: .unary)

  @Test func copiesAreIndependent() {
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    let original = ServerContext(
      descriptor: Self.descriptor, metadata: ["x-a": "1"], deadline: deadline, peer: "ipv4:1")

    var changed = original
    changed.metadata.addString("2", forKey: "x-b")
    changed.values[UserKey.self] = "user"
    changed.deadline = nil
    changed.peer = "ipv4:2"
    changed.requestMessageCompressed = true

    #expect(original.metadata == ["x-a": "1"])
    #expect(original.values[UserKey.self] == nil)
    #expect(original.deadline == deadline)
    #expect(original.peer == "ipv4:1")
    #expect(!original.requestMessageCompressed)
    #expect(original.descriptor == Self.descriptor)

    #expect(changed.metadata == ["x-a": "1", "x-b": "2"])
    #expect(changed.values[UserKey.self] == "user")
    #expect(changed.deadline == nil)
    #expect(changed.peer == "ipv4:2")
    #expect(changed.requestMessageCompressed)
    #expect(changed.descriptor == Self.descriptor)
  }

  /// Each field on its own, changed in a copy of a copy: the other two keep theirs.
  @Test func everyFieldCopiesOnWrite() {
    let first = ServerContext(descriptor: Self.descriptor, peer: "p")
    let second = first
    var third = second
    third.requestMessageCompressed = true
    third.peer = "q"
    #expect(!first.requestMessageCompressed && !second.requestMessageCompressed)
    #expect(first.peer == "p" && second.peer == "p" && third.peer == "q")

    var fourth = third
    fourth.requestMessageCompressed = false
    #expect(third.requestMessageCompressed && !fourth.requestMessageCompressed)
    #expect(fourth.peer == "q")
  }
}
