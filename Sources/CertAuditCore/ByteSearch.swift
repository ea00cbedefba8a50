extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in these bytes: a plain search, for the PEM reader's markers and the
    /// rules' algorithm names (the string searches at hand go through Foundation's `NSString` or look
    /// up generic metadata per call). Inlinable, so that each caller gets it specialized.
    @inlinable public func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var start = startIndex
        while start != endIndex {
            if self[start...].starts(with: needle) { return true }
            start = index(after: start)
        }
        return false
    }
}
