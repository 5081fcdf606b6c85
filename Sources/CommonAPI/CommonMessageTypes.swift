public import ProtoWire

/// Every message of craft.common.v1, for the contract tests and the fuzzer.
public let commonMessageTypes: [any ProtoMessage.Type] = [
  Money.self, LocalizedText.self, CalendarDate.self, DateRange.self, MoneyRange.self,
  Contact.self, Actor.self,
]
