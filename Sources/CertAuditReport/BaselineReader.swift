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
    public func read(file path: String, sha256: String, name: String, timeZone: String, asOfDate: String)
        -> BaselineStatus
    {
        read(.file(path), sha256: sha256, name: name, timeZone: timeZone, asOfDate: asOfDate)
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
    }

    private func read(
        _ source: Source, sha256: String, name: String, timeZone: String, asOfDate: String
    ) -> BaselineStatus {
        let parsed: Parsed
        do {
            parsed = try parse(source)
        } catch {
            return .unusable(note: "\(name) cannot be read as a certaudit report (\(error.message)): nothing compared")
        }
        guard parsed.schemaVersion == String(ReportHeader.schemaVersion) else {
            return .unusable(
                note: "\(name) is of schema version \(parsed.schemaVersion ?? "(none)"), this run writes "
                    + "\(ReportHeader.schemaVersion): nothing compared")
        }
        do {
            switch source {
            case .bytes(let bytes): try XSDValidator(schema: schema).validate(bytes)
            case .file(let path): try XSDValidator(schema: schema).validate(file: path)
            }
        } catch {
            return .unusable(note: "\(name) does not validate against report.xsd (\(error.message)): nothing compared")
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
    }

    /// Streams the document once (xmlTextReader: memory stays flat), taking the root's attributes,
    /// every finding, certificate (ID, fingerprint, SANs) and operation.
    func parse(_ source: Source) throws(ReportError) -> Parsed {
        LibXML.ensureInitialised()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        var parsed = Parsed()
        let status: Int32
        switch source {
        case .bytes(let bytes):
            status = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return -1 }
                let reader = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReaderForMemory($0, Int32(buffer.count), "baseline.xml", "UTF-8", options)
                }
                return walk(reader, into: &parsed)
            }
        case .file(let path):
            status = walk(xmlReaderForFile(path, "UTF-8", options), into: &parsed)
        }
        guard status == 0, !parsed.baseline.asOf.isEmpty else {
            throw ReportError(.internal, "not a well-formed certaudit-report document")
        }
        for index in parsed.baseline.certificates.indices { parsed.baseline.certificates[index].names.sort() }
        return parsed
    }

    /// Reads every node once, frees the reader, and returns its last status (0 at a clean end, -1 when
    /// there was no reader).
    private func walk(_ reader: xmlTextReaderPtr?, into parsed: inout Parsed) -> Int32 {
        guard let reader else { return -1 }
        defer { xmlFreeTextReader(reader) }
        var path: [String] = []
        var status: Int32 = 1
        while true {
            status = xmlTextReaderRead(reader)
            guard status == 1 else { break }
            let depth = Int(xmlTextReaderDepth(reader))
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                let name = Self.string(xmlTextReaderConstLocalName(reader)) ?? ""
                path = Array(path.prefix(depth)) + [name]
                take(element: path, attributes: Self.attributes(reader), into: &parsed)
            case 3, 4:  // text, CDATA
                guard let text = Self.string(xmlTextReaderConstValue(reader)) else { continue }
                take(text: text, in: Array(path.prefix(depth)), into: &parsed)
            default:
                continue
            }
        }
        return status
    }

    private func take(element path: [String], attributes: [String: String], into parsed: inout Parsed) {
        switch path {
        case ["certaudit-report"]:
            parsed.schemaVersion = attributes["schema-version"]
            parsed.baseline.asOf = attributes["as-of"] ?? ""
            parsed.baseline.timeZone = attributes["timezone"] ?? ""
        case ["certaudit-report", "certificates", "certificate"]:
            parsed.baseline.certificates.append(Baseline.Certificate(id: attributes["id"] ?? ""))
        case ["certaudit-report", "findings", "finding"]:
            guard let key = attributes["key"], let firstSeen = attributes["first-seen"] else {
                parsed.findingWithoutKey = true
                return
            }
            parsed.baseline.findings.append(
                Baseline.Finding(
                    key: key, rule: attributes["rule"] ?? "", severity: attributes["severity"] ?? "",
                    certificate: attributes["certificate"], resource: attributes["resource"],
                    package: attributes["package"], firstSeen: firstSeen))
        case ["certaudit-report", "operations", "operation"]:
            parsed.baseline.operations.append(
                Baseline.Operation(
                    requestedAt: attributes["requested-at"] ?? "", certificate: attributes["certificate"] ?? "",
                    kind: attributes["kind"] ?? "", verdict: attributes["verdict"] ?? ""))
        case ["certaudit-report", "certificates", "certificate", "san"]:
            parsed.sanType = attributes["type"] ?? ""
        default:
            return
        }
    }

    private func take(text: String, in path: [String], into parsed: inout Parsed) {
        guard path.count == 4, path[1] == "certificates", !parsed.baseline.certificates.isEmpty else { return }
        let last = parsed.baseline.certificates.count - 1
        switch path[3] {
        case "fingerprint": parsed.baseline.certificates[last].fingerprint = text
        case "san": parsed.baseline.certificates[last].names.append("\(parsed.sanType):\(text.lowercased())")
        default: return
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
