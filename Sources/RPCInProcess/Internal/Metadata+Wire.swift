import RPCCore

extension Metadata {
  /// `self` as the peer would receive it over HTTP/2: what `forEachHeaderToSend` emits (no
  /// reserved keys, no invalid entries, `-bin` values base64-encoded), read back with
  /// `appendReceivedHeader`.
  func passedThroughHeaders() -> Metadata {
    if isEmpty { return self }
    var received = Metadata()
    forEachHeaderToSend { name, value in received.appendReceivedHeader(name: name, value: value) }
    return received
  }
}
