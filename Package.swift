// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target: Swift 6 mode with strict concurrency,
/// explicit `any`, and imports that do not leak into a module's public API.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "lang-nghe-connect",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "ProtoWire", targets: ["ProtoWire"]),
    .library(name: "CommonAPI", targets: ["CommonAPI"]),
    .library(name: "CatalogueAPI", targets: ["CatalogueAPI"]),
    .library(name: "MatchingAPI", targets: ["MatchingAPI"]),
    .library(name: "OrdersAPI", targets: ["OrdersAPI"]),
    .library(name: "InteropAPI", targets: ["InteropAPI"]),
    .library(name: "RPCStandardServices", targets: ["RPCStandardServices"]),
    .library(name: "RPCCore", targets: ["RPCCore"]),
    .library(name: "Storage", targets: ["Storage"]),
    .library(name: "RPCHTTP2", targets: ["RPCHTTP2"]),
    .library(name: "RPCInProcess", targets: ["RPCInProcess"]),
    .library(name: "Auth", targets: ["Auth"]),
    .library(name: "Telemetry", targets: ["Telemetry"]),
    // For tools outside this package (Benchmarks/ catalogue-bench, matching-bench) that drive
    // the stores directly.
    .library(name: "Catalogue", targets: ["Catalogue"]),
    .library(name: "Matching", targets: ["Matching"]),
    .library(name: "MatchingEval", targets: ["MatchingEval"]),
    .executable(name: "craftd", targets: ["craftd"]),
    .executable(name: "craftctl", targets: ["craftctl"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    // Already in the graph through swift-prometheus; Storage reports write latency through it.
    .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
  ],
  targets: [
    // System libraries, found through pkg-config; `providers` tells a newcomer what to install.
    .systemLibrary(
      name: "CNGHTTP2", pkgConfig: "libnghttp2",
      providers: [.apt(["libnghttp2-dev"])]),
    .systemLibrary(
      name: "CSQLite3", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // The protobuf binary wire format, hand-written, with no dependencies.
    .target(name: "ProtoWire", swiftSettings: swiftSettings),

    // gRPC semantics without I/O: status, metadata, deadlines, framing, routing, call APIs.
    .target(name: "RPCCore", dependencies: ["ProtoWire", "CZlib"], swiftSettings: swiftSettings),

    // The transport: gRPC over HTTP/2 on libnghttp2, driven by SwiftNIO.
    .target(
      name: "RPCHTTP2",
      dependencies: [
        "RPCCore", "CNGHTTP2",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings),

    // An in-memory transport pair, so services are testable without sockets.
    .target(name: "RPCInProcess", dependencies: ["RPCCore"], swiftSettings: swiftSettings),

    // SQLite through its C API: statements, transactions, WAL readers, migrations, text folding.
    .target(
      name: "Storage",
      dependencies: ["CSQLite3", .product(name: "CoreMetrics", package: "swift-metrics")],
      swiftSettings: swiftSettings),

    // The contract (Protos/) as hand-written Swift messages.
    .target(name: "CommonAPI", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .target(
      name: "CatalogueAPI", dependencies: ["ProtoWire", "CommonAPI", "RPCCore"],
      swiftSettings: swiftSettings),
    .target(
      name: "MatchingAPI", dependencies: ["ProtoWire", "CommonAPI", "RPCCore"],
      swiftSettings: swiftSettings),
    .target(
      name: "OrdersAPI", dependencies: ["ProtoWire", "CommonAPI", "RPCCore"],
      swiftSettings: swiftSettings),
    .target(
      name: "InteropAPI", dependencies: ["ProtoWire", "RPCCore"], swiftSettings: swiftSettings),
    .target(
      name: "RPCStandardServices", dependencies: ["ProtoWire", "RPCCore"],
      swiftSettings: swiftSettings),
    .target(
      name: "InteropService", dependencies: ["InteropAPI", "RPCCore"], swiftSettings: swiftSettings),
    // Bearer tokens (HMAC-SHA256, revocable) and the caller every service authorizes.
    .target(
      name: "Auth",
      dependencies: [
        "CommonAPI", "RPCCore", "Storage", .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings),
    // Prometheus metrics of calls, connections and feeds, served on a plain-HTTP port.
    .target(
      name: "Telemetry",
      dependencies: [
        "RPCCore", .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .target(
      name: "Catalogue", dependencies: ["Auth", "CatalogueAPI", "CommonAPI", "Storage", "RPCCore"],
      swiftSettings: swiftSettings),
    // Buyers, RFQs, the explained matching engine and introductions; reads the catalogue and
    // the orders only through their API clients (their change feeds).
    .target(
      name: "Matching",
      dependencies: [
        "Auth", "MatchingAPI", "CatalogueAPI", "OrdersAPI", "CommonAPI", "ProtoWire", "Storage",
        "RPCCore",
      ],
      swiftSettings: swiftSettings),
    // Quotes and orders; validates order lines against the catalogue over its RPC client.
    .target(
      name: "Orders",
      dependencies: [
        "Auth", "OrdersAPI", "CatalogueAPI", "CommonAPI", "ProtoWire", "Storage", "RPCCore",
      ],
      swiftSettings: swiftSettings),

    // The server executable.
    .executableTarget(
      name: "craftd",
      dependencies: [
        "Auth", "RPCCore", "RPCHTTP2", "RPCInProcess", "RPCStandardServices", "InteropService",
        "Catalogue", "CatalogueAPI", "CommonAPI", "Matching", "MatchingAPI", "Orders", "OrdersAPI",
        "Telemetry",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      // The FileDescriptorSet of Protos/ that reflection serves (Deploy/contract/generate.sh).
      resources: [.copy("Resources/descriptors.binpb")],
      swiftSettings: swiftSettings),

    // The command-line client: its logic (CSV, tables, JSON, flag parsing) in a library the
    // tests import, the commands and I/O in the executable.
    .target(
      name: "CraftCLI",
      dependencies: ["CatalogueAPI", "CommonAPI", "MatchingAPI", "OrdersAPI", "ProtoWire", "RPCCore"],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "craftctl",
      dependencies: [
        "CraftCLI", "CatalogueAPI", "CommonAPI", "MatchingAPI", "OrdersAPI", "ProtoWire", "RPCCore",
        "RPCHTTP2",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings),

    // The matching engine's offline evaluation (simulated buyers with hidden preferences,
    // NDCG@10 and recall@10 against text-search baselines); Benchmarks/ matching-bench reuses
    // its in-process world and BM25 baseline.
    .target(
      name: "MatchingEval",
      dependencies: [
        "Auth", "CatalogueAPI", "CommonAPI", "Matching", "MatchingAPI", "RPCCore", "RPCInProcess",
        "Storage",
      ],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "matching-eval",
      dependencies: [
        "MatchingEval", "Catalogue", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings),

    .testTarget(
      name: "ProtoWireTests", dependencies: ["ProtoWire", "RPCTestSupport"], swiftSettings: swiftSettings),
    .testTarget(
      name: "MatchingTests",
      dependencies: [
        "RPCTestSupport", "ServiceTestSupport", "Auth", "Catalogue", "CatalogueAPI", "CommonAPI",
        "CraftCLI", "Matching",
        "MatchingAPI", "MatchingEval", "Orders", "OrdersAPI", "ProtoWire", "RPCInProcess", "RPCCore",
        "Storage",
      ],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CatalogueTests",
      dependencies: [
        "RPCTestSupport", "ServiceTestSupport", "Auth", "Catalogue", "CatalogueAPI", "CommonAPI",
        "RPCInProcess",
        "RPCCore", "Storage", "catalogue-crash-writer",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "OrdersTests",
      dependencies: [
        "RPCTestSupport", "ServiceTestSupport", "Auth", "Catalogue", "CatalogueAPI", "CommonAPI",
        "Orders", "OrdersAPI",
        "ProtoWire", "RPCInProcess", "RPCCore", "Storage",
      ],
      swiftSettings: swiftSettings),
    // Test helper: writes listings until killed; the durability test runs it as a child process
    // and sends it SIGKILL (listed as a dependency above so it is built before the tests).
    .executableTarget(
      name: "catalogue-crash-writer", dependencies: ["Auth", "Catalogue", "CatalogueAPI", "CommonAPI"],
      path: "Tests/CatalogueCrashWriter", swiftSettings: swiftSettings),
    // Helpers shared by the RPC-level test targets.
    .target(
      name: "RPCTestSupport", dependencies: ["RPCCore"], path: "Tests/RPCTestSupport",
      swiftSettings: swiftSettings),
    // Test helpers of the service test targets: a fixed caller in place of a token, a clock.
    .target(
      name: "ServiceTestSupport", dependencies: ["Auth", "RPCCore"], path: "Tests/ServiceTestSupport",
      swiftSettings: swiftSettings),
    .testTarget(
      name: "AuthTests",
      dependencies: ["RPCTestSupport", "Auth", "CommonAPI", "RPCCore"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CraftctlTests",
      dependencies: ["CraftCLI", "CatalogueAPI", "CommonAPI", "MatchingAPI", "RPCCore", "RPCTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TelemetryTests",
      dependencies: [
        "RPCTestSupport", "Telemetry", "RPCCore", "RPCInProcess", "InteropAPI", "InteropService",
        "Storage", "Auth", "Catalogue", "CatalogueAPI", "CommonAPI", "Matching", "Orders",
        "OrdersAPI", .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "StorageTests", dependencies: ["RPCTestSupport", "Storage"], swiftSettings: swiftSettings),
    .testTarget(
      name: "RPCHTTP2Tests",
      dependencies: [
        "RPCHTTP2", "RPCCore", "InteropAPI", "InteropService",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "InteropServiceTests",
      dependencies: ["RPCTestSupport", "InteropAPI", "InteropService", "RPCCore", "ProtoWire", "RPCInProcess"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "RPCStandardServicesTests",
      dependencies: ["RPCStandardServices", "RPCCore", "ProtoWire"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "RPCCoreTests", dependencies: ["RPCTestSupport", "RPCCore", "RPCInProcess"], swiftSettings: swiftSettings),
    .testTarget(
      name: "RPCInProcessTests", dependencies: ["RPCTestSupport", "RPCInProcess", "RPCCore", "InteropAPI"],
      swiftSettings: swiftSettings),
    // Every method of every service behind the real AuthInterceptor: hostile and mutated input
    // (a property test over the contract's descriptors) and the token/role matrix.
    .testTarget(
      name: "ServiceHardeningTests",
      dependencies: [
        "RPCTestSupport", "Auth", "Catalogue", "CatalogueAPI", "CommonAPI", "Matching",
        "MatchingAPI", "Orders", "OrdersAPI", "ProtoWire", "RPCCore", "RPCHTTP2", "RPCInProcess",
        "RPCStandardServices", "Storage", .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ContractTests",
      dependencies: [
        "ProtoWire", "CommonAPI", "CatalogueAPI", "MatchingAPI", "OrdersAPI", "InteropAPI",
        "RPCStandardServices",
      ],
      exclude: ["Protos"],
      resources: [.copy("Vectors")],
      swiftSettings: swiftSettings),
  ]
)
