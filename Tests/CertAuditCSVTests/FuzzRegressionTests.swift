import Foundation
import Testing

@testable import CertAuditCSV

/// Every input the CSV fuzz target ever crashed on (Fuzz/crashes/csv/), replayed: each must now
/// parse to rows with valid line numbers.
struct FuzzRegressionTests {
    static let inputs: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes/csv")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }()

    @Test(.enabled(if: !inputs.isEmpty, "no CSV fuzz finding has been kept"), arguments: inputs)
    func replays(_ input: URL) throws {
        let document = CSVDocument.rows(of: [UInt8](try Data(contentsOf: input)))
        #expect(document.rows.allSatisfy { $0.line >= 1 })
    }
}
