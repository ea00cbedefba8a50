import CertAuditCore

/// The inventory section of a `ReportModel`: each `ReportCertificate` is made when it is read, one at
/// a time, and dropped after.
///
/// Why lazy: a `ReportCertificate` is some fifteen strings and two arrays, and a copy of the whole
/// estate as rows cost hundreds of megabytes at 100,000 certificates (gigabytes at a million) while
/// the estate itself was still in memory. What is held instead is the `Estate` (shared, not copied)
/// and each certificate's position in `estate.certificates`, in report order: four bytes a
/// certificate. A row is the same whenever it is made (`ReportModel.certificate`), so the renderers
/// read exactly what an array of rows would give them.
///
/// The cost: the estate now lives until the reports are written, where before only the smaller rows
/// did (heaptrack, 20,000 certificates: 195 MB while writing instead of 147 MB); but building the
/// model no longer holds the estate and every row at once, which was the higher point (237 MB
/// instead of 257 MB). Each row is made by every renderer that reads it (the XML, the CSV, the
/// pages, the metrics): a few per cent more CPU than making it once.
///
/// Reading a row costs its making (cleaning and formatting every field): a consumer that reads one
/// row many times should take it once (`for certificate in certificates`, not `certificates[i]` per
/// field). Sorting and comparing read the cheap per-position values here (`id(at:)`,
/// `daysToExpiry(at:)`, `fingerprint(at:)`) rather than rows.
public struct ReportCertificates: RandomAccessCollection, Sendable {
    private let estate: Estate
    /// Positions in `estate.certificates`, in this collection's order, as 32-bit numbers: held from
    /// the model to the last report, with the inventory pages' order beside it while they are
    /// written (an estate's certificates are far fewer than 2³¹).
    private let order: [Int32]
    private let settings: AuditSettings

    /// The estate's certificates in report order: by ID, then inventory line.
    public init(estate: Estate, settings: AuditSettings) {
        let order = estate.certificates.stableOrder(workers: 1) {
            ($0.pointee.id, $0.pointee.record.line) < ($1.pointee.id, $1.pointee.record.line)
        }
        self.init(estate: estate, order: order, settings: settings)
    }

    private init(estate: Estate, order: [Int32], settings: AuditSettings) {
        self.estate = estate
        self.order = order
        self.settings = settings
    }

    /// The audit's as-of time, in seconds since 1970 (what the metrics' relative gauges count from).
    var asOfSeconds: Int64 { settings.asOf.secondsSinceEpoch }

    /// Where the row at a position is in `estate.certificates`.
    private func place(of position: Int) -> Int { Int(order[position]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }

    /// The row at a position, made now.
    public subscript(position: Int) -> ReportCertificate {
        let place = place(of: position)
        return ReportModel.certificate(
            estate.certificates[place], bound: estate.resources(boundToCertificateAt: place), settings: settings)
    }

    /// The same certificates in another order: `positions` are positions in this collection.
    func reordered<Positions: Sequence>(_ positions: Positions) -> ReportCertificates
    where Positions.Element: BinaryInteger {
        ReportCertificates(estate: estate, order: positions.map { order[Int($0)] }, settings: settings)
    }

    /// The row's `id`, without making the row.
    func id(at position: Int) -> String { ReportText.clean(estate.certificates[place(of: position)].record.id) }

    /// The row's `daysToExpiry`, without making the row.
    func daysToExpiry(at position: Int) -> Int64? {
        estate.certificates[place(of: position)].effectiveExpiry.map { settings.daysToExpiry($0) }
    }

    /// The row's `id`, `serial`, `subject`, `issuer` and times, for metrics.prom, without making the
    /// row (making every row took most of the time metrics.prom took).
    func gaugeFacts(at position: Int) -> CertificateGaugeFacts {
        let certificate = estate.certificates[place(of: position)]
        let leaf = certificate.leaf
        return CertificateGaugeFacts(
            id: ReportText.clean(certificate.record.id), serial: ReportText.clean(leaf?.serialHex),
            subject: ReportText.clean(leaf?.subject), issuer: ReportText.clean(leaf?.issuer),
            notBeforeSeconds: leaf?.notBefore.secondsSinceEpoch,
            notAfterSeconds: certificate.notAfter?.secondsSinceEpoch)
    }

    /// The row's `fingerprint`, without making the row.
    func fingerprint(at position: Int) -> String? { estate.certificates[place(of: position)].leaf?.fingerprintSHA256 }

    /// The row's fingerprint as the estate holds it, without making a string.
    func heldFingerprint(at position: Int) -> HexText? { estate.certificates[place(of: position)].leaf?.fingerprint }
}
