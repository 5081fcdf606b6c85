import Foundation
import RPCCore
import RPCStandardServices

/// Health and reflection, wired to the services a server registers.
struct StandardServices {
  let router: RPCRouter
  let health: HealthService

  /// A router serving `services`, health (every service SERVING) and reflection over the
  /// committed descriptor set, with `interceptors` around every call.
  static func make(
    registering services: [any RPCService], interceptors: [any ServerInterceptor] = []
  ) throws -> StandardServices {
    var router = RPCRouter(interceptors: interceptors)
    for service in services { router.register(service) }
    let health = HealthService()
    router.register(health)
    let reflection = try ReflectionService.fromBundledDescriptors(serviceNames: router.serviceNames)
    for handler in reflection.methodHandlers { router.register(handler) }
    health.setStatus(.serving, forService: "")
    for name in router.serviceNames { health.setStatus(.serving, forService: name) }
    return StandardServices(router: router, health: health)
  }
}

extension ReflectionService {
  /// Reflection over the FileDescriptorSet of `Protos/` bundled with craftd.
  static func fromBundledDescriptors(serviceNames: [String]) throws -> ReflectionService {
    guard let url = Bundle.module.url(forResource: "descriptors", withExtension: "binpb") else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try ReflectionService(
      serializedFileDescriptorSet: [UInt8](Data(contentsOf: url)), serviceNames: serviceNames)
  }
}
