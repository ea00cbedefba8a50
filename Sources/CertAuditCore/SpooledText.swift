/// A text kept in the process's `TextSpool`: twelve bytes where it is held, its bytes in the
/// spool's pages (on disk once the run spills them). Compared and hashed as the `String` it holds,
/// so an owner keeps its value semantics whichever text it was given when.
public struct SpooledText: Sendable, Hashable, CustomStringConvertible {
    private let offset: UInt64
    private let length: UInt32

    public init(_ text: String) {
        if text.isEmpty {
            (offset, length) = (0, 0)
        } else {
            (offset, length) = TextSpool.shared.append(text)
        }
    }

    /// The text, read back from the spool (a copy each time: a reader that needs it twice keeps it).
    public var text: String { TextSpool.shared.text(at: offset, length: length) }

    public var description: String { text }

    /// Whether the text is empty, without reading it back.
    public var isEmpty: Bool { length == 0 }

    public static func == (lhs: SpooledText, rhs: SpooledText) -> Bool {
        (lhs.offset == rhs.offset && lhs.length == rhs.length) || lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
