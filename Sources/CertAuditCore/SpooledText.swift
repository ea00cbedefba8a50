/// A text kept in the process's `TextSpool`: eight bytes where it is held, its bytes in the spool's
/// pages (on disk once the run spills them). Compared and hashed as the `String` it holds, so an
/// owner keeps its value semantics whichever text it was given when.
///
/// The eight bytes are the text's offset in the spool (40 bits: a spool of up to 1 TiB) and its
/// length (24 bits). A text of 2²⁴ − 1 bytes (16 MiB) or more, which no message, detail or path
/// comes near, is stored after its length in 16 hex digits, and its length field says so
/// (`longLength`): the millions of findings and events a large estate keeps each hold one, and
/// eight bytes rather than twelve, with a four-byte date (`PackedLocalDate`), bring a finding and an
/// event from 64 bytes to 56.
public struct SpooledText: Sendable, Hashable, CustomStringConvertible {
    /// The offset above the low `lengthBits` bits, the length (or `longLength`) in them.
    private let bits: UInt64

    static let lengthBits: UInt64 = 24
    /// The length field of a text stored after its length (`longPrefix` hex digits).
    static let longLength: UInt64 = (1 << lengthBits) - 1
    static let longPrefix = 16

    public init(_ text: String) {
        self.init(text, group: TextSpool.ungrouped)
    }

    /// `text` in the spool, beside the texts of its `group` (`TextSpool.append(_:group:)`).
    init(_ text: String, group: Int) {
        let count = text.utf8.count
        if count == 0 {
            bits = 0
        } else if UInt64(count) < Self.longLength {
            let (offset, length) = TextSpool.shared.append(text, group: group)
            bits = Self.pack(offset: offset, length: UInt64(length))
        } else {
            let digits = String(count, radix: 16)
            let prefix = String(repeating: "0", count: Self.longPrefix - digits.count) + digits
            bits = Self.pack(
                offset: TextSpool.shared.append(prefix + text, group: group).offset, length: Self.longLength)
        }
    }

    private static func pack(offset: UInt64, length: UInt64) -> UInt64 {
        precondition(offset < 1 << (64 - lengthBits), "the text spool holds at most 1 TiB")
        return offset << lengthBits | length
    }

    private var offset: UInt64 { bits >> Self.lengthBits }
    private var length: UInt64 { bits & Self.longLength }

    /// The text, read back from the spool (a copy each time: a reader that needs it twice keeps it).
    public var text: String {
        guard length == Self.longLength else { return TextSpool.shared.text(at: offset, length: UInt32(length)) }
        let prefix = TextSpool.shared.text(at: offset, length: UInt32(Self.longPrefix))
        let count = UInt32(prefix, radix: 16)!
        return TextSpool.shared.text(at: offset + UInt64(Self.longPrefix), length: count)
    }

    public var description: String { text }

    /// Whether the text is empty, without reading it back.
    public var isEmpty: Bool { length == 0 }

    public static func == (lhs: SpooledText, rhs: SpooledText) -> Bool {
        lhs.bits == rhs.bits || lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// A spooled text's one word, so that an absent one packs into 8 bytes (`PackedOptional`): no text
/// is `Int64.min` (the empty one is 0, any other has a length in its low bits).
extension SpooledText: Int64Backed {
    var int64: Int64 { Int64(bitPattern: bits) }
    init(int64: Int64) { bits = UInt64(bitPattern: int64) }
}
