/// A named gauge and its samples, written as `# HELP`, `# TYPE` and one line per sample.
///
/// Only gauges: every figure is a reading of the estate at the as-of time, not a running count.
/// No sample carries a timestamp: node_exporter's textfile collector refuses files that do.
public struct MetricFamily: Sendable, Hashable {
    public var name: String
    public var help: String
    public var samples: [MetricSample]

    public init(_ name: String, help: String, _ samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.samples = samples
    }

    /// The family's lines, each ending in a line feed; nothing for a family without samples (a
    /// HELP and TYPE without a sample would announce a metric that is not there).
    var exposition: String {
        var bytes: [UInt8] = []
        emit { (chunk: (inout [UInt8]) -> Void) in chunk(&bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The exposition handed to `sink` a line at a time.
    func emit<Failure: Error>(_ sink: ((inout [UInt8]) -> Void) throws(Failure) -> Void) throws(Failure) {
        guard !samples.isEmpty else { return }
        try sink { Self.appendHeader(name, help: help, to: &$0) }
        for sample in samples {
            try sink {
                sample.appendLine(name, to: &$0)
                $0.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// `# HELP` and `# TYPE` of the gauge `name`.
    static func appendHeader(_ name: String, help: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "# HELP \(name) ".utf8)
        MetricSample.appendEscaped(help, quote: false, to: &bytes)
        bytes.append(contentsOf: "\n# TYPE \(name) gauge\n".utf8)
    }
}
