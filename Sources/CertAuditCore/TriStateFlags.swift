/// Up to eight `Bool?` fields in 2 bits each: yes, no or unset. A row's yes/no columns
/// (`CertificateRecord`) take 2 bytes this way instead of one each, which with the other narrow
/// fields keeps a row within 152 bytes.
struct TriStateFlags: Sendable, Hashable {
    private var bits: UInt16 = 0

    static let capacity = UInt16.bitWidth / 2

    subscript(index: Int) -> Bool? {
        get {
            precondition(index >= 0 && index < Self.capacity, "a flag index is below \(Self.capacity)")
            switch bits >> UInt16(2 * index) & 0b11 {
            case 0b01: return false
            case 0b10: return true
            default: return nil
            }
        }
        set {
            precondition(index >= 0 && index < Self.capacity, "a flag index is below \(Self.capacity)")
            let shift = UInt16(2 * index)
            let value: UInt16 =
                switch newValue {
                case nil: 0b00
                case false?: 0b01
                case true?: 0b10
                }
            bits = bits & ~(0b11 << shift) | value << shift
        }
    }
}
