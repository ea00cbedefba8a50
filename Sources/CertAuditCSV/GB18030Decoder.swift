import Glibc

/// Converts GB18030 (GBK's superset, what spreadsheets on Chinese Windows save) to UTF-8 with glibc's
/// `iconv`. Returns nil when the bytes are not valid GB18030 either.
enum GB18030Decoder {
    static func toUTF8(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        guard let start = input.baseAddress, !input.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inputLeft = input.count
        var produced = 0
        var inputPointer = UnsafeMutablePointer(mutating: UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))
        while inputLeft > 0 {
            let capacity = output.count - produced
            var outputLeft = capacity
            let result = output.withUnsafeMutableBytes { buffer -> Int in
                var outputPointer: UnsafeMutablePointer<CChar>? =
                    buffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: CChar.self)
                var source: UnsafeMutablePointer<CChar>? = inputPointer
                let status = iconv(converter, &source, &inputLeft, &outputPointer, &outputLeft)
                inputPointer = source!
                return status
            }
            produced += capacity - outputLeft
            if result == -1 {
                guard errno == E2BIG else { return nil }
                output.append(contentsOf: repeatElement(0, count: output.count))
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
