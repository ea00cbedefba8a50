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
        guard !samples.isEmpty else { return "" }
        var text = "# HELP \(name) \(MetricSample.escaped(help, quote: false))\n# TYPE \(name) gauge\n"
        for sample in samples { text += sample.line(name) + "\n" }
        return text
    }
}
