// swift-tools-version: 6.1
// grpc-swift-baseline: grpc-swift-2 serving grpc.testing.TestService (EmptyCall, UnaryCall) over
// HTTP/2 plaintext with the NIO posix transport — the comparison server for Deploy/bench/rpc.sh.
// A nested package so that grpc-swift-2, swift-nio-http2 and swift-protobuf never enter the main
// build. The swift-protobuf / grpc-swift-2 code is generated once and committed (regenerate.sh).
import PackageDescription

let package = Package(
  name: "grpc-swift-baseline",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "grpc-swift-baseline", targets: ["grpc-swift-baseline"])
  ],
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
  ],
  targets: [
    .executableTarget(
      name: "grpc-swift-baseline",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)
