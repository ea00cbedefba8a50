import Foundation

/// Writes every byte of `bytes` to `descriptor` at its current offset, again where a signal cut a
/// write short; false (with `errno` set) when the system writes nothing. The one loop behind the
/// report files (`BufferedFileOutput`) and the spooled labels (`SpooledBytes`).
func writeWhole(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var written = 0
    while written < bytes.count {
        let count = write(descriptor, base + written, bytes.count - written)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        written += count
    }
    return true
}
