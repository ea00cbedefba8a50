internal import CLibXML2
import Foundation

/// Reads the previous run's `report.xml` into a `Baseline`: the previous report is an input to the
/// run, read before the new one is published over it.
///
/// It must validate against this run's `report.xsd` (a later version 1 schema still accepts an
/// earlier version 1 report), state schema version 1, the run's time zone (local dates from another
/// zone would compare days wrongly), an as-of date no later than this run's, and a key on every
/// finding (reports before keys existed have none). Anything else is a note, and the run compares
/// nothing: a broken baseline never fails a nightly job and never yields a wrong comparison.
public struct BaselineReader: Sendable {
    public let schema: ReportSchema

    /// Reads baselines valid against `schema` (the one this run's report is validated against).
    public init(schema: ReportSchema = .builtIn) {
        self.schema = schema
    }

    public init(schemaPath: String) {
        self.schema = .file(schemaPath)
    }

    /// Reads the baseline in a file a piece at a time (a large estate's report.xml is hundreds of
    /// megabytes: it is never loaded whole). `sha256` is the file's digest; `name` says which file in
    /// notes.
    ///
    /// Decision: a report whose digest the `SHA256SUMS` beside it lists is the one a run of this
    /// program validated against the schema and then published, byte for byte: it is read without
    /// the schema and without its timeline (`PublishedReportInput`), which the comparison does not
    /// read. At 100,000 certificates that took a nightly run's baseline from about 20 s of one core
    /// to about 5 (its digest included). Its schema version, time zone, as-of date and keys are
    /// still checked; anything else (`--baseline` elsewhere, an edited report, no `SHA256SUMS`) is
    /// validated in full. The digest is no seal — whoever can edit the report can edit the sums —
    /// but a forged baseline that validates is as easy to write, so validating it again proves
    /// nothing more.
    public func read(file path: String, sha256: String, name: String, timeZone: String, asOfDate: String)
        -> BaselineStatus
    {
        let published = ReportPublisher.listedDigest(of: path) == sha256
        let source = published ? PublishedReportInput(path: path).map(Source.published) : nil
        return read(source ?? .file(path), sha256: sha256, name: name, timeZone: timeZone, asOfDate: asOfDate)
    }

    /// Reads a baseline in memory (tests).
    public func read(
        _ bytes: [UInt8], sha256: String, name: String, timeZone: String, asOfDate: String
    ) -> BaselineStatus {
        read(.bytes(bytes), sha256: sha256, name: name, timeZone: timeZone, asOfDate: asOfDate)
    }

    /// Where a baseline is read from.
    enum Source {
        case bytes([UInt8])
        case file(String)
        /// A report this program published (see `read(file:…)`): read without the schema.
        case published(PublishedReportInput)
    }

    private func read(
        _ source: Source, sha256: String, name: String, timeZone: String, asOfDate: String
    ) -> BaselineStatus {
        // One pass reads what the comparison needs and validates the whole document.
        var parsed = Parsed()
        let pass: XSDValidator.Pass
        let validator = XSDValidator(schema: schema)
        do {
            switch source {
            case .bytes(let bytes):
                pass = try bytes.withUnsafeBufferPointer {
                    (buffer: UnsafeBufferPointer<UInt8>) throws(ReportError) -> XSDValidator.Pass in
                    try validator.stream(
                        { options in
                            guard let base = buffer.baseAddress else { return nil }
                            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                                xmlReaderForMemory($0, Int32(buffer.count), "baseline.xml", "UTF-8", options)
                            }
                        }, visit: { parsed.visit($0) })
                }
            case .file(let path):
                pass = try validator.stream(
                    { options in xmlReaderForFile(path, "UTF-8", options) }, visit: { parsed.visit($0) })
            case .published(let input):
                pass = try validator.stream(
                    validating: false, { options in input.reader(options: options) }, visit: { parsed.visit($0) })
            }
        } catch {
            return .unusable(note: "\(name) does not validate against report.xsd (\(error.message)): nothing compared")
        }
        guard pass.readToEnd, !parsed.baseline.asOf.isEmpty else {
            return .unusable(
                note: "\(name) cannot be read as a certaudit report (not a well-formed certaudit-report document): "
                    + "nothing compared")
        }
        guard parsed.schemaVersion == String(ReportHeader.schemaVersion) else {
            return .unusable(
                note: "\(name) is of schema version \(parsed.schemaVersion ?? "(none)"), this run writes "
                    + "\(ReportHeader.schemaVersion): nothing compared")
        }
        guard pass.valid else {
            return .unusable(
                note: "\(name) does not validate against report.xsd (report.xml does not validate against "
                    + "\(schema.origin): \(pass.messages)): nothing compared")
        }
        guard parsed.baseline.timeZone == timeZone else {
            return .unusable(
                note: "\(name) is in time zone \(parsed.baseline.timeZone), this run in \(timeZone): nothing compared")
        }
        let baselineDate = String(parsed.baseline.asOf.prefix(10))
        guard baselineDate <= asOfDate else {
            return .unusable(
                note: "\(name) is as of \(baselineDate), after this run's \(asOfDate): nothing compared")
        }
        guard !parsed.findingWithoutKey else {
            return .unusable(
                note: "\(name) has findings without a key (written by an earlier certaudit): nothing compared")
        }
        var baseline = parsed.baseline
        for index in baseline.certificates.indices { baseline.certificates[index].names.sort() }
        baseline.sha256 = sha256
        return .usable(baseline)
    }

    /// What one pass over the document collects.
    struct Parsed {
        var schemaVersion: String?
        var baseline = Baseline(asOf: "", timeZone: "", sha256: "")
        var findingWithoutKey = false
        /// The `type` of the `<san>` whose text comes next.
        var sanType = ""
        /// The names of the elements open above the current node, root first (changed in place).
        var path: [String] = []
        /// Whether the open top-level section is one the comparison reads (certificates, findings,
        /// operations): the timeline, most of a large report, is read past without a string made.
        var inReadSection = false
        /// Takes one node of the document (the reader's current one).
        mutating func visit(_ reader: xmlTextReaderPtr) {
            let depth = Int(xmlTextReaderDepth(reader))
            if depth >= 2, !inReadSection { return }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                let name = BaselineReader.string(xmlTextReaderConstLocalName(reader)) ?? ""
                if depth == 1 { inReadSection = ["certificates", "findings", "operations"].contains(name) }
                path.removeSubrange(min(depth, path.count)...)
                path.append(name)
                take(element: reader)
            case 3, 4:  // text, CDATA
                guard depth == 4, path.count >= 4, path[1] == "certificates",
                    let text = BaselineReader.string(xmlTextReaderConstValue(reader))
                else { return }
                take(text: text, in: path[3])
            default:
                return
            }
        }
        private mutating func take(element reader: xmlTextReaderPtr) {
            switch path {
            case ["certaudit-report"]:
                let attributes = BaselineReader.attributes(reader)
                schemaVersion = attributes["schema-version"]
                baseline.asOf = attributes["as-of"] ?? ""
                baseline.timeZone = attributes["timezone"] ?? ""
            case ["certaudit-report", "certificates", "certificate"]:
                baseline.certificates.append(Baseline.Certificate(id: BaselineReader.attributes(reader)["id"] ?? ""))
            case ["certaudit-report", "findings", "finding"]:
                let attributes = BaselineReader.attributes(reader)
                guard let key = attributes["key"], let firstSeen = attributes["first-seen"] else {
                    findingWithoutKey = true
                    return
                }
                // Held as its key, its severity and date first seen shared (`BaselineFindings`).
                baseline.findings.append(
                    Baseline.Finding(
                        key: key, rule: attributes["rule"] ?? "", severity: attributes["severity"] ?? "",
                        certificate: attributes["certificate"], resource: attributes["resource"],
                        package: attributes["package"], firstSeen: firstSeen))
            case ["certaudit-report", "operations", "operation"]:
                let attributes = BaselineReader.attributes(reader)
                baseline.operations.append(
                    Baseline.Operation(
                        requestedAt: attributes["requested-at"] ?? "", certificate: attributes["certificate"] ?? "",
                        kind: attributes["kind"] ?? "", verdict: attributes["verdict"] ?? ""))
            case ["certaudit-report", "certificates", "certificate", "san"]:
                sanType = BaselineReader.attributes(reader)["type"] ?? ""
            default:
                return
            }
        }

        private mutating func take(text: String, in element: String) {
            guard !baseline.certificates.isEmpty else { return }
            let last = baseline.certificates.count - 1
            switch element {
            case "fingerprint": baseline.certificates[last].fingerprint = text
            case "san": baseline.certificates[last].append(name: "\(sanType):\(text.lowercased())")
            default: return
            }
        }
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// The current element's attributes by local name (the reader is moved back to the element).
    static func attributes(_ reader: xmlTextReaderPtr) -> [String: String] {
        var attributes: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if let name = string(xmlTextReaderConstLocalName(reader)) {
                attributes[name] = string(xmlTextReaderConstValue(reader)) ?? ""
            }
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }
}
