// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// certaudit: modules follow the pipeline stages of DESIGN.md. Only CertAuditX509 talks to OpenSSL
/// and only CertAuditReport to libxml2; everything else works on plain values from CertAuditCore.
let package = Package(
    name: "certaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "certaudit", targets: ["certaudit"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CMimalloc", path: "Sources/CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(name: "CertAuditShims", dependencies: ["COpenSSL"]),
        .target(name: "CDirectIO"),
        .target(name: "CThreadPriority"),
        .target(name: "CertAuditCore", dependencies: ["CThreadPriority"]),
        .target(name: "CertAuditCSV", dependencies: ["CertAuditCore"]),
        .target(
            name: "CertAuditX509",
            dependencies: [
                "CertAuditCore", "COpenSSL", "CertAuditShims", "CZlib", "CDirectIO",
            ]),
        .target(
            name: "CertAuditIngest",
            dependencies: ["CertAuditCore", "CertAuditCSV", "CertAuditX509"]),
        .target(name: "CertAuditConsole", dependencies: ["CertAuditCore"]),
        .target(
            name: "CertAuditRules",
            dependencies: ["CertAuditCore", "CertAuditConsole", "CertAuditSimulation", "CertAuditLedger"]),
        .target(name: "CertAuditLedger", dependencies: ["CertAuditCore", "CertAuditConsole"]),
        .target(
            name: "CertAuditSimulation",
            dependencies: [
                "CertAuditCore", "CertAuditConsole", "CertAuditLedger",
                .product(name: "HeapModule", package: "swift-collections"),
            ]),
        .target(
            name: "CertAuditReport",
            dependencies: [
                "CertAuditCore", "CertAuditRules", "CertAuditSimulation", "CLibXML2", "CDirectIO",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "CertAuditRun",
            dependencies: [
                "CertAuditCore", "CertAuditIngest", "CertAuditRules", "CertAuditSimulation", "CertAuditLedger",
                "CertAuditReport", "CertAuditX509", .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        .executableTarget(
            name: "certaudit",
            dependencies: [
                "CertAuditRun", "CertAuditCore", "CertAuditRules", "CertAuditX509", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "CertAuditCoreTests", dependencies: ["CertAuditCore"]),
        .testTarget(name: "CertAuditConsoleTests", dependencies: ["CertAuditConsole", "CertAuditCore"]),
        .testTarget(
            name: "CertAuditSimulationTests",
            dependencies: ["CertAuditSimulation", "CertAuditConsole", "CertAuditCore", "CertAuditRules"]),
        .testTarget(name: "CertAuditLedgerTests", dependencies: ["CertAuditLedger", "CertAuditCore"]),
        .testTarget(name: "CertAuditCSVTests", dependencies: ["CertAuditCSV", "CertAuditCore"]),
        .testTarget(
            name: "CertAuditX509Tests", dependencies: ["CertAuditX509", "CertAuditCore", "COpenSSL", "CertAuditShims"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CertAuditIngestTests",
            dependencies: ["CertAuditIngest", "CertAuditCore", "CertAuditCSV"]),
        .testTarget(
            name: "CertAuditRulesTests",
            dependencies: [
                "CertAuditRules", "CertAuditConsole", "CertAuditSimulation", "CertAuditLedger", "CertAuditCore",
                "CertAuditX509",
            ]),
        .testTarget(
            name: "CertAuditReportTests",
            dependencies: ["CertAuditReport", "CertAuditRules", "CertAuditCore", "CLibXML2"]),
        .testTarget(
            name: "CertAuditRunTests",
            dependencies: [
                "CertAuditRun", "CertAuditCore", "CertAuditReport", "CertAuditIngest", "CertAuditRules", "CertAuditCSV",
                "CertAuditLedger",
                "CertAuditSimulation",
            ]),
    ],
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets, built only by `make fuzz` (which sets CERTAUDIT_FUZZ=1 and passes
/// -sanitize=fuzzer,address): a normal build has no libFuzzer runtime to link them with.
if ProcessInfo.processInfo.environment["CERTAUDIT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzerDriver", path: "Fuzz/FuzzerDriver"),
        .executableTarget(
            name: "CSVFuzzer", dependencies: ["CertAuditCSV", "CertAuditCore", "FuzzerDriver"], path: "Fuzz/CSVFuzzer",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "BundleFuzzer", dependencies: ["CertAuditX509", "CertAuditCore", "FuzzerDriver"],
            path: "Fuzz/BundleFuzzer",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "EstateFuzzer",
            dependencies: [
                "CertAuditRun", "CertAuditReport", "CertAuditCore", "FuzzerDriver",
            ],
            path: "Fuzz/EstateFuzzer", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
}
