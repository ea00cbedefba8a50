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
        var bytes: [UInt8] = []
        appendLine(name, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line without its line feed, appended as UTF-8 (metrics.prom has a line per certificate and
    /// gauge: no `String` is built for one).
    func appendLine(_ name: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        Self.appendLabels(labels, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: value.utf8)
    }

    /// `{label="value",…}`, or nothing when there are no labels.
    static func appendLabels(_ labels: [Label], to bytes: inout [UInt8]) {
        guard !labels.isEmpty else { return }
        bytes.append(UInt8(ascii: "{"))
        for index in labels.indices {
            if index > labels.startIndex { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: labels[index].name.utf8)
            bytes.append(contentsOf: #"=""#.utf8)
            appendEscaped(labels[index].value, quote: true, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Backslash and line feed are escaped in label values and HELP texts, the double quote in label
    /// values only.
    static func escaped(_ text: String, quote: Bool) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, quote: quote, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `escaped`, appended as UTF-8: the three characters are ASCII, so the rule on bytes is the rule
    /// on characters, and text without them is copied as it is.
    static func appendEscaped(_ text: String, quote: Bool, to bytes: inout [UInt8]) {
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0, quote: quote, to: &bytes) }
        if appended == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, quote: quote, to: &bytes) } }
    }

    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quote: Bool, to bytes: inout [UInt8]) {
        guard text.contains(where: { $0 == backslash || $0 == lineFeed || (quote && $0 == doubleQuote) }) else {
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case backslash: bytes.append(contentsOf: [backslash, backslash])
            case lineFeed: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case doubleQuote where quote: bytes.append(contentsOf: [backslash, doubleQuote])
            default: bytes.append(byte)
            }
        }
    }

    private static let backslash = UInt8(ascii: "\\"), lineFeed = UInt8(ascii: "\n"), doubleQuote = UInt8(ascii: "\"")
}
