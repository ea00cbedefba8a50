import CertAuditCore
import CertAuditReport
import CertAuditRun
import Foundation
import FuzzerDriver

/// libFuzzer target: fuzzed rows for one input table, run through the whole pipeline by the code
/// `certaudit run` runs (`AuditRun.audit`: ingest — typing, quarantine, linking —, the simulation
/// and the cost forecast's, the ledger audit, every rule, the operation verdicts and the report
/// model), then report.xml, which must validate against templates/report.xsd (HTML and CSV
/// rendering are left out for speed; the model they read is the one the XML is rendered from). The
/// simulation is in because the rows it reads (hosting plans, resources, accounts, prices, alert
/// policies) are the ones fuzzed here. The first byte picks the table; the rest is the body under
/// that table's real header, beside a small fixed inventory that the rows can refer to.
/// Built only by `make fuzz` (CERTAUDIT_FUZZ=1); run from the repository root (templates/).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEstate(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    guard let selector = bytes.first else { return 0 }
    let table = EstateFuzzInputs.tables[Int(selector) % EstateFuzzInputs.tables.count]
    let folder = EstateFuzzInputs.folder
    for (name, text) in EstateFuzzInputs.fixed {
        let content = name == table.name ? Array((table.header + "\n").utf8) + bytes.dropFirst() : Array(text.utf8)
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(content))
    }
    if EstateFuzzInputs.fixed[table.name] == nil {
        _ = FileManager.default.createFile(
            atPath: folder + "/" + table.name, contents: Data(Array((table.header + "\n").utf8) + bytes.dropFirst()))
    }
    defer {
        for other in EstateFuzzInputs.tables where EstateFuzzInputs.fixed[other.name] == nil {
            try? FileManager.default.removeItem(atPath: folder + "/" + other.name)
        }
    }
    let model: ReportModel
    do {
        (model, _) = try AuditRun.audit(EstateFuzzInputs.options, progress: StageProgress.ignore)
    } catch {
        return 0  // a run error (say, a required column lost to a mutated header) is a clear exit 2
    }
    for input in model.inputs {
        precondition(
            input.rows == input.accepted + input.quarantined,
            "a row of \(input.name) was neither accepted nor quarantined")
    }
    let operations = model.inputs.first { $0.name == "operations.csv" }?.accepted ?? 0
    precondition(model.operations.count == operations, "an operation got no verdict")
    do {
        _ = try ReportWriter().validatedXML(model)
    } catch {
        preconditionFailure("the report did not render or validate: \(error)")
    }
    return 0
}

/// The fixed part of every fuzzed estate, written once into a temporary inputs folder.
enum EstateFuzzInputs {
    static let asOf = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!)

    /// Each table the first byte can pick, with its header.
    static let tables: [(name: String, header: String)] = [
        ("certificates.csv", certificateHeader),
        ("resources.csv", "resource_id,resource_type,region,certificate_id,domain"),
        (
            "hosting.csv",
            "certificate_id,resource_types,replace_lead,configured_on,association,messages,status,successor_product,validation_method,validation_ready"
        ),
        ("accounts.csv", "account_id,balance"),
        ("pricing.csv", "brand,product,domain_type,years,price_cny,price_points"),
        ("contacts.csv", "contact_id,name,phone,email,wechat_verified,channels"),
        (
            "alert_policies.csv",
            "policy_id,name,certificates,threshold_days,operator,period_minutes,repeat,receivers"
        ),
        ("operations.csv", "requested_at,certificate_id,operation,params,requested_by"),
        ("holidays.csv", "date,kind,name"),
        (
            "packages.csv",
            "package_id,name,account_id,total_points,remaining_points,expires_at,status,source,acquired_at"
        ),
        ("points_ledger.csv", "at,package_id,kind,points,counterparty,code,certificate_id,transfer_status"),
    ]

    static let certificateHeader =
        "certificate_id,alias,source,brand,product,domain_type,status,domain,sans,not_after,issued_at,submitted_at,"
        + "letter_uploaded_at,auto_renew,auto_renew_enabled_on,account_id,validation_ready,verify_type,ignored,"
        + "allow_download,free,reissue_of,reissue_count,company_validated_on"

    /// Inputs present in every run: three certificates without bundles and a resource.
    static let fixed: [String: String] = [
        "certificates.csv": certificateHeader + "\n"
            + "a,A,issued,TrustAsia,DV,single,validating,a.example.com,a.example.com,,,2026-11-27 09:00:00,,,,1001,,DNS,,,,,,\n"
            + "b,B,issued,GeoTrust,OV,single,issued,b.example.com,b.example.com,2027-02-01 07:59:59,2026-11-01,,,true,2026-11-02,1001,true,DNS_AUTO,,true,,,0,2025-10-28\n"
            + "c,C,uploaded,,,,issued,c.example.com.cn,c.example.com.cn,2026-12-10 07:59:59,2026-06-01,,,,,,,,true,,,b,1,\n",
        "resources.csv":
            "resource_id,resource_type,region,certificate_id,domain\nlb-1,CLB,ap-shanghai,b,b.example.com\n",
    ]

    /// The run's options: one thread (libFuzzer calls the target on one), no system trust store
    /// (the same result on every machine), and an output folder that is never written (no report
    /// is published, so there is no previous report.xml to compare with either).
    static let options = RunOptions(
        inputsDirectory: folder, outputDirectory: folder + "/output", settings: AuditSettings(asOf: asOf), jobs: 1,
        useSystemTrustStore: false)

    /// One folder per fuzzing process, rewritten for each input and removed when libFuzzer ends the
    /// process with `exit` (only a crash leaves it): each `make fuzz` left one behind.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "certaudit-estate-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: EstateFuzzInputs.folder) }
        return path
    }()
}

/// The entry point SwiftPM links (`EstateFuzzer_main`), handed to libFuzzer's driver.
@_cdecl("EstateFuzzer_main")
public func estateFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, warmUp: warmUp) { data, size in fuzzEstate(UnsafeRawPointer(data), size) }
}

/// Runs the target once so one-time initialisation happens before libFuzzer counts allocations.
func warmUp() {
    let sample = [UInt8(7)] + Array("2026-11-28 10:00:00,b,revoke,reason=x,ops\n".utf8)
    sample.withUnsafeBytes { _ = fuzzEstate($0.baseAddress, $0.count) }
}
