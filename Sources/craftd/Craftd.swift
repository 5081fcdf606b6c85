// craftd: the Làng Nghề Connect server.

import ArgumentParser

@main
struct Craftd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "craftd",
    abstract: "The Làng Nghề Connect server: catalogue, matching and orders over gRPC.",
    subcommands: [Serve.self, Token.self, Health.self, Interop.self])
}
