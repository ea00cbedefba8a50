import CertAuditCSV
import CertAuditCore
import CertAuditIngest
import CertAuditRules
import Foundation
import Testing

/// Issue 14: a typo never hides a certificate. For every column of every input file in turn, one
/// row of the sample estate gets a value no parser accepts: either the row is quarantined (only for
/// the columns it cannot do without), or it stays, a finding names the column, and every finding
/// about that row from a rule that does not read the column is what it was.
struct BadValueTests {
    /// Fails every parser: not a time, boolean, number, amount, lead, state or product; no `=` (tags,
    /// params); `tag:` without `key=value` (an alert policy's selection); `:` and `<` in a CA name;
    /// no such file under `bundles/`. The markup checks that it is escaped in every report.
    static let unparseable = "tag:<§bad&value§>"

    /// The row each file's bad value goes into: a hosted, bound certificate with a bundle (the issue's
    /// own example, L8fS7YC8), and the first row elsewhere.
    static func line(in input: String) -> Int { input == CertificatesColumn.inputName ? 3 : 2 }

    static let baseline = Result { try Audit(inputs: TestPaths.sampleInputs) }

    /// The estate and the findings of one run over an inputs folder, as of the sample's time.
    struct Audit {
        let estate: Estate
        let findings: [Finding]

        init(inputs: String) throws {
            let asOf = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!)
            estate = try EstateLoader.load(
                IngestOptions(inputsDirectory: inputs, asOf: asOf, jobs: 2, useSystemTrustStore: false))
            findings = RuleRunner().run(RuleContext(estate: estate, settings: AuditSettings(asOf: asOf)))
        }

        /// The findings about the row `line` of `input` (its certificate, its resource; for the
        /// other tables every finding), from rules that do not read `column`.
        func findings(aboutRow line: Int, of column: InputColumn, subject: (certificate: String?, resource: String?))
            -> [Finding]
        {
            let readers = Set(RuleCatalogue.rules.filter { $0.reads.contains(column) }.map(\.descriptor.id))
            return findings.filter { finding in
                guard !readers.contains(finding.ruleID) else { return false }
                if let resource = subject.resource { return finding.resourceID == resource }
                if let certificate = subject.certificate { return finding.certificateID == certificate }
                return true
            }
        }
    }

    @Test(arguments: InputTables.columns)
    func aBadValueHidesNoRow(_ description: InputColumnDescription) throws {
        let column = description.column
        let line = Self.line(in: column.input)
        let before = try Self.baseline.get()
        let inputs = try TestPaths.scratch("badvalue\(column.input)\(column.name)").appendingPathComponent("inputs")
        try FileManager.default.copyItem(atPath: TestPaths.sampleInputs, toPath: inputs.path)
        let file = inputs.appendingPathComponent(column.input).path
        // An ID that is text is malformed only when it is missing.
        let value = description.kind == .text && description.essential ? "" : Self.unparseable
        let subject = try CSVEditing.replace(column: column.name, line: line, in: file, with: value)
        let after = try Audit(inputs: inputs.path)

        let quarantined = after.estate.quarantine.contains { $0.input == column.input && $0.line == line }
        let wasQuarantined = before.estate.quarantine.contains { $0.input == column.input && $0.line == line }
        #expect(!wasQuarantined, "the chosen row must start in the estate")
        if description.essential {
            #expect(quarantined, "\(column): the row cannot do without it, so it is quarantined")
            return
        }
        #expect(!quarantined, "\(column): a bad value quarantined the row")
        #expect(
            after.estate.quarantine.count == before.estate.quarantine.count,
            "\(column): \(after.estate.quarantine.map(\.reason))")
        let place = "\(column.input) line \(line)"
        let naming = after.findings.filter {
            $0.message.hasPrefix(place)
                && ($0.message.contains("column \(column.name) ") || $0.message.contains(": \(column.name) "))
        }
        switch description.kind {
        case .value:
            #expect(naming.map(\.ruleID) == [.invBadValue], "\(column): \(naming)")
            #expect(naming.first?.message.contains("'\(value)'") == true)
        case .file where after.estate.badValues.contains { $0.column == column }:
            #expect(naming.map(\.ruleID) == [.upPemFormat], "\(column): \(naming)")
        case .file, .text:
            #expect(!after.findings.contains { $0.ruleID == .invBadValue && $0.message.hasPrefix(place) })
        }
        let unchanged = before.findings(aboutRow: line, of: column, subject: subject)
        let now = after.findings(aboutRow: line, of: column, subject: subject)
        #expect(now == unchanged, "\(column): findings of rules that do not read it changed")
    }

    /// The issue's own example: a tag typo on L8fS7YC8 keeps its hosting findings and changes no
    /// operation verdict.
    @Test func aTagTypoKeepsTheCertificateInTheAudit() throws {
        let before = try Self.baseline.get()
        let inputs = try TestPaths.scratch().appendingPathComponent("inputs")
        try FileManager.default.copyItem(atPath: TestPaths.sampleInputs, toPath: inputs.path)
        let subject = try CSVEditing.replace(
            column: "tags", line: 3, in: inputs.appendingPathComponent("certificates.csv").path,
            with: "env=prod|broken")
        let after = try Audit(inputs: inputs.path)
        let id = try #require(subject.certificate)
        #expect(after.estate.certificate(id: id) != nil)
        let rules = { (audit: Audit) in audit.findings.filter { $0.certificateID == id }.map(\.ruleID) }
        #expect(rules(before).contains(.hostAssociation) && rules(before).contains(.hostLead))
        #expect(rules(after).sorted() == (rules(before) + [.invBadValue]).sorted())
        #expect(!after.findings.contains { $0.ruleID == .invUnknownReference && $0.certificateID == id })
    }
}

/// Rewrites one field of one row of a CSV file, quoting every field (RFC 4180).
enum CSVEditing {
    /// Replaces `column` on physical line `line` and returns the row's certificate and resource ID.
    static func replace(column: String, line: Int, in path: String, with value: String) throws
        -> (certificate: String?, resource: String?)
    {
        let file = try CSVFile(path: path, name: "edit", encoding: .auto)
        let position = try #require(file.header.firstIndex(of: column), "\(column) not in \(path)")
        var rows: [[String]] = [file.header]
        var subject: (certificate: String?, resource: String?) = (nil, nil)
        while let row = file.nextRow() {
            guard case .record(let at, var fields) = row else { continue }
            if at == line {
                let field = { (name: String) in file.header.firstIndex(of: name).map { fields[$0] } }
                subject = field("resource_id").map { (nil, $0) } ?? (field("certificate_id"), nil)
                fields[position] = value
            }
            rows.append(fields)
        }
        let text = rows.map {
            $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        try (text.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return subject
    }
}

/// The README's table of what a row cannot do without is the schema's, column for column.
struct EssentialColumnsTableTests {
    @Test func theReadmeTableListsExactlyTheEssentialColumns() throws {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.components(separatedBy: "### What a row cannot do without").last)
        var documented: Set<String> = []
        for row in table.split(separator: "\n").prefix(30) where row.hasPrefix("| ") && row.contains(".csv |") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                $0.offset % 2 == 1
            }.map(\.element)
            for name in names { documented.insert("\(cells[0]) \(name)") }
        }
        var essential = Set(InputTables.columns.filter(\.essential).map { "\($0.column.input) \($0.column.name)" })
        // A certificate needs one of these two readable: a pair no per-column flag can say.
        essential.formUnion(["certificates.csv bundle", "certificates.csv not_after"])
        #expect(documented == essential)
    }
}
