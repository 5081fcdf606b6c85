import Testing

@testable import RPCCore

@Suite struct TimeoutTests {
  @Test(arguments: [
    ("1H", Duration.seconds(3600)),
    ("2M", Duration.seconds(120)),
    ("3S", Duration.seconds(3)),
    ("100m", Duration.milliseconds(100)),
    ("250u", Duration.microseconds(250)),
    ("7n", Duration.nanoseconds(7)),
    ("99999999S", Duration.seconds(99_999_999)),
    ("99999999H", Duration.seconds(99_999_999 * 3600)),
    ("00000001m", Duration.milliseconds(1)),
    ("0n", Duration.zero),
  ])
  func parsesEveryUnit(header: String, duration: Duration) throws {
    let timeout = try #require(GRPCTimeout(header: header))
    #expect(timeout.duration == duration)
  }

  @Test(arguments: [
    "", "S", "1", "100", "123456789S", "1s", "1h", "1x", "-1S", "+1S", " 1S", "1S ", "1 S",
    "1.5S", "0x1S", "１S", "1SS",
  ])
  func rejectsInvalid(header: String) {
    #expect(GRPCTimeout(header: header) == nil)
  }

  @Test func emitsFinestUnitThatFits() {
    #expect(GRPCTimeout(duration: .nanoseconds(1)).headerValue == "1n")
    #expect(GRPCTimeout(duration: .milliseconds(100)).headerValue == "100000u")
    #expect(GRPCTimeout(duration: .nanoseconds(99_999_999)).headerValue == "99999999n")
    #expect(GRPCTimeout(duration: .seconds(1)).headerValue == "1000000u")
    #expect(GRPCTimeout(duration: .seconds(100)).headerValue == "100000m")
    #expect(GRPCTimeout(duration: .seconds(100_000)).headerValue == "100000S")
    #expect(GRPCTimeout(duration: .seconds(1_000_000)).headerValue == "1000000S")
    #expect(GRPCTimeout(duration: .seconds(100_000_000)).headerValue == "1666667M")
    #expect(GRPCTimeout(duration: .seconds(6_000_000_000)).headerValue == "1666667H")
    #expect(GRPCTimeout(duration: .seconds(Int64.max)).headerValue == "99999999H")
  }

  @Test func emitsEveryUnit() {
    let cases: [(Duration, GRPCTimeout.Unit)] = [
      (.nanoseconds(5), .nanoseconds),
      (.milliseconds(500), .microseconds),
      (.seconds(500), .milliseconds),
      (.seconds(500_000), .seconds),
      (.seconds(500_000_000), .minutes),
      (.seconds(50_000_000_000), .hours),
    ]
    for (duration, unit) in cases {
      let timeout = GRPCTimeout(duration: duration)
      #expect(timeout.unit == unit, "\(duration)")
      #expect(timeout.value <= GRPCTimeout.maxValue)
      #expect(timeout.duration >= duration)  // never shorter than asked
      #expect(GRPCTimeout(header: timeout.headerValue) == timeout)
    }
  }

  @Test func roundsUpAndClampsNonPositive() {
    // 100,000,000.5 µs does not fit in nanoseconds or microseconds: milliseconds, rounded up.
    let timeout = GRPCTimeout(duration: .nanoseconds(100_000_000_500))
    #expect(timeout.headerValue == "100001m")
    #expect(GRPCTimeout(duration: .zero).headerValue == "1n")
    #expect(GRPCTimeout(duration: .seconds(-5)).headerValue == "1n")
  }

  @Test func deadlineFromTimeout() throws {
    let now = ContinuousClock.now
    let timeout = try #require(GRPCTimeout(header: "2S"))
    #expect(timeout.deadline(from: now) == now.advanced(by: .seconds(2)))
  }
}
