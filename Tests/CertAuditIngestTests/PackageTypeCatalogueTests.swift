import Foundation
import Testing

@testable import CertAuditIngest

/// `PackageTypeCatalogue.swift` is generated from spec/package_types.tsv by
/// scripts/gen_package_types.py; like docs/rules.md, it must be what the generator writes today.
struct PackageTypeCatalogueTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// spec/package_types.tsv beside the repository (../shared/spec), when this checkout has it.
    static let table: String? = [
        repository.deletingLastPathComponent().appendingPathComponent("shared/spec/package_types.tsv").path,
        "/work/shared/spec/package_types.tsv",
    ].first { FileManager.default.fileExists(atPath: $0) }

    @Test(.enabled(if: table != nil, "spec/package_types.tsv is not beside this checkout"))
    func theCommittedCatalogueIsWhatTheGeneratorWrites() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-package-types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let generated = scratch.appendingPathComponent("PackageTypeCatalogue.swift")
        let errors = scratch.appendingPathComponent("stderr")
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.repository.appendingPathComponent("scripts/gen_package_types.py").path,
            try #require(Self.table), "--output", generated.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        try #require(process.terminationStatus == 0, "gen_package_types.py failed: \(message)")
        let committed = try Data(
            contentsOf: Self.repository.appendingPathComponent(
                "Sources/CertAuditIngest/Tables/PackageTypeCatalogue.swift"))
        #expect(
            try Data(contentsOf: generated) == committed,
            "PackageTypeCatalogue.swift is stale: run python3 scripts/gen_package_types.py")
    }
}
