import CertAuditCSV
import CertAuditCore
import FuzzerDriver

/// libFuzzer target: any bytes through the CSV parser, and every field through the value parsers.
/// Built only by `make fuzz` (CERTAUDIT_FUZZ=1), with -sanitize=fuzzer,address.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let document = CSVDocument.rows(of: bytes, limits: CSVLimits(fieldBytes: 4_096, fieldsPerRow: 256))
    for row in document.rows {
        guard case .record(let line, let fields) = row else { continue }
        precondition(line >= 1)
        for field in fields {
            _ = FieldValue.isAbsent(field)
            _ = FieldValue.bool(field)
            _ = FieldValue.integer(field)
            _ = FieldValue.tags(field)
            _ = FieldValue.fen(field)
            _ = TimeField.parse(field, timeZone: .shanghai)
        }
    }
    return 0
}

/// The entry point SwiftPM links (`CSVFuzzer_main`), handed to libFuzzer's driver.
@_cdecl("CSVFuzzer_main")
public func csvFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, warmUp: warmUp) { data, size in fuzzCSV(UnsafeRawPointer(data), size) }
}

/// Runs the target once so one-time initialisation happens before libFuzzer counts allocations.
func warmUp() {
    let sample = Array("a,b\n1,2026-11-28\n".utf8)
    sample.withUnsafeBytes { _ = fuzzCSV($0.baseAddress, $0.count) }
}
