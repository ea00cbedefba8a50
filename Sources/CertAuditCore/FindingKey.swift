/// A finding's identity from one run to the next, so that a nightly job can tell what is new, what
/// got fixed and what is still open, and so that `accepted.csv` can name one finding.
///
/// The key is the rule ID, then each of certificate (`c=`), resource (`r=`), package (`p=`) and
/// aspect (`a=`) that the finding has, joined with `;`:
/// `BR-SAN;c=fet3sVOX;a=cn:erp.example.com`. It never holds the message (its words may change) nor a
/// date that moves by itself. In the values, `%`, `;` and control characters are written as `%XX`
/// (UTF-8 bytes in hex), so the key is unambiguous and always legal in XML and CSV.
///
/// Two findings of one run with the same parts (a rule that gave no aspect) are told apart by
/// `distinct(_:)`, which numbers the later ones `#2`, `#3`… in report order.
public struct FindingKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    public init(rule: String, certificate: String?, resource: String?, package: String?, aspect: String?) {
        // Built in one string: every report row reads its finding's key, millions at a million
        // certificates, and the arrays of parts this was joined from cost more than the key.
        var text = Self.escape(rule)
        if let certificate { Self.append("c", certificate, to: &text) }
        if let resource { Self.append("r", resource, to: &text) }
        if let package { Self.append("p", package, to: &text) }
        if let aspect { Self.append("a", aspect, to: &text) }
        self.text = text
    }

    private static func append(_ tag: String, _ value: String, to text: inout String) {
        text += ";"
        text += tag
        text += "="
        text += escape(value)
    }

    public var description: String { text }

    /// What a key is made of, as `init(rule:certificate:resource:package:aspect:)` took it.
    public struct Parts: Sendable, Hashable {
        public var rule: String
        public var certificate: String?
        public var resource: String?
        public var package: String?
        public var aspect: String?
    }

    /// The parts read back from the text: nil unless the text is exactly what
    /// `init(rule:certificate:resource:package:aspect:)` writes for them (the tags in their order,
    /// each `%XX` one that escaping writes), so the parts given are the ones the key was made of.
    /// A previous run's findings keep only their keys and read their other fields back from them
    /// (`BaselineFindings`).
    public var parts: Parts? {
        let fields = text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard let first = fields.first, let rule = Self.unescape(first) else { return nil }
        var parts = Parts(rule: rule)
        for field in fields.dropFirst() {
            guard field.count >= 2, field[field.index(after: field.startIndex)] == UInt8(ascii: "="),
                let value = Self.unescape(field.dropFirst(2))
            else { return nil }
            switch field.first {
            case UInt8(ascii: "c") where parts.certificate == nil: parts.certificate = value
            case UInt8(ascii: "r") where parts.resource == nil: parts.resource = value
            case UInt8(ascii: "p") where parts.package == nil: parts.package = value
            case UInt8(ascii: "a") where parts.aspect == nil: parts.aspect = value
            default: return nil
            }
        }
        // Out of order, escaped where escaping would not, or not valid UTF-8: not a key this type wrote.
        let written = FindingKey(
            rule: parts.rule, certificate: parts.certificate, resource: parts.resource, package: parts.package,
            aspect: parts.aspect)
        return written.text.hasSameBytes(as: text) ? parts : nil
    }

    /// `escape` undone: each `%XX` the byte it stands for; nil for a `%` without two hex digits.
    private static func unescape(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(Substring(bytes)) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                result.append(byte)
                continue
            }
            guard bytes.distance(from: index, to: bytes.endIndex) >= 2,
                let high = hexValue(bytes[index]), let low = hexValue(bytes[bytes.index(after: index)])
            else { return nil }
            result.append(high << 4 | low)
            index = bytes.index(index, offsetBy: 2)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool { lhs.text < rhs.text }

    /// `%`, `;` and control characters (C0, DEL, C1) as `%XX` per UTF-8 byte.
    static func escape(_ value: String) -> String {
        // Most values need nothing escaped: checked on the UTF-8 bytes, they are returned as they are.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x25 || $0 == 0x3B || $0 >= 0xC2 }) {
            return value
        }
        var result = ""
        for scalar in value.unicodeScalars {
            let value = scalar.value
            if scalar == "%" || scalar == ";" || value < 0x20 || (0x7F...0x9F).contains(value)
                || value == 0xFFFE || value == 0xFFFF
            {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The findings in report order with every key distinct: a finding whose key an earlier one
    /// already has gets `#2`, `#3`… appended to its aspect. The rules give an aspect wherever they can
    /// report one thing twice, so this is a safety net, not the rule.
    ///
    /// Findings that arrive in report order (the rule runner's) are not sorted again, and only those
    /// whose key parts hash like another finding's have their key made and looked up: a table of every
    /// key was hundreds of megabytes at a million certificates, for the handful that repeat. The
    /// hashes only pick the candidates — equal keys have equal parts, so equal hashes — and the
    /// numbering compares the keys themselves, so it does not depend on the hash seed.
    public static func distinct(_ findings: consuming [Finding]) -> [Finding] {
        var findings = findings
        if !Finding.areInReportOrder(findings) { Finding.putInReportOrder(&findings) }
        // One array of hashes, sorted in place; the rare repeated ones are hashed again below. Kept
        // in finding order as well, a second array was 19 MB at the end of the checks (a million
        // certificates), where the run's peak is.
        var ordered = findings.map(partsHash)
        ordered.sort()
        var repeated: Set<Int> = []
        for index in ordered.indices.dropFirst() where ordered[index] == ordered[index - 1] {
            repeated.insert(ordered[index])
        }
        guard !repeated.isEmpty else { return findings }
        var seen: [FindingKey: Int] = [:]
        for index in findings.indices where repeated.contains(partsHash(findings[index])) {
            let key = findings[index].key
            let count = (seen[key] ?? 0) + 1
            seen[key] = count
            if count > 1 { findings[index].aspect = (findings[index].aspect ?? "") + "#\(count)" }
        }
        return findings
    }

    /// A hash of what a finding's key is made of, without making the key.
    private static func partsHash(_ finding: Finding) -> Int {
        var hasher = Hasher()
        hasher.combine(finding.ruleID)
        hasher.combine(finding.certificateID)
        hasher.combine(finding.resourceID)
        hasher.combine(finding.packageID)
        hasher.combine(finding.aspect)
        return hasher.finalize()
    }
}
