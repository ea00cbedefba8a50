import CertAuditCSV
import CertAuditCore
import CertAuditX509
import Foundation

/// The ingest stage: reads the inputs folder — the only code that reads input files — and hands on
/// one `Estate`. CSV rows become typed records or quarantine entries; bundles become facts through
/// OpenSSL, in parallel, in input order; every input is accounted for in the manifest. A folder
/// without certificates.csv is read as a plain folder of certificate files (`CertificateFolder`).
public enum EstateLoader {
    public static let certificatesFile = "certificates.csv"
    public static let resourcesFile = "resources.csv"
    public static let bundlesFolder = "bundles"
    public static let trustFolder = "trust"

    public static func load(_ options: IngestOptions) throws(IngestError) -> Estate {
        let inputs = options.inputsDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IngestError("\(inputs): the inputs folder does not exist or is not a folder")
        }
        let certificatesPath = path(inputs, certificatesFile)
        guard FileManager.default.fileExists(atPath: certificatesPath) else {
            // No inventory: a plain folder of certificate files, if it holds any.
            return try CertificateFolder(options: options).estate()
        }
        // One interner for the whole ingest: the rows as the table reads them, then their bundles.
        var interner = EstateInterner()
        var certificates = try readTable(certificatesPath, certificatesFile) { (path, name) throws(InputFileError) in
            try CertificatesTable.certificates(
                path: path, inputName: name, encoding: options.encoding, timeZone: options.timeZone,
                workers: options.jobs, interner: &interner)
        }
        let resourcesPath = path(inputs, resourcesFile)
        var resources: TableReadResult<ResourceRecord>? =
            FileManager.default.fileExists(atPath: resourcesPath)
            ? try readTable(resourcesPath, resourcesFile) { (path, name) throws(InputFileError) in
                try ResourcesTable.read(
                    path: path, inputName: name, encoding: options.encoding, timeZone: options.timeZone,
                    workers: options.jobs)
            } : nil
        // In place: a copy of the table's array (`if var`) would be made to change it.
        if resources != nil { EstateInterner.shareDomains(of: &resources!.records, with: certificates.records) }

        let anchors = try trustAnchors(in: path(inputs, trustFolder))
        let trust: TrustStore
        do {
            trust = try TrustStore(anchorFiles: anchors.map(\.path), includeSystemDefaults: options.useSystemTrustStore)
        } catch {
            throw IngestError("\(path(inputs, trustFolder)): \(error.message)")
        }
        let bundles = BundleStage(
            loader: BundleLoader(
                bundlesDirectory: path(inputs, bundlesFolder), trust: trust, sizeLimit: options.bundleSizeLimit),
            asOf: options.asOf, jobs: options.jobs, progress: options.progress)
        // In place: the table's array becomes the estate's certificates, never copied whole.
        let loaded = bundles.attach(
            to: &certificates.records, interner: &interner, badValues: certificates.badValues,
            fields: certificates.fields)
        certificates.quarantine += loaded.quarantine
        certificates.summary.accepted -= loaded.quarantine.count
        certificates.summary.quarantined += loaded.quarantine.count

        var summaries = [certificates.summary] + anchors.map(\.summary) + options.extraInputs
        summaries.append(loaded.summary)
        var quarantine = certificates.quarantine
        var badValues = loaded.badValues
        if let resources {
            summaries.append(resources.summary)
            quarantine += resources.quarantine
            badValues += resources.badValues
        }
        var lifecycle = LifecycleInputs()
        func optional<Record, Column>(_ schema: TableSchema<Record, Column>) throws(IngestError) -> [Record] {
            let name = Column.inputName
            let file = path(inputs, name)
            guard FileManager.default.fileExists(atPath: file) else { return [] }
            let table = try readTable(file, name) { (path, name) throws(InputFileError) in
                try schema.read(
                    path: path, inputName: name, encoding: options.encoding, timeZone: options.timeZone,
                    workers: options.jobs)
            }
            summaries.append(table.summary)
            quarantine += table.quarantine
            badValues += table.badValues
            return table.records
        }
        lifecycle.hosting = try optional(LifecycleTables.hosting)
        lifecycle.accounts = try optional(LifecycleTables.accounts)
        lifecycle.prices = try optional(LifecycleTables.pricing)
        lifecycle.contacts = try optional(LifecycleTables.contacts)
        lifecycle.alertPolicies = try optional(LifecycleTables.alertPolicies)
        lifecycle.operations = try optional(LifecycleTables.operations)
        let holidays = try optional(LifecycleTables.holidays)
        lifecycle.packages = try optional(LifecycleTables.packages)
        lifecycle.ledger = try optional(LifecycleTables.pointsLedger)
        lifecycle.accepted = try optional(LifecycleTables.accepted)
        lifecycle.calendar = WorkingCalendar(
            holidays: Set(holidays.filter { $0.kind == .holiday }.map(\.date)),
            makeUpWorkdays: Set(holidays.filter { $0.kind == .workday }.map(\.date)))
        return Estate(
            certificates: certificates.records, resources: resources?.records ?? [], quarantine: quarantine,
            inputs: summaries, lifecycle: lifecycle, badValues: badValues)
    }

    /// Reads one CSV table and fills in its digest; file-level problems end the run.
    static func readTable<Record>(
        _ path: String, _ name: String,
        _ read: (String, String) throws(InputFileError) -> TableReadResult<Record>
    ) throws(IngestError) -> TableReadResult<Record> {
        do {
            var result = try read(path, name)
            result.summary.sha256 = try SHA256Digest.hex(fileAt: path)
            return result
        } catch let error as InputFileError {
            throw IngestError(error.description)
        } catch let error as BundleError {
            throw IngestError("\(path): \(error.message)")
        } catch {
            throw IngestError("\(path): \(error)")
        }
    }

    /// `trust/*.pem`, sorted by name so the store (and the manifest) never depend on directory order.
    static func trustAnchors(in folder: String) throws(IngestError) -> [(path: String, summary: InputSummary)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var anchors: [(path: String, summary: InputSummary)] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".pem") {
            let file = path(folder, name)
            do {
                let digest = try SHA256Digest.hex(fileAt: file)
                anchors.append(
                    (
                        file,
                        InputSummary(
                            name: "\(trustFolder)/\(name)", sha256: digest, rows: 1, accepted: 1, quarantined: 0)
                    ))
            } catch {
                throw IngestError("\(file): \(error.message)")
            }
        }
        return anchors
    }

    static func path(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
