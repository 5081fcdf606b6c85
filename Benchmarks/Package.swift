// swift-tools-version: 6.1
// craft-bench: our hand-written codec (ProtoWire + the hand-written API types) against
// swift-protobuf 1.39.0 on the same messages, in one process. A nested package so that
// swift-protobuf never enters the main build. Run with `Benchmarks/run.sh`.
// catalogue-bench: catalogue search latency and bulk-import rate on 100,000 listings.
// Run with `Benchmarks/run.sh catalogue`.
// orders-bench: CreateOrder throughput and latency across two craftd processes (catalogue and
// orders). Run with `Deploy/bench/orders.sh`, which starts them.
// matching-bench: ranking latency of the matching engine over 50,000 listings / 5,000
// producers. Run with `Benchmarks/run.sh matching`.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "craft-benchmarks",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "craft-bench", targets: ["craft-bench"]),
    .executable(name: "catalogue-bench", targets: ["catalogue-bench"]),
    .executable(name: "orders-bench", targets: ["orders-bench"]),
    .executable(name: "matching-bench", targets: ["matching-bench"]),
  ],
  dependencies: [
    // The root package, whatever its checkout folder is called.
    .package(name: "lang-nghe-connect", path: ".."),
    .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
  ],
  targets: [
    // swift-protobuf's code for Protos/craft/common/v1 and Protos/craft/catalogue/v1, generated
    // once by protoc-gen-swift 1.39.0 and committed (see regenerate.sh). A separate module so its
    // type names (Craft_Catalogue_V1_Listing, ...) never meet ours.
    .target(
      name: "SwiftProtobufMessages",
      dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
      exclude: ["README.md"],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .executableTarget(
      name: "craft-bench",
      dependencies: [
        "SwiftProtobufMessages",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ProtoWire", package: "lang-nghe-connect"),
        .product(name: "CommonAPI", package: "lang-nghe-connect"),
        .product(name: "CatalogueAPI", package: "lang-nghe-connect"),
      ],
      swiftSettings: swiftSettings),
    // Catalogue search latency and import rate on a 100,000-listing SQLite file; needs neither
    // swift-protobuf nor NIO, so `run.sh catalogue` builds only the store and what it uses.
    // Per-call latency percentiles and their table, shared by the store benchmarks.
    .target(name: "BenchSupport", swiftSettings: swiftSettings),
    .executableTarget(
      name: "catalogue-bench",
      dependencies: [
        "BenchSupport",
        .product(name: "Auth", package: "lang-nghe-connect"),
        .product(name: "Catalogue", package: "lang-nghe-connect"),
        .product(name: "CatalogueAPI", package: "lang-nghe-connect"),
        .product(name: "CommonAPI", package: "lang-nghe-connect"),
        .product(name: "ProtoWire", package: "lang-nghe-connect"),
        .product(name: "Storage", package: "lang-nghe-connect"),
      ],
      swiftSettings: swiftSettings),
    // CreateOrder throughput over loopback against two running craftd processes.
    .executableTarget(
      name: "orders-bench",
      dependencies: [
        .product(name: "CatalogueAPI", package: "lang-nghe-connect"),
        .product(name: "CommonAPI", package: "lang-nghe-connect"),
        .product(name: "OrdersAPI", package: "lang-nghe-connect"),
        .product(name: "RPCCore", package: "lang-nghe-connect"),
        .product(name: "RPCHTTP2", package: "lang-nghe-connect"),
      ],
      swiftSettings: swiftSettings),
    // Ranking latency over 50,000 listings / 5,000 producers through the real matching service
    // (in-process RPC, SQLite store), with text search and a bare pass in the same run.
    .executableTarget(
      name: "matching-bench",
      dependencies: [
        "BenchSupport",
        .product(name: "Auth", package: "lang-nghe-connect"),
        .product(name: "Catalogue", package: "lang-nghe-connect"),
        .product(name: "CatalogueAPI", package: "lang-nghe-connect"),
        .product(name: "CommonAPI", package: "lang-nghe-connect"),
        .product(name: "Matching", package: "lang-nghe-connect"),
        .product(name: "MatchingAPI", package: "lang-nghe-connect"),
        .product(name: "MatchingEval", package: "lang-nghe-connect"),
        .product(name: "RPCCore", package: "lang-nghe-connect"),
        .product(name: "Storage", package: "lang-nghe-connect"),
      ],
      swiftSettings: swiftSettings),
  ]
)
