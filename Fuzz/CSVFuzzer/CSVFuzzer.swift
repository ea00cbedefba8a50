import CertAuditCSV
import CertAuditCore

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

/// SwiftPM links an executable target's entry point as `CSVFuzzer_main`; it hands over to
/// libFuzzer's driver, which parses libFuzzer's flags and calls the target above.
@_cdecl("CSVFuzzer_main")
public func CSVFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    warmUp()
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzCSV(UnsafeRawPointer(data), size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs the target once so one-time initialisation happens before libFuzzer counts allocations.
func warmUp() {
    let sample = Array("a,b\n1,2026-11-28\n".utf8)
    sample.withUnsafeBytes { _ = fuzzCSV($0.baseAddress, $0.count) }
}
