import Foundation

/// Writes every byte of `bytes` to `descriptor` at its current offset, again where a signal cut a
/// write short; false (with `errno` set) when the system writes nothing. The one loop behind the
/// report files (`BufferedFileOutput`, `DirectFileSink`), the spooled labels (`SpooledBytes`) and the
/// blocks written behind (`WriteBehind`, through `writeAsMuch`).
func writeWhole(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    writeAsMuch(descriptor, bytes) == bytes.count
}

/// How many bytes of `bytes` the loop of `writeWhole` wrote: all of them, or as many as were written
/// before the system wrote nothing more (`errno` then set; `EIO` where a write returned 0 without one).
func writeAsMuch(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var written = 0
    while written < bytes.count {
        let count = write(descriptor, base + written, bytes.count - written)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
            if count == 0 { errno = EIO }
            return written
        }
        written += count
    }
    return written
}
