import ArgumentParser
import CatalogueAPI
import CommonAPI
import CraftCLI
import Foundation
import RPCCore
import RPCHTTP2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options every command takes, before or after the subcommand names.
struct GlobalOptions: ParsableArguments {
  @Option(help: "Server address HOST:PORT (env CRAFTCTL_ADDR).")
  var addr: String = ProcessInfo.processInfo.environment["CRAFTCTL_ADDR"] ?? "127.0.0.1:50051"

  @Option(help: "Bearer token for writes, sent as `authorization: Bearer …` (env CRAFTCTL_TOKEN).")
  var token: String = ProcessInfo.processInfo.environment["CRAFTCTL_TOKEN"] ?? ""

  @Flag(help: "Print JSON for scripts instead of tables.")
  var json = false

  @Option(help: "Seconds each call may take.")
  var timeout: Double = 30

  func validate() throws {
    _ = try hostAndPort()
    guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
  }

  /// `--addr` split into host and port; "[::1]:50051" for IPv6.
  func hostAndPort() throws -> (host: String, port: Int) {
    guard let colon = addr.lastIndex(of: ":"), let port = Int(addr[addr.index(after: colon)...]),
      (1...65535).contains(port)
    else { throw ValidationError("--addr must be HOST:PORT, e.g. 127.0.0.1:50051 (got \"\(addr)\")") }
    var host = String(addr[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else { throw ValidationError("--addr: missing host in \"\(addr)\"") }
    return (host, port)
  }

  /// Per-call metadata: the bearer token when there is one.
  var metadata: Metadata {
    var metadata: Metadata = [:]
    if !token.isEmpty { metadata.addString("Bearer \(token)", forKey: "authorization") }
    return metadata
  }

  var callOptions: CallOptions {
    CallOptions(timeout: .milliseconds(Int64((timeout * 1000).rounded())))
  }

  /// Runs `body` with a client connected to `--addr`, and turns every failure into a message
  /// on standard error and a distinct exit code (see `CraftctlExitCode`).
  func withClient(_ body: (RPCClient) async throws -> Void) async throws {
    let (host, port) = try hostAndPort()
    let transport = HTTP2ClientTransport(host: host, port: port)
    do {
      try await body(RPCClient(transport: transport))
      await transport.close()
    } catch let error as RPCError {
      await transport.close()
      printError("\(error.code.name): \(error.message)")
      throw ExitCode(CraftctlExitCode.forStatus(error.code))
    } catch let error as InputError {
      await transport.close()
      printError(error.message)
      throw ExitCode(CraftctlExitCode.badInput)
    } catch let error as ImportFileError {
      await transport.close()
      printError(error.message)
      throw ExitCode(CraftctlExitCode.badInput)
    } catch {
      await transport.close()
      throw error
    }
  }

  /// Runs `body` with a catalogue client; failures as in ``withClient(_:)``.
  func run(_ body: (Catalogue) async throws -> Void) async throws {
    try await withClient { client in
      try await body(
        Catalogue(client: CatalogueServiceClient(client), metadata: metadata, options: callOptions))
    }
  }

  /// Prints `value` as one line of JSON, or `table`, on standard output.
  func output(_ value: @autoclosure () -> JSONValue, table: @autoclosure () -> Table) {
    output(value(), text: table().render())
  }

  /// Prints `value` as one line of JSON, or `text` (several tables, ending in a newline).
  func output(_ value: @autoclosure () -> JSONValue, text: @autoclosure () -> String) {
    if json { print(value().serialized) } else { print(text(), terminator: "") }
  }

  /// One page of a list: `{key: [...], "next_page_token": …}` as JSON, else the table and how
  /// to ask for the next page.
  func outputPage(
    _ key: String, _ items: @autoclosure () -> [JSONValue], table: @autoclosure () -> Table,
    nextPageToken: String
  ) {
    output([key: .array(items()), "next_page_token": .string(nextPageToken)], table: table())
    if !json && !nextPageToken.isEmpty { print("next page: --page-token \(nextPageToken)") }
  }
}

/// The typed client with this invocation's metadata and call options.
struct Catalogue {
  let client: CatalogueServiceClient
  let metadata: Metadata
  let options: CallOptions

  /// Every village, following page tokens.
  func allVillages(district: String = "", craft: CraftCategory = .unspecified) async throws
    -> [Village]
  {
    var request = ListVillagesRequest()
    request.pageSize = 200
    request.district = district
    request.craft = craft
    var villages: [Village] = []
    repeat {
      let page = try await client.listVillages(request, metadata: metadata, options: options).message
      villages += page.villages
      request.pageToken = page.nextPageToken
    } while !request.pageToken.isEmpty
    return villages
  }

  /// The ids of the villages `names` name (ids, names with or without tone marks).
  func villageIDs(_ names: [String]) async throws -> [String] {
    guard !names.isEmpty else { return [] }
    let villages = try await allVillages()
    return try names.map { try VillageResolver.resolve($0, in: villages) }
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
}

/// A line for people on standard error, beside the output scripts read.
func printNote(_ message: String) {
  FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// Whether standard error is a terminal (progress bars only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
