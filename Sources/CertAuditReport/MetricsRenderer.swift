import Foundation

/// `metrics.prom`: the run's figures in the Prometheus text exposition format (version 0.0.4), for
/// node_exporter's textfile collector.
///
/// The per-certificate gauges carry the names and labels of the x509-certificate-exporter project
/// (enix/x509-certificate-exporter, `internal/collector.go`: `x509_cert_not_before`,
/// `x509_cert_not_after`, `x509_cert_expired`, `x509_cert_expires_in_seconds`,
/// `x509_cert_valid_since_seconds`; labels `serial_number` in decimal, `subject_CN`, `issuer_CN`), so
/// that dashboards and alerts written for it work on certaudit's figures. Where they differ, it is on
/// purpose: the relative gauges and `x509_cert_expired` are measured from the as-of time, not the
/// clock, so the file is the same whenever it is rendered; the label `certificate` (certaudit's ID)
/// is added, because the exporter's `filepath` does not exist here; a certificate without a bundle
/// has only `x509_cert_not_after` (the inventory's date) and only the `certificate` label.
///
/// certaudit's own gauges start with `certaudit_`. Every value but one depends only on the inputs and
/// the as-of time: `certaudit_run_duration_seconds`, written last and only when the run measured
/// it, which the golden and thread-count comparisons mask (`MetricsRenderer.durationLine`).
public struct MetricsRenderer: Sendable {
    /// The one line that differs between two runs on the same inputs begins with this.
    public static let durationLine = "certaudit_run_duration_seconds "
    /// Outages predicted to begin within these many days of the as-of date are counted.
    public static let outageWindowsDays: [Int64] = [7, 30]

    /// Where the per-certificate labels are spooled while the file is written (`CertificateGauges`).
    public let spoolDirectory: String

    public init(spoolDirectory: String = NSTemporaryDirectory()) {
        self.spoolDirectory = spoolDirectory
    }

    public func render(_ model: ReportModel, runDuration: Duration? = nil) throws(ReportError) -> [UInt8] {
        var bytes: [UInt8] = []
        try emit(model, runDuration: runDuration) { (chunk: (inout [UInt8]) -> Void) in chunk(&bytes) }
        return bytes
    }

    /// The same bytes as `render`, streamed into `output` a line at a time: the text is five lines
    /// per certificate (94 MB at 100,000).
    public func write(_ model: ReportModel, runDuration: Duration? = nil, into output: BufferedFileOutput)
        throws(ReportError)
    {
        try emit(model, runDuration: runDuration) { (chunk: (inout [UInt8]) -> Void) throws(ReportError) in
            try output.append(chunk)
        }
    }

    /// The file's first part, the per-certificate gauges, streamed into `output`: they need only the
    /// inventory and the as-of time, so a run writes them as soon as the estate is read
    /// (`ReportWriter.begin`), and the run's own families after them (`runFamilies`) once the model
    /// is made.
    func writeCertificateGauges(_ certificates: ReportCertificates, into output: BufferedFileOutput)
        throws(ReportError)
    {
        try emitCertificateGauges(certificates) { (chunk: (inout [UInt8]) -> Void) throws(ReportError) in
            try output.append(chunk)
        }
    }

    /// The file's second part: the run's own families, without the run's duration.
    func runFamilies(_ model: ReportModel) -> [UInt8] {
        var bytes: [UInt8] = []
        for family in families(model) { family.emit { (chunk: (inout [UInt8]) -> Void) in chunk(&bytes) } }
        return bytes
    }

    /// The file's text handed to `sink` a line or a header at a time, in order: the per-certificate
    /// gauges, then the run's own families.
    func emit(
        _ model: ReportModel, runDuration: Duration?, _ sink: ((inout [UInt8]) -> Void) throws(ReportError) -> Void
    ) throws(ReportError) {
        try emitCertificateGauges(model.certificates, sink)
        for family in families(model, runDuration: runDuration) { try family.emit(sink) }
    }

    /// The per-certificate gauges handed to `sink`: the file's first part, whether the whole file is
    /// written at once (`emit`) or its gauges as soon as the estate is read (`writeCertificateGauges`).
    private func emitCertificateGauges(
        _ certificates: ReportCertificates, _ sink: ((inout [UInt8]) -> Void) throws(ReportError) -> Void
    ) throws(ReportError) {
        try CertificateGauges(certificates, spoolingIn: spoolDirectory).emit(asOf: certificates.asOfSeconds, sink)
    }

    /// The run's own families, after the per-certificate gauges, in the order they are written.
    /// Another figure is one more element here.
    func families(_ model: ReportModel, runDuration: Duration? = nil) -> [MetricFamily] {
        let findings = model.findings
        let asOf = model.asOfSeconds
        // Counted, not filtered into an array: a million certificates' predicted outages, copied,
        // were the writing's last rise (some 50 MB).
        let outages = model.outages
        let underWay = outages.count { $0.underWay }
        return [
            MetricFamily(
                "certaudit_as_of_timestamp_seconds", help: "The audit's as-of time (alert when it grows stale)",
                [MetricSample(value: asOf)]),
            MetricFamily(
                "certaudit_certificates", help: "Certificates in the inventory",
                [MetricSample(value: model.certificates.count)]),
            MetricFamily(
                "certaudit_findings", help: "Findings by rule and severity (a rule without findings has no sample)",
                Self.counts(findings.indices.lazy.map { (findings.rule(at: $0), findings.severity(at: $0)) })),
            MetricFamily(
                "certaudit_new_findings",
                help: "Findings new since the last run, by rule and severity (none when nothing was compared)",
                Self.counts(
                    findings.indices.lazy.filter { findings.change(at: $0) == "new" }.map {
                        (findings.rule(at: $0), findings.severity(at: $0))
                    })),
            MetricFamily(
                "certaudit_quarantined_rows", help: "Input rows quarantined as unusable",
                [MetricSample(value: model.quarantine.count)]),
            MetricFamily(
                "certaudit_outages_under_way", help: "Resources already serving an expired or revoked certificate",
                [MetricSample(value: underWay)]),
            MetricFamily(
                "certaudit_predicted_outages",
                help: "Resource outages the simulation predicts to begin within the given days of the as-of date",
                Self.outageWindowsDays.map { days in
                    MetricSample(
                        [MetricSample.Label("within_days", String(days))],
                        value: outages.count { !$0.underWay && $0.daysFromAsOf < days })
                }),
            MetricFamily(
                "certaudit_operations_requested", help: "Requested operations (operations.csv)",
                [MetricSample(value: model.operations.count)]),
            MetricFamily(
                "certaudit_operations_denied", help: "Requested operations the rules deny",
                [MetricSample(value: model.operations.count { $0.verdict == "denied" })]),
            Self.durationFamily(runDuration),
        ]
    }

    /// The run's duration, the last family: nothing when the run did not measure it.
    static func durationFamily(_ runDuration: Duration?) -> MetricFamily {
        MetricFamily(
            String(durationLine.dropLast()), help: "Seconds the run took, from reading the inputs to this file",
            runDuration.map { [MetricSample(seconds: $0)] } ?? [])
    }

    /// The lines a measured duration adds at the end of the file: the file written without a
    /// duration and then these are the file written with it. The report writer writes the rest
    /// beside the other files and these once all of them are written, so that the duration covers
    /// them.
    public static func durationLines(_ runDuration: Duration) -> [UInt8] {
        var bytes: [UInt8] = []
        durationFamily(runDuration).emit { (chunk: (inout [UInt8]) -> Void) in chunk(&bytes) }
        return bytes
    }

    /// One sample per rule and severity that has findings, sorted by both; the findings given as
    /// their rules and severities (read without making their rows).
    static func counts(_ findings: some Sequence<(rule: String, severity: String)>) -> [MetricSample] {
        var counts: [String: [String: Int]] = [:]
        for finding in findings { counts[finding.rule, default: [:]][finding.severity, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.flatMap { rule, bySeverity in
            bySeverity.sorted { $0.key < $1.key }.map { severity, count in
                MetricSample(
                    [MetricSample.Label("rule", rule), MetricSample.Label("severity", severity)], value: count)
            }
        }
    }

    /// `certificate`, then the exporter's `serial_number`, `subject_CN` and `issuer_CN` where the
    /// bundle tells them.
    static func labels(_ certificate: CertificateGaugeFacts) -> [MetricSample.Label] {
        var labels = [MetricSample.Label("certificate", certificate.id)]
        if let serial = certificate.serial.flatMap(Self.decimal) {
            labels.append(MetricSample.Label("serial_number", serial))
        }
        if let name = certificate.subject.flatMap({ DistinguishedName.first("CN", in: $0) }) {
            labels.append(MetricSample.Label("subject_CN", name))
        }
        if let name = certificate.issuer.flatMap({ DistinguishedName.first("CN", in: $0) }) {
            labels.append(MetricSample.Label("issuer_CN", name))
        }
        return labels
    }

    /// A serial number, upper-case hex with an optional leading `-`, in decimal as Go's
    /// `big.Int.String()` writes it (the exporter's `serial_number`); nil when it is not hex.
    static func decimal(_ hex: String) -> String? {
        let negative = hex.hasPrefix("-")
        let digits = negative ? hex.dropFirst() : Substring(hex)
        guard !digits.isEmpty, let nibbles = nibbles(of: digits) else { return nil }
        // Little-endian limbs of nine decimal digits, multiplied in by seven hex digits at a time
        // (a limb times 16⁷ stays below 2⁶⁴): a digit at a time was most of the conversion's CPU.
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        var start = nibbles.startIndex
        while start < nibbles.endIndex {
            let end = min(start + 7, nibbles.endIndex)
            var carry = nibbles[start..<end].reduce(UInt64(0)) { $0 << 4 | UInt64($1) }
            let scale = UInt64(1) << (4 * (end - start))
            for index in limbs.indices {
                let value = limbs[index] * scale + carry
                limbs[index] = value % base
                carry = value / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
            start = end
        }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return negative && text != "0" ? "-" + text : text
    }

    /// Each hex digit's value, or nil when a character is not one. An ASCII serial (what OpenSSL
    /// writes) is read byte by byte: walking it by `Character` was half of metrics.prom's CPU at
    /// 100,000 certificates. Any other text is read as before, by `Character.hexDigitValue`.
    private static func nibbles(of digits: Substring) -> [UInt8]? {
        guard digits.utf8.allSatisfy({ $0 < 0x80 }) else {
            var nibbles: [UInt8] = []
            for character in digits {
                guard let nibble = character.hexDigitValue else { return nil }
                nibbles.append(UInt8(nibble))
            }
            return nibbles
        }
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(digits.utf8.count)
        for byte in digits.utf8 {
            guard let nibble = byte.hexDigitValue else { return nil }
            nibbles.append(nibble)
        }
        return nibbles
    }
}
