import Foundation

/// A directory under the system temp dir for a test's real SQLite files, removed when the
/// value goes away.
public final class TemporaryDirectory: Sendable {
  /// The directory.
  public let path: String

  /// Creates `…/<prefix>-<uuid>`.
  public init(prefix: String = "craft-tests") throws {
    path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `name` inside the directory.
  public func file(_ name: String) -> String { path + "/" + name }
}
