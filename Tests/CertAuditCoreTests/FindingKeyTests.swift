import Testing

@testable import CertAuditCore

/// Issue 11: a finding's key names the same problem run after run — never its message or date.
struct FindingKeyTests {
    @Test func theKeyHoldsRuleCertificateResourcePackageAndAspectOnly() {
        let finding = Finding(
            ruleID: .resExpiredBinding, severity: .critical, certificateID: "c1", resourceID: "lb-1",
            date: LocalDate(year: 2026, month: 12, day: 1), message: "CLB lb-1 will be out from 2026-12-01")
        #expect(finding.key.text == "RES-EXPIRED-BINDING;c=c1;r=lb-1")
        var reworded = finding
        reworded.message = "other words"
        reworded.date = LocalDate(year: 2026, month: 12, day: 2)
        reworded.severity = .high
        #expect(reworded.key == finding.key)
        let aspect = Finding(ruleID: .brSan, severity: .medium, certificateID: "c1", message: "m", aspect: "no-san")
        #expect(aspect.key.text == "BR-SAN;c=c1;a=no-san")
        #expect(
            Finding(ruleID: .ptsReconcile, severity: .high, packageID: "pkg", message: "m").key.text
                == "PTS-RECONCILE;p=pkg")
    }

    @Test func separatorsPercentAndControlCharactersAreEscaped() {
        let key = FindingKey(rule: "R", certificate: "a;c=b%\n\u{7F}", resource: nil, package: nil, aspect: "x y")
        #expect(key.text == "R;c=a%3Bc=b%25%0A%7F;a=x y")
        // Without escaping, a certificate ID holding ";r=" would collide with a resource.
        #expect(
            FindingKey(rule: "R", certificate: "x;r=y", resource: nil, package: nil, aspect: nil)
                != FindingKey(rule: "R", certificate: "x", resource: "y", package: nil, aspect: nil))
    }

    /// Text with nothing to escape is kept as it is, non-ASCII letters included; C1 controls and the
    /// noncharacters U+FFFE and U+FFFF are escaped byte by byte.
    @Test func onlySeparatorsAndControlsAreEscapedWhateverTheScript() {
        #expect(FindingKey.escape("erp.example.com") == "erp.example.com")
        #expect(FindingKey.escape("证书-é~ ") == "证书-é~ ")
        #expect(FindingKey.escape("a\u{85}b") == "a%C2%85b")
        #expect(FindingKey.escape("\u{FFFE}\u{FFFF}\u{9F}") == "%EF%BF%BE%EF%BF%BF%C2%9F")
        #expect(FindingKey.escape("\u{A0};") == "\u{A0}%3B")
    }

    @Test func distinctNumbersRepeatsInReportOrder() {
        let findings = ["b", "a", "c"].map {
            Finding(ruleID: .notifyChannels, severity: .medium, message: $0)
        }
        let keys = FindingKey.distinct(findings).map(\.key.text)
        #expect(keys == ["NOTIFY-CHANNELS", "NOTIFY-CHANNELS;a=#2", "NOTIFY-CHANNELS;a=#3"])
        let unique = [
            Finding(ruleID: .brSan, severity: .medium, certificateID: "c", message: "m", aspect: "no-san"),
            Finding(ruleID: .brSan, severity: .medium, certificateID: "c", message: "m", aspect: "cn:x"),
        ]
        #expect(Set(FindingKey.distinct(unique).map(\.key)) == Set(unique.map(\.key)))
    }

    /// The numbering as it was first written, as plainly as possible: every key looked up in a
    /// table, in report order. `distinct` must number exactly as it does.
    static func plainlyDistinct(_ findings: [Finding]) -> [Finding] {
        var seen: [String: Int] = [:]
        return findings.sorted().map { finding in
            let count = (seen[finding.key.text] ?? 0) + 1
            seen[finding.key.text] = count
            var numbered = finding
            if count > 1 { numbered.aspect = (finding.aspect ?? "") + "#\(count)" }
            return numbered
        }
    }

    /// Generated findings with few values, so that keys repeat within a severity and across
    /// severities (not next to each other in report order), in or out of report order.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func distinctNumbersAsThePlainModelDoes(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        let severities: [Severity] = [.critical, .high, .medium, .low, .info]
        let rules: [RuleID] = [.brSan, .notifyChannels, .resExpiredBinding]
        let findings = (0..<400).map { _ in
            Finding(
                ruleID: rules[numbers.next(rules.count)], severity: severities[numbers.next(severities.count)],
                certificateID: numbers.next(4) == 0 ? nil : "c\(numbers.next(6))",
                resourceID: numbers.next(3) == 0 ? "r\(numbers.next(2))" : nil,
                date: numbers.next(2) == 0 ? nil : LocalDate(year: 2027, month: 1, day: 1 + numbers.next(3)),
                message: "m\(numbers.next(3))", aspect: numbers.next(2) == 0 ? nil : "a\(numbers.next(3))")
        }
        let expected = Self.plainlyDistinct(findings)
        #expect(expected.contains { $0.aspect?.contains("#") == true })
        #expect(FindingKey.distinct(findings) == expected)
        #expect(FindingKey.distinct(findings.sorted()) == expected)
        #expect(Set(expected.map(\.key)).count == expected.count)
    }

    /// A key reads back as the parts it was made of, byte for byte, whatever they hold; text that
    /// `init(rule:…)` would not write reads as nothing.
    @Test func aKeyReadsBackAsItsParts() {
        let values: [String?] = [
            nil, "", "c1", "a;c=b%\n\u{7F}", "%41", "证书-é", "e\u{301}", "\u{85}\u{FFFE}x", ";", "%", "a=b",
        ]
        var checked = 0
        var mismatches: [String] = []
        // Every combination of the values in the four places.
        for rule in ["R", "RES-EXPIRED-BINDING", "R;x", "R%"] {
            for combination in 0..<(values.count * values.count * values.count * values.count) {
                // The combination's four digits in base `values.count`.
                var rest = combination
                let picked = (0..<4).map { _ in
                    defer { rest /= values.count }
                    return values[rest % values.count]
                }
                let key = FindingKey(
                    rule: rule, certificate: picked[0], resource: picked[1], package: picked[2], aspect: picked[3])
                let bytes = { (value: String?) in value.map { Array($0.utf8) } }
                let read = key.parts
                let expected = [rule, picked[0], picked[1], picked[2], picked[3]].map(bytes)
                let got = read.map { [$0.rule, $0.certificate, $0.resource, $0.package, $0.aspect].map(bytes) }
                if got != expected { mismatches.append(key.text) }
                checked += 1
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(checked == 4 * 11 * 11 * 11 * 11)
        for text in [
            "A;x=1", "A;r=1;c=2", "A;c=1;c=2", "A;c=%4", "A;c=%41", "A;c=%e9", "A;c", "A;c=%C3", "A;a=x;p=y",
        ] {
            #expect(FindingKey(text: text).parts == nil, "\(text)")
        }
        #expect(FindingKey(text: "A;c=%3B;a=x#2").parts?.certificate == ";")
    }
}
