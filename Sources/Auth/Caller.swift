public import CommonAPI
public import RPCCore

/// Who is calling, as the ``AuthInterceptor`` established it from the bearer token.
///
/// Services read it with ``from(_:)`` and decide with the checks below; they never parse
/// tokens themselves. The checks throw `RPCError`s with the statuses the contract promises:
/// no token where one is needed → `UNAUTHENTICATED`, a token of the wrong role or owner →
/// `PERMISSION_DENIED`.
public struct Caller: Sendable, Hashable {
  /// The role the caller acts in; `.unspecified` without a token.
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
  /// A buyer-role caller bound to `id`.
  public static func buyer(_ id: String) -> Caller { Caller(role: .buyer, id: id) }

  /// The caller as recorded in change events.
  public var actor: CommonAPI.Actor { CommonAPI.Actor(role: role, id: id) }

  /// Whether a token was presented.
  public var isAuthenticated: Bool { role != .unspecified }

  /// Whether the caller sees and may change everything (admins and the platform).
  public var isPrivileged: Bool { role == .admin || role == .system }

  /// Whether the caller may see the private parts (drafts, contact) of `producerID`'s data.
  public func canSeePrivateData(ofProducer producerID: String) -> Bool {
    isPrivileged || (role == .producer && !id.isEmpty && id == producerID)
  }

  /// The caller an interceptor attached to `context`, or `.anonymous`.
  public static func from(_ context: ServerContext) -> Caller {
    context.values[CallerKey.self] ?? .anonymous
  }

  // MARK: Checks

  /// Throws `UNAUTHENTICATED` unless a valid token was presented.
  public func requireAuthenticated() throws(RPCError) {
    guard isAuthenticated else {
      throw RPCError(
        code: .unauthenticated,
        message: "this method needs a bearer token in the authorization metadata")
    }
  }

  /// Throws unless the caller is privileged or has one of `roles`.
  public func requireRole(_ roles: Role...) throws(RPCError) {
    try requireAuthenticated()
    guard isPrivileged || roles.contains(role) else {
      throw RPCError(
        code: .permissionDenied,
        message: "role \(role.displayName) may not call this method")
    }
  }

  /// Throws unless the caller may change `producerID`'s objects: that producer itself, an
  /// admin or the platform.
  public func requireEditor(ofProducer producerID: String) throws(RPCError) {
    try requireAuthenticated()
    guard isPrivileged || (role == .producer && !id.isEmpty && id == producerID) else {
      throw RPCError(
        code: .permissionDenied,
        message: role == .producer
          ? "producer \(id) may change only its own data, not producer \(producerID)'s"
          : "role \(role.displayName) may not change producer data")
    }
  }
}

/// The `ContextValues` key under which the ``AuthInterceptor`` stores the ``Caller``.
public enum CallerKey: ContextKey {
  public typealias Value = Caller
}

extension Role {
  /// The role's name as `craftd token --role` takes it: `producer`, `buyer`, …
  public var displayName: String {
    switch self {
    case .unspecified: "anonymous"
    case .producer: "producer"
    case .buyer: "buyer"
    case .analyst: "analyst"
    case .admin: "admin"
    case .system: "system"
    default: "role \(rawValue)"
    }
  }

  /// The role named `name` (as ``displayName`` spells it), if any; never `.unspecified`.
  public init?(displayName name: String) {
    let roles: [Role] = [.producer, .buyer, .analyst, .admin, .system]
    guard let role = roles.first(where: { $0.displayName == name.lowercased() }) else {
      return nil
    }
    self = role
  }

  /// Whether tokens of this role are bound to an id (producer and buyer).
  public var needsSubject: Bool { self == .producer || self == .buyer }
}
