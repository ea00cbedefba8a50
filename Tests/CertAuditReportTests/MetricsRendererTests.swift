import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// metrics.prom: the exporter's names and labels, certaudit's own figures, and text that can never
/// leave its quotes.
struct MetricsRendererTests {
    static let day = Instant.secondsPerDay

    /// The lines of one family's samples, by the text between the name and the value.
    static func samples(_ text: String, _ name: String) -> [String: String] {
        var samples: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            let space = line.lastIndex(of: " ")!
            samples[String(line[line.index(line.startIndex, offsetBy: name.count)..<space])] = String(
                line[line.index(after: space)...])
        }
        return samples
    }

    static func render(_ model: ReportModel, duration: Duration? = nil) throws -> String {
        String(decoding: try MetricsRenderer().render(model, runDuration: duration), as: UTF8.self)
    }

    @Test func certificatesCarryTheExporterNamesAndLabelsMeasuredFromTheAsOfTime() throws {
        let text = try Self.render(ReportFixtures.hostileModel())
        let asOf = ReportFixtures.asOf.secondsSinceEpoch
        // cert-b: bundle with serial -0A1B, not after as-of + 10 days, not before as-of - 300 days.
        let labels = try #require(
            Self.samples(text, "x509_cert_not_after").keys.first { $0.contains("certificate=\"cert-b\"") })
        #expect(labels.hasPrefix("{certificate=\"cert-b\",serial_number=\"-\(0xA1B)\",subject_CN=\"evil"))
        #expect(labels.hasSuffix("name\",issuer_CN=\"Example CA\"}"))
        #expect(Self.samples(text, "x509_cert_not_after")[labels] == String(asOf + 10 * Self.day))
        #expect(Self.samples(text, "x509_cert_not_before")[labels] == String(asOf - 300 * Self.day))
        #expect(Self.samples(text, "x509_cert_expires_in_seconds")[labels] == String(10 * Self.day))
        #expect(Self.samples(text, "x509_cert_valid_since_seconds")[labels] == String(300 * Self.day))
        #expect(Self.samples(text, "x509_cert_expired")[labels] == "0")
        // cert-a: no bundle, the inventory's not_after 3 days before the as-of time: only the ID.
        let bare = "{certificate=\"cert-a\"}"
        #expect(Self.samples(text, "x509_cert_not_after")[bare] == String(asOf - 3 * Self.day))
        #expect(Self.samples(text, "x509_cert_expired")[bare] == "1")
        #expect(Self.samples(text, "x509_cert_expires_in_seconds")[bare] == String(-3 * Self.day))
        #expect(Self.samples(text, "x509_cert_not_before")[bare] == nil)
        #expect(Self.samples(text, "certaudit_as_of_timestamp_seconds")[""] == String(asOf))
    }

    /// The gauges' times go through the spool with their labels: times before 1970 and at the ends of
    /// what X.509 can say (years 1 and 9999) come back as they were, and a certificate without a
    /// notBefore has no such sample.
    @Test func gaugeTimesReadBackWhateverTheirSign() throws {
        let times: [(notBefore: Int64, notAfter: Int64)] = [(-86_400, 0), (-62_135_596_800, 253_402_300_799), (-1, 1)]
        var certificates = times.enumerated().map { index, pair in
            var leaf = ReportFixtures.facts(
                subject: "CN=c\(index)", notAfterDays: 0, fingerprint: String(repeating: "0\(index)", count: 32))
            leaf.notBefore = Instant(secondsSinceEpoch: pair.notBefore)
            leaf.notAfter = Instant(secondsSinceEpoch: pair.notAfter)
            return Certificate(
                record: CertificateRecord(line: index + 2, id: "c\(index)"),
                bundle: BundleFacts(leaf: leaf, others: [], isInChainOrder: true, key: .absent, chain: .notChecked))
        }
        var bare = CertificateRecord(line: 9, id: "bare")
        bare.claimedNotAfter = Instant(secondsSinceEpoch: -5)
        certificates.append(Certificate(record: bare))
        let model = ReportModel(
            estate: Estate(certificates: certificates), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [], toolVersion: "1.2.3")
        let text = try Self.render(model)
        for (index, pair) in times.enumerated() {
            let labels = try #require(
                Self.samples(text, "x509_cert_not_after").keys.first { $0.contains("certificate=\"c\(index)\"") })
            #expect(Self.samples(text, "x509_cert_not_before")[labels] == String(pair.notBefore))
            #expect(Self.samples(text, "x509_cert_not_after")[labels] == String(pair.notAfter))
        }
        #expect(Self.samples(text, "x509_cert_not_after")["{certificate=\"bare\"}"] == "-5")
        #expect(Self.samples(text, "x509_cert_not_before")["{certificate=\"bare\"}"] == nil)
        #expect(Self.samples(text, "x509_cert_not_before").count == times.count)
    }

    @Test func findingsAreCountedByRuleAndSeverity() throws {
        let text = try Self.render(ReportFixtures.hostileModel())
        var expected: [String: String] = [:]
        for finding in ReportFixtures.hostileFindings() {
            let key = "{rule=\"\(finding.ruleID.rawValue)\",severity=\"\(finding.severity.rawValue)\"}"
            expected[key] = String(Int(expected[key] ?? "0")! + 1)
        }
        #expect(Self.samples(text, "certaudit_findings") == expected)
        #expect(Self.samples(text, "certaudit_quarantined_rows")[""] == "2")
        #expect(Self.samples(text, "certaudit_certificates")[""] == "3")
        #expect(Self.samples(text, "certaudit_operations_denied")[""] == "0")
    }

    /// The report writer writes metrics.prom beside the other files and adds the run's duration once
    /// they are all written: the file without a duration, then `durationLines`, is the file with it.
    @Test func theDurationIsLinesAddedAtTheEnd() throws {
        let model = LazyReportSectionsTests.comparedModel()
        let without = try MetricsRenderer().render(model)
        let added = MetricsRenderer.durationLines(.milliseconds(1_234))
        #expect(try MetricsRenderer().render(model, runDuration: .milliseconds(1_234)) == without + added)
        #expect(!String(decoding: without, as: UTF8.self).contains(MetricsRenderer.durationLine))
        #expect(String(decoding: added, as: UTF8.self).hasSuffix("\n\(MetricsRenderer.durationLine)1.234\n"))
    }

    /// metrics.prom is streamed into its file: the same bytes as rendered in memory.
    @Test func streamedIsRendered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-metrics-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = LazyReportSectionsTests.comparedModel()
        let path = folder.appendingPathComponent("metrics.prom").path
        let output = try BufferedFileOutput(path: path)
        try MetricsRenderer().write(model, runDuration: .milliseconds(1_234), into: output)
        try output.flush()
        let rendered = try MetricsRenderer().render(model, runDuration: .milliseconds(1_234))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == rendered)
        #expect(Self.samples(String(decoding: rendered, as: UTF8.self), "x509_cert_not_after").count > 100)
        #expect(String(decoding: rendered, as: UTF8.self).contains("certaudit_new_findings{"))
    }

    @Test func outagesAreCountedUnderWayAndWithinSevenAndThirtyDays() throws {
        let start = ReportFixtures.settings.asOfDate
        let outages = [-1, 0, 6, 7, 29, 30, 200].map { days in
            Outage(
                resourceID: "r\(days)", resourceType: ResourceType("CDN"), certificateID: "c",
                date: start + Int64(days),
                causes: [])
        }
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [], outages: outages)
        let text = try Self.render(model)
        #expect(Self.samples(text, "certaudit_outages_under_way")[""] == "1")
        #expect(Self.samples(text, "certaudit_predicted_outages")["{within_days=\"7\"}"] == "2")
        #expect(Self.samples(text, "certaudit_predicted_outages")["{within_days=\"30\"}"] == "4")
    }

    @Test func theDurationIsTheLastLineAndOnlyWhenMeasured() throws {
        let model = ReportFixtures.emptyModel()
        let unmeasured = try Self.render(model)
        let measured = try Self.render(model, duration: .milliseconds(61_234))
        #expect(!unmeasured.contains(MetricsRenderer.durationLine))
        let lines = measured.split(separator: "\n")
        #expect(lines.last == "\(MetricsRenderer.durationLine)61.234")
        #expect(
            measured.replacingOccurrences(of: "\n" + lines.suffix(3).joined(separator: "\n"), with: "") == unmeasured)
    }

    @Test func labelValuesAndHelpAreEscaped() {
        let sample = MetricSample([MetricSample.Label("subject_CN", "a\"b\\c\nd")], value: 1)
        #expect(sample.line("x") == #"x{subject_CN="a\"b\\c\nd"} 1"#)
        let family = MetricFamily("x", help: "back\\slash\nand \"quotes\"", [sample])
        #expect(family.exposition.hasPrefix(#"# HELP x back\\slash\nand "quotes""# + "\n# TYPE x gauge\n"))
        #expect(MetricFamily("x", help: "none", []).exposition.isEmpty)
    }

    /// The byte escaper against the format's rule on Unicode scalars, for label values and HELP
    /// texts, on pieces with and without the three escaped characters, non-ASCII included.
    @Test func byteEscapingAgreesWithTheRule() {
        func reference(_ text: String, quote: Bool) -> String {
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\"" where quote: escaped += "\\\""
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }
        let pieces = ["", "a", "\\", "\n", "\"", "\r", "{", "=", ",", "é", "中", "\u{301}", "😀"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + third
                    for quote in [true, false] {
                        #expect(MetricSample.escaped(text, quote: quote) == reference(text, quote: quote))
                    }
                    #expect(
                        MetricSample([MetricSample.Label("l", text)], value: 2).line("m")
                            == "m{l=\"\(reference(text, quote: true))\"} 2")
                }
            }
        }
    }

    @Test func everyLineIsACommentOrOneSampleWithoutTimestamp() throws {
        let text = try Self.render(ReportFixtures.hostileModel(), duration: .seconds(2))
        #expect(text.hasSuffix("\n"))
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") { continue }
            // After the labels (or the name), exactly one value: no timestamp.
            let afterLabels = line.lastIndex(of: "}").map { line[line.index(after: $0)...] } ?? line.drop { $0 != " " }
            #expect(afterLabels.split(separator: " ").count == 1, "\(line)")
            #expect(Double(afterLabels.trimmingCharacters(in: .whitespaces)) != nil, "\(line)")
        }
    }

    @Test func distinguishedNamesGiveTheirFirstCommonName() {
        #expect(
            DistinguishedName.first("CN", in: "CN=year.example.com,O=Sample & Sons \\<Ltd\\>,C=CN")
                == "year.example.com")
        #expect(DistinguishedName.first("CN", in: "O=certaudit sample,CN=gm.example.com") == "gm.example.com")
        #expect(DistinguishedName.first("CN", in: "CN=a\\,b+OU=x") == "a,b")
        #expect(DistinguishedName.first("CN", in: "CN=\\E4\\B8\\AD\\E6\\96\\87") == "中文")
        #expect(DistinguishedName.first("O", in: "CN=x,O=Sample \\\"Q\\\"") == "Sample \"Q\"")
        #expect(DistinguishedName.first("CN", in: "O=no common name") == nil)
        // Spaces around an attribute's type are not part of it; its value is kept as written.
        #expect(DistinguishedName.first("CN", in: "O=x,  CN =  y ") == "  y ")
        #expect(DistinguishedName.first("CN", in: "O=x, C N=y") == nil)
        #expect(DistinguishedName.first("CN", in: "   =y,CN=z") == "z")
    }

    /// Serials longer than 128 bits (RFC 5280 allows 20 octets; some CAs write a leading zero byte)
    /// against the plainest model: decimal digits, multiplied by 16 and added to a hex digit at a
    /// time.
    @Test func longSerialsAreWrittenInDecimalAsSchoolArithmeticGivesThem() {
        func plainDecimal(_ hex: String) -> String {
            var digits = [0]  // least significant first
            for character in hex {
                var carry = character.hexDigitValue!
                for index in digits.indices {
                    let value = digits[index] * 16 + carry
                    digits[index] = value % 10
                    carry = value / 10
                }
                while carry > 0 {
                    digits.append(carry % 10)
                    carry /= 10
                }
            }
            while digits.count > 1 && digits.last == 0 { digits.removeLast() }
            return digits.reversed().map(String.init).joined()
        }
        let alphabet = Array("0123456789ABCDEF")
        for length in 1...64 {
            let hex = String((0..<length).map { alphabet[($0 * 7 + length * 13 + $0 * $0) % 16] })
            #expect(MetricsRenderer.decimal(hex) == plainDecimal(hex), "\(hex)")
        }
        #expect(
            MetricsRenderer.decimal("00" + String(repeating: "F", count: 40))
                == plainDecimal(String(repeating: "F", count: 40)))
    }

    @Test func serialNumbersAreWrittenInDecimalAsTheExporterDoes() throws {
        #expect(MetricsRenderer.decimal("00") == "0")
        #expect(MetricsRenderer.decimal("-00") == "0")
        #expect(MetricsRenderer.decimal("") == nil)
        #expect(MetricsRenderer.decimal("12G") == nil)
        #expect(MetricsRenderer.decimal("1 2") == nil)
        #expect(MetricsRenderer.decimal("ab") == "171" && MetricsRenderer.decimal("AB") == "171")
        // A text that is not ASCII is read by character, as it always was: fullwidth digits are hex
        // digits to `Character.hexDigitValue`; other letters are not.
        #expect(MetricsRenderer.decimal("\u{FF11}\u{FF10}") == "16")
        #expect(MetricsRenderer.decimal("1é") == nil)
        // Against the standard library's 128-bit integers, on values of every length up to 128 bits
        // (a fixed multiplicative sequence, shifted down by 0…127 bits).
        for index in 0..<256 {
            let mixed = UInt128(index + 1) &* 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835
            let value = mixed >> UInt128(index % 128)
            let hex = String(value, radix: 16, uppercase: true)
            #expect(MetricsRenderer.decimal(hex) == String(value), "\(hex)")
            #expect(MetricsRenderer.decimal("-" + hex) == (value == 0 ? "0" : "-" + String(value)))
        }
    }
}
