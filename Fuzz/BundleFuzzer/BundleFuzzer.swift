import CertAuditCore
import CertAuditX509
import FuzzerDriver

/// libFuzzer target: any bytes through the bundle reader — PEM scanning, DER, PKCS#7, PKCS#12, keys
/// (with and without a password), facts extraction, leaf finding and chain verification.
/// Built only by `make fuzz` (CERTAUDIT_FUZZ=1), with -sanitize=fuzzer,address.
let trust = try! TrustStore(anchorFiles: [], includeSystemDefaults: false)
let asOf = Instant(secondsSinceEpoch: 1_795_795_200)
/// One cache for the whole run, as an ingest worker keeps one for all its bundles.
nonisolated(unsafe) let cache = CertificateCache()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let password = bytes.count % 2 == 0 ? "fixture-password" : nil
    let inspection = FileInspector.inspect(bytes: bytes, name: "fuzz", trust: trust, asOf: asOf, password: password)
    precondition(inspection.error != nil || !inspection.certificates.isEmpty)
    if let error = inspection.error { precondition(error.message.hasPrefix(BundleError.consolePrefix)) }
    // The ingest's caches (decoded CA certificates, verified signatures) must not change a thing.
    let cached = FileInspector.inspect(
        bytes: bytes, name: "fuzz", trust: trust, asOf: asOf, password: password, cache: cache)
    precondition(cached == inspection, "the cached read differs")
    return 0
}

/// The entry point SwiftPM links (`BundleFuzzer_main`), handed to libFuzzer's driver.
@_cdecl("BundleFuzzer_main")
public func bundleFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, warmUp: warmUp) { data, size in fuzzBundle(UnsafeRawPointer(data), size) }
}

/// OpenSSL initialises itself lazily (error strings, decoders, the legacy provider on the first
/// PKCS#12); doing that before fuzzing keeps LeakSanitizer from taking one-time global state for a
/// leak of the first input.
func warmUp() {
    let samples: [[UInt8]] = [
        [], [0x30, 0x82, 0x01, 0x00] + Array(repeating: 0x41, count: 256),
        Array("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8),
        Array("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8),
        Array("-----BEGIN PKCS7-----\nAAAA\n-----END PKCS7-----\n".utf8),
    ]
    for sample in samples {
        for _ in 0..<2 { sample.withUnsafeBytes { _ = fuzzBundle($0.baseAddress, $0.count) } }
    }
}
