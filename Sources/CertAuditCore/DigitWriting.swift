extension UnsafeMutableBufferPointer<UInt8> {
    /// Writes `value`'s last `width` decimal digits so that the last lands at `end`, zero-padded:
    /// dates and times written straight into a string's storage (`LocalDate.description`,
    /// `RunTimeZone.iso8601`). `value` must not be negative.
    func writeDigits(of value: Int, endingAt end: Int, width: Int) {
        var rest = value
        for position in stride(from: end, to: end - width, by: -1) {
            self[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
