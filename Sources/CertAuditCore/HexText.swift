/// Text that is nearly always hex digits — a fingerprint, a serial number, a key identifier — held
/// as the bytes it spells, inline, when it is an even number of hex digits of one case spelling at
/// most 32 bytes; any other text is held as it is. It reads back exactly as given, and two values
/// are equal exactly when their texts are.
///
/// Why: as strings, a leaf's SHA-256 fingerprint, serial and subject key ID were three heap blocks
/// of 80–112 bytes, unique to the certificate — about 270 bytes a certificate, 27 MB at 100,000.
/// Public so that a table of certificates can be keyed by a fingerprint as held: hashing it makes no
/// string (`EstateInterner`).
public struct HexText: Sendable, Hashable, Comparable {
    private enum Storage: Sendable, Hashable {
        /// `count` bytes, big-endian, in the four words in order; `uppercase` when its letters are.
        case bytes(UInt64, UInt64, UInt64, UInt64, count: UInt8, uppercase: Bool)
        case text(String)
    }

    private let storage: Storage

    public init(_ text: String) {
        storage = Self.packed(text) ?? .text(text)
    }

    public var text: String {
        switch storage {
        case .text(let text): return text
        case .bytes(let w0, let w1, let w2, let w3, let count, let uppercase):
            let digits = uppercase ? Self.upperDigits : Self.lowerDigits
            return String(unsafeUninitializedCapacity: Int(count) * 2) { utf8 in
                for index in 0..<Int(count) {
                    let word =
                        switch index / 8 {
                        case 0: w0
                        case 1: w1
                        case 2: w2
                        default: w3
                        }
                    let byte = UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index % 8)))
                    utf8[2 * index] = digits[Int(byte >> 4)]
                    utf8[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return Int(count) * 2
            }
        }
    }

    /// An order to sort and search many of them by, not their texts' order: values held as bytes by
    /// their words, byte count and case, before those held as text, by their text. Consistent with
    /// `==`: one text has one storage.
    public static func < (lhs: HexText, rhs: HexText) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (
            .bytes(let a0, let a1, let a2, let a3, let aCount, let aUpper),
            .bytes(let b0, let b1, let b2, let b3, let bCount, let bUpper)
        ):
            return (a0, a1, a2, a3, aCount, aUpper ? 1 : 0) < (b0, b1, b2, b3, bCount, bUpper ? 1 : 0)
        case (.bytes, .text): return true
        case (.text, .bytes): return false
        case (.text(let a), .text(let b)): return a < b
        }
    }

    private static let lowerDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes `text` spells, when it is an even number (up to 64) of hex digits whose letters
    /// are all of one case; nil otherwise. Digits alone read back the same in either case: they are
    /// held as lower case, so that one text has one storage.
    private static func packed(_ text: String) -> Storage? {
        var text = text
        return text.withUTF8(packed(utf8:))
    }

    /// `packed` on the text's bytes, read in place: every leaf's fingerprint and serial pass here
    /// (an array of words and an enumerated iterator per text were about 0.1 s of CPU at 100,000).
    /// Each word takes 16 digits, the first in its top bits; the last word's are moved up there.
    private static func packed(utf8: UnsafeBufferPointer<UInt8>) -> Storage? {
        guard !utf8.isEmpty, utf8.count % 2 == 0, utf8.count <= 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var sawLower = false
        var sawUpper = false
        var word: UInt64 = 0
        for index in utf8.indices {
            let character = utf8[index]
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                value = character - UInt8(ascii: "a") + 10
                sawLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                value = character - UInt8(ascii: "A") + 10
                sawUpper = true
            default: return nil
            }
            word = word << 4 | UInt64(value)
            let digitsInWord = index % 16 + 1
            guard digitsInWord == 16 || index == utf8.count - 1 else { continue }
            word <<= UInt64(64 - 4 * digitsInWord)
            switch index / 16 {
            case 0: words.0 = word
            case 1: words.1 = word
            case 2: words.2 = word
            default: words.3 = word
            }
            word = 0
        }
        guard !(sawLower && sawUpper) else { return nil }
        return .bytes(words.0, words.1, words.2, words.3, count: UInt8(utf8.count / 2), uppercase: sawUpper)
    }
}
