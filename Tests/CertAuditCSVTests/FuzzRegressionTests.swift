import CertAuditCore
import Foundation
import Testing

@testable import CertAuditCSV

/// Every input the CSV fuzz target ever crashed on (Fuzz/crashes/csv/), replayed exactly as
/// Fuzz/CSVFuzzer ran it: the reader with the fuzzer's limits, then every field of every record
/// through every field parser. Each must now parse to rows with valid line numbers.
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
        let document = CSVDocument.rows(
            of: [UInt8](try Data(contentsOf: input)), limits: CSVLimits(fieldBytes: 4_096, fieldsPerRow: 256))
        #expect(document.rows.allSatisfy { $0.line >= 1 })
        var fields = 0
        for row in document.rows {
            guard case .record(_, let values) = row else { continue }
            for field in values {
                _ = FieldValue.isAbsent(field)
                _ = FieldValue.bool(field)
                _ = FieldValue.integer(field)
                _ = FieldValue.tags(field)
                _ = FieldValue.fen(field)
                _ = TimeField.parse(field, timeZone: .shanghai)
                fields += 1
            }
        }
        #expect(fields > 0, "\(input.lastPathComponent) reached no field parser")
    }
}
