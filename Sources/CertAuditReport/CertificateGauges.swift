/// The exporter's five per-certificate gauges of `metrics.prom`, written from one table made once and
/// spooled: each certificate's labels as the bytes they are written as, and its two times.
///
/// The text format keeps a family's samples together, so the five gauges read every certificate
/// five times. Its labels (the ID, the serial in decimal, two names read from distinguished names)
/// are made once, as text, about 130 bytes a certificate, and spooled to an unnamed file
/// (`SpooledBytes`) that each gauge reads back in order: metrics.prom is written last, while the
/// whole report model is still held, and the table in memory made a million certificates' peak
/// (130 MB of labels; a `MetricSample` of strings per certificate and gauge had taken 500 MB).
struct CertificateGauges {
    /// A gauge: its name, its HELP text, and its value from a certificate's times and the as-of time
    /// (nil: no sample for that certificate).
    struct Gauge: Sendable {
        var name: String
        var help: String
        var value: @Sendable (_ times: Times, _ asOf: Int64) -> Int64?
    }

    /// A certificate's times the gauges read, in seconds since 1970.
    struct Times {
        var notBeforeSeconds: Int64?
        var notAfterSeconds: Int64?
    }

    /// The gauges in the order they are written.
    static let gauges = [
        Gauge(name: "x509_cert_not_before", help: "Indicates the certificate's not before timestamp") { times, _ in
            times.notBeforeSeconds
        },
        Gauge(name: "x509_cert_not_after", help: "Indicates the certificate's not after timestamp") { times, _ in
            times.notAfterSeconds
        },
        Gauge(name: "x509_cert_expired", help: "Indicates if the certificate is expired at the as-of time") {
            times, asOf in times.notAfterSeconds.map { asOf > $0 ? 1 : 0 }
        },
        Gauge(
            name: "x509_cert_expires_in_seconds",
            help: "Indicates the remaining time from the as-of time to the certificate's not after timestamp"
        ) { times, asOf in times.notAfterSeconds.map { $0 - asOf } },
        Gauge(
            name: "x509_cert_valid_since_seconds",
            help: "Indicates the elapsed time from the certificate's not before timestamp to the as-of time"
        ) { times, asOf in times.notBeforeSeconds.map { asOf - $0 } },
    ]

    /// Every certificate's record, one after the other: its labels' length (4 bytes), a byte saying
    /// which times it has, its two times (8 bytes each), then its labels, `{…}`. The lengths and times
    /// are spooled with the labels: held in memory they were 36 bytes a certificate, the last rise of
    /// a million certificates' writing.
    private let records: SpooledBytes
    private let count: Int

    /// The bytes before a certificate's labels.
    private static let headerSize = 4 + 1 + 8 + 8

    /// The inventory read once, without making its rows; the labels spooled in `directory`.
    init(_ certificates: ReportCertificates, spoolingIn directory: String) throws(ReportError) {
        records = try SpooledBytes(in: directory)
        count = certificates.count
        var text: [UInt8] = []
        var record: [UInt8] = []
        for position in certificates.indices {
            let certificate = certificates.gaugeFacts(at: position)
            text.removeAll(keepingCapacity: true)
            MetricSample.appendLabels(MetricsRenderer.labels(certificate), to: &text)
            record.removeAll(keepingCapacity: true)
            Self.append(UInt32(text.count), to: &record)
            let times = Times(
                notBeforeSeconds: certificate.notBeforeSeconds, notAfterSeconds: certificate.notAfterSeconds)
            record.append((times.notBeforeSeconds == nil ? 0 : 1) | (times.notAfterSeconds == nil ? 0 : 2))
            Self.append(UInt64(bitPattern: times.notBeforeSeconds ?? 0), to: &record)
            Self.append(UInt64(bitPattern: times.notAfterSeconds ?? 0), to: &record)
            record += text
            try records.append(record)
        }
    }

    /// Each gauge with a sample handed to `sink`: its header, then a line at a time.
    func emit(asOf: Int64, _ sink: ((inout [UInt8]) -> Void) throws(ReportError) -> Void) throws(ReportError) {
        var text: [UInt8] = []
        var header: [UInt8] = []
        for gauge in Self.gauges {
            var wroteHeader = false
            var reader = try records.reader()
            for _ in 0..<count {
                header.removeAll(keepingCapacity: true)
                try reader.read(Self.headerSize, appendingTo: &header)
                let length = Int(Self.number(header, at: 0, size: 4))
                let which = header[4]
                let times = Times(
                    notBeforeSeconds: which & 1 == 0 ? nil : Int64(bitPattern: Self.number(header, at: 5, size: 8)),
                    notAfterSeconds: which & 2 == 0 ? nil : Int64(bitPattern: Self.number(header, at: 13, size: 8)))
                guard let value = gauge.value(times, asOf) else {
                    try reader.skip(length)
                    continue
                }
                text.removeAll(keepingCapacity: true)
                try reader.read(length, appendingTo: &text)
                if !wroteHeader {
                    try sink { MetricFamily.appendHeader(gauge.name, help: gauge.help, to: &$0) }
                    wroteHeader = true
                }
                try sink { line in
                    line.append(contentsOf: gauge.name.utf8)
                    line.append(contentsOf: text)
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: String(value).utf8)
                    line.append(UInt8(ascii: "\n"))
                }
            }
        }
    }

    /// `value`'s bytes, least significant first.
    private static func append<Value: FixedWidthInteger & UnsignedInteger>(_ value: Value, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: Value.bitWidth, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    /// The number `append` wrote at `start`, `size` bytes long.
    private static func number(_ bytes: [UInt8], at start: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[start + $1]) << (8 * $1) }
    }
}
