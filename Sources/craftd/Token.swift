import ArgumentParser
import Auth
import CommonAPI
import Foundation

/// `craftd token`: issues, lists and revokes the bearer tokens of a data directory.
///
/// Works on the files (`auth.key`, `auth.sqlite`), so it runs beside a serving craftd; a
/// revocation reaches the running server within `TokenAuthority.revocationCheckInterval`.
struct Token: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Issue (default), list or revoke bearer tokens.",
    subcommands: [Issue.self, List.self, Revoke.self], defaultSubcommand: Issue.self)

  struct DataDirectory: ParsableArguments {
    @Option(help: "The server's data directory (env CRAFTD_DATA_DIR).")
    var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

    @Option(help: "The deployment's auth directory, if not the data directory (env CRAFTD_AUTH_DIR).")
    var authDir: String = ProcessInfo.processInfo.environment["CRAFTD_AUTH_DIR"] ?? ""

    /// Where `auth.key` and `auth.sqlite` are.
    var path: String { authDir.isEmpty ? dataDir : authDir }
  }

  struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a new bearer token on stdout (its id and expiry on stderr).")

    @OptionGroup var directory: DataDirectory

    @Option(help: "producer, buyer, analyst, admin or system.")
    var role: String

    @Option(help: "The producer or buyer id the token is bound to (required for those roles).")
    var subject: String = ""

    @Option(help: "Days the token is valid.")
    var days: Int = 30

    func validate() throws {
      guard let role = Role(displayName: role) else {
        throw ValidationError("--role must be producer, buyer, analyst, admin or system")
      }
      if role.needsSubject && subject.isEmpty {
        throw ValidationError("a \(role.displayName) token needs --subject ID")
      }
      guard (1...3650).contains(days) else { throw ValidationError("--days must be in 1...3650") }
    }

    func run() async throws {
      let authority = try TokenAuthority(dataDirectory: directory.path)
      let (token, claims) = try await authority.issue(
        role: Role(displayName: role)!, subject: subject, lifetime: .seconds(days * 86_400))
      await authority.close()
      print(token)
      let expiry = Date(timeIntervalSince1970: TimeInterval(claims.expiresAt))
      FileHandle.standardError.write(
        Data("token \(claims.id) (\(role)\(subject.isEmpty ? "" : " \(subject)")) expires \(expiry)\n".utf8))
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List issued tokens (ids, not secrets).")

    @OptionGroup var directory: DataDirectory

    func run() async throws {
      let authority = try TokenAuthority(dataDirectory: directory.path)
      let tokens = try await authority.issuedTokens()
      await authority.close()
      print("ID                                ROLE      SUBJECT               EXPIRES     STATE")
      let now = Int64(Date().timeIntervalSince1970)
      for token in tokens {
        let claims = token.claims
        let state =
          token.revokedAt != nil ? "revoked" : claims.expiresAt <= now ? "expired" : "valid"
        let expires = ISO8601DateFormatter.string(
          from: Date(timeIntervalSince1970: TimeInterval(claims.expiresAt)),
          timeZone: .gmt, formatOptions: [.withFullDate])
        print(
          [
            claims.id, claims.role.displayName.padding(8), claims.subject.padding(20), expires,
            state,
          ].joined(separator: "  "))
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")

    @OptionGroup var directory: DataDirectory

    @Argument(help: "The token id (from `craftd token list` or the issue message).")
    var id: String

    func run() async throws {
      let authority = try TokenAuthority(dataDirectory: directory.path)
      let revoked = try await authority.revoke(id: id)
      await authority.close()
      guard revoked else { throw ValidationError("no valid token with id \(id)") }
      print("revoked \(id)")
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
