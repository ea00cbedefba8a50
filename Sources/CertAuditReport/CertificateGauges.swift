/// The exporter's five per-certificate gauges of `metrics.prom`, written from one table made once:
/// each certificate's labels as the bytes they are written as, and its two times.
///
/// The text format keeps a family's samples together, so the five gauges read every certificate
/// five times. Its labels (the ID, the serial in decimal, two names read from distinguished names)
/// are made once and kept as text in one array, about 130 bytes a certificate: a `MetricSample` of
/// strings per certificate and gauge took over 500 bytes, 500 MB at a million certificates, held
/// while the file was written.
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

    /// Every certificate's labels, `{…}`, one after the other.
    private var labels: [UInt8] = []
    /// Where each certificate's labels end in `labels`.
    private var labelEnds: [Int] = []
    private var times: [Times] = []

    /// Bytes of labels reserved a certificate, more than they take (about 130): a large block is
    /// mapped, and only the pages written become resident, so room to spare costs address space,
    /// not memory. Grown by doubling, the table was copied whole while it was made: at a million
    /// certificates, twice its size was resident at the run's peak.
    static let reservedLabelBytes = 256

    /// The inventory read once, without making its rows.
    init(_ certificates: ReportCertificates) {
        labels.reserveCapacity(certificates.count * Self.reservedLabelBytes)
        labelEnds.reserveCapacity(certificates.count)
        times.reserveCapacity(certificates.count)
        for position in certificates.indices {
            let certificate = certificates.gaugeFacts(at: position)
            MetricSample.appendLabels(MetricsRenderer.labels(certificate), to: &labels)
            labelEnds.append(labels.count)
            times.append(
                Times(notBeforeSeconds: certificate.notBeforeSeconds, notAfterSeconds: certificate.notAfterSeconds))
        }
    }

    /// Each gauge with a sample handed to `sink`: its header, then a line at a time.
    func emit<Failure: Error>(asOf: Int64, _ sink: ((inout [UInt8]) -> Void) throws(Failure) -> Void)
        throws(Failure)
    {
        for gauge in Self.gauges {
            var wroteHeader = false
            for index in times.indices {
                guard let value = gauge.value(times[index], asOf) else { continue }
                if !wroteHeader {
                    try sink { MetricFamily.appendHeader(gauge.name, help: gauge.help, to: &$0) }
                    wroteHeader = true
                }
                try sink { line in
                    line.append(contentsOf: gauge.name.utf8)
                    line.append(contentsOf: labels[(index == 0 ? 0 : labelEnds[index - 1])..<labelEnds[index]])
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: String(value).utf8)
                    line.append(UInt8(ascii: "\n"))
                }
            }
        }
    }
}
