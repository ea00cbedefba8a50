/// One line of a metric family in the Prometheus text exposition format: labels and a value.
public struct MetricSample: Sendable, Hashable {
    /// Label names and values, in the order they are written.
    public var labels: [Label]
    /// The value as written: an integer, or a decimal with a fixed number of places.
    public var value: String

    public struct Label: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(_ labels: [Label] = [], value: Int64) {
        self.labels = labels
        self.value = String(value)
    }

    public init(_ labels: [Label] = [], value: Int) {
        self.init(labels, value: Int64(value))
    }

    /// A duration in seconds, to the millisecond.
    public init(_ labels: [Label] = [], seconds: Duration) {
        self.labels = labels
        let milliseconds = seconds.components.seconds * 1_000 + seconds.components.attoseconds / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1_000)
        self.value = "\(milliseconds / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `name{label="value",…} value`; label values escaped as the format asks (backslash, double
    /// quote and line feed), so that any text from the inputs stays inside its quotes.
    func line(_ name: String) -> String {
        guard !labels.isEmpty else { return "\(name) \(value)" }
        let pairs = labels.map { "\($0.name)=\"\(Self.escaped($0.value, quote: true))\"" }
        return "\(name){\(pairs.joined(separator: ","))} \(value)"
    }

    /// Backslash and line feed are escaped in label values and HELP texts, the double quote in label
    /// values only.
    static func escaped(_ text: String, quote: Bool) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\"" where quote: escaped += "\\\""
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
