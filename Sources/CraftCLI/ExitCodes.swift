// Exit codes scripts can tell apart.

public import RPCCore

/// What `craftctl` exits with.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | an unexpected local error |
/// | 2 | bad input: a flag value, a file that cannot be read, a CSV header |
/// | 3 | `products import`: some rows were rejected (the others were imported) |
/// | 10 + N | the server answered with gRPC status N, e.g. 15 NOT_FOUND, 24 UNAVAILABLE, 26 UNAUTHENTICATED |
/// | 64 | a usage error found by the argument parser |
public enum CraftctlExitCode {
  /// Success.
  public static let success: Int32 = 0
  /// An unexpected local error.
  public static let failure: Int32 = 1
  /// Bad input.
  public static let badInput: Int32 = 2
  /// Some import rows were rejected.
  public static let rowsRejected: Int32 = 3

  /// The exit code for a call that ended with `code`.
  public static func forStatus(_ code: RPCStatus.Code) -> Int32 {
    code == .ok ? success : 10 + Int32(code.rawValue)
  }
}
