public import CommonAPI
public import RPCCore

/// Who is calling — the seam where authentication plugs in.
///
/// **No enforcement yet.** An auth interceptor (issue 4, item 5) will verify the bearer token
/// and put the caller into `ServerContext.values[CallerKey.self]`; until then every call is
/// `.anonymous` unless a test or embedding code sets it. Today the caller is used only to
/// *record* who made a change (`ChangeEvent.actor`) and to shape what reads reveal (drafts and
/// producer contacts only for the owner, admins and the system). Write permissions (a producer
/// edits only its own objects) are the one hook ``CatalogueServiceImpl`` calls before every
/// write, `authorizeWrite`, which currently allows everything.
public struct Caller: Sendable, Hashable {
  /// The role the caller acts in.
  public var role: Role
  /// The producer or buyer id for those roles; empty otherwise.
  public var id: String

  /// A caller in `role`, bound to `id` for producers and buyers.
  public init(role: Role, id: String = "") {
    self.role = role
    self.id = id
  }

  /// No token.
  public static let anonymous = Caller(role: .unspecified)
  /// An administrator.
  public static let admin = Caller(role: .admin)
  /// The platform itself (seeding, migrations, other services).
  public static let system = Caller(role: .system)
  /// A producer-role caller bound to `id`.
  public static func producer(_ id: String) -> Caller { Caller(role: .producer, id: id) }

  /// The caller as recorded in change events.
  public var actor: CommonAPI.Actor { CommonAPI.Actor(role: role, id: id) }

  /// Whether the caller sees everything (drafts, contacts) of every producer.
  public var isPrivileged: Bool { role == .admin || role == .system }

  /// Whether the caller may see the private parts (drafts, contact) of `producerID`'s data.
  public func canSeePrivateData(ofProducer producerID: String) -> Bool {
    isPrivileged || (role == .producer && !id.isEmpty && id == producerID)
  }

  /// The caller an interceptor attached to `context`, or `.anonymous`.
  public static func from(_ context: ServerContext) -> Caller {
    context.values[CallerKey.self] ?? .anonymous
  }
}

/// The `ContextValues` key under which an auth interceptor stores the ``Caller``.
public enum CallerKey: ContextKey {
  public typealias Value = Caller
}
