import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A process a test starts (a server, the command-line client, a crash helper), spawned with
/// `posix_spawn`.
///
/// Not Foundation's `Process`: on Linux its `run()` finds the highest open descriptor by
/// reading `/proc/self/fd` and copying each entry's whole 256-byte name field, past the end of
/// glibc's buffer when an entry sits at its end (swift-corelibs-foundation pull request 5472,
/// not in the Foundation of Swift 6.3.1). The test process then crashes now and then with a bad
/// pointer in `Process.run()`; this suite hit it in CraftctlTests. The pipes made here are
/// close-on-exec, set while no other child is being spawned (``spawning``), so one test's pipe
/// never leaks into another test's child (which would keep the first test waiting for an end
/// of file).
public final class ChildProcess: Sendable {
  /// Where the child's standard output or error goes.
  public enum Output: Sendable {
    /// The test process's own.
    case inherit
    /// Appended to a file (created when missing).
    case file(String)
    /// A pipe whose read end is ``standardOutput`` / ``standardError``.
    case pipe
  }

  /// How a child ended.
  public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)
  }

  public let pid: Int32
  /// The read end of a piped standard output (the caller closes it), or -1.
  public let standardOutput: Int32
  /// The read end of a piped standard error (the caller closes it), or -1.
  public let standardError: Int32

  /// Held from making a child's pipes until it is spawned: `pipe2` (atomic close-on-exec) is
  /// not visible to Swift, and a spawn between `pipe` and `fcntl` would inherit the pipe.
  private static let spawning = Mutex(())

  /// Set once the child is reaped (`waitpid` must reap it once).
  private let termination = Mutex<Termination?>(nil)

  /// Starts `executable` (a path) with `arguments`; `environment` nil passes the test's own.
  public init(
    executable: String, arguments: [String], environment: [String: String]? = nil,
    standardOutput: Output = .inherit, standardError: Output = .inherit
  ) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var parentEnds: [Int32] = []
    var childEnds: [Int32] = []
    defer { childEnds.forEach { _ = close($0) } }
    func route(_ output: Output, to target: Int32) throws -> Int32 {
      switch output {
      case .inherit:
        return -1
      case .file(let path):
        posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        return -1
      case .pipe:
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw ChildProcessError("pipe", errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        parentEnds.append(ends[0])
        childEnds.append(ends[1])
        posix_spawn_file_actions_adddup2(&actions, ends[1], target)  // the copy is inherited
        return ends[0]
      }
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer {
      argv.forEach { free($0) }
      variables?.forEach { free($0) }
    }
    let (pid, output, error) = try Self.spawning.withLock { _ throws -> (pid_t, Int32, Int32) in
      let output: Int32
      let error: Int32
      do {
        output = try route(standardOutput, to: 1)
        error = try route(standardError, to: 2)
      } catch {
        parentEnds.forEach { _ = close($0) }
        throw error
      }
      var pid: pid_t = 0
      let result =
        if let variables {
          posix_spawn(&pid, executable, &actions, nil, argv, variables)
        } else {
          posix_spawn(&pid, executable, &actions, nil, argv, environ)
        }
      guard result == 0 else {
        parentEnds.forEach { _ = close($0) }
        throw ChildProcessError("posix_spawn \(executable)", result)
      }
      return (pid, output, error)
    }
    self.pid = pid
    self.standardOutput = output
    self.standardError = error
  }

  /// Whether the child has not ended yet (reaps it if it has).
  public var isRunning: Bool {
    termination.withLock { termination in
      if termination != nil { return false }
      var status: Int32 = 0
      guard waitpid(pid, &status, WNOHANG) == pid else { return true }
      termination = Self.termination(status)
      return false
    }
  }

  /// Waits for the child to end.
  @discardableResult
  public func wait() -> Termination {
    termination.withLock { termination in
      if let termination { return termination }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      let ended = Self.termination(status)
      termination = ended
      return ended
    }
  }

  /// Sends `signal` (SIGTERM, SIGKILL…) unless the child has already been reaped.
  public func send(_ signal: Int32) {
    termination.withLock { termination in
      if termination == nil { _ = kill(pid, signal) }
    }
  }

  /// Everything `descriptor` yields until end of file; closes it.
  public static func readToEnd(_ descriptor: Int32) -> [UInt8] {
    defer { _ = close(descriptor) }
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        data += buffer[..<count]
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }

  private static func termination(_ status: Int32) -> Termination {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }
}

/// A system call that failed while starting a child.
public struct ChildProcessError: Error, CustomStringConvertible {
  public var description: String
  init(_ call: String, _ code: Int32) {
    description = "\(call) failed: \(String(cString: strerror(code)))"
  }
}
