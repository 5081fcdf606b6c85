// craftctl: the command-line client of the Làng Nghề Connect catalogue.

import ArgumentParser

@main
struct Craftctl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "craftctl",
    abstract:
      "Search and edit the Làng Nghề Connect catalogue (products, producers, villages), match buyers with producers, and negotiate and follow orders.",
    discussion: """
      Tables for people; --json for scripts (one JSON object per command, proto field names).
      Exit codes: 0 ok, 1 unexpected error, 2 bad input, 3 import rows rejected,
      10+N gRPC status N from the server (15 NOT_FOUND, 17 PERMISSION_DENIED, 19 FAILED_PRECONDITION,
      20 ABORTED, 24 UNAVAILABLE, 26 UNAUTHENTICATED),
      64 usage error.
      """,
    subcommands: [
      Products.self, Producers.self, Villages.self, MatchCommand.self, RfqCommand.self,
      BuyersCommand.self, OrdersCommand.self, Report.self,
    ])

  @OptionGroup var global: GlobalOptions
}
