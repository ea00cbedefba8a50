/// A message digest fed a piece at a time. The report layer hashes each report file as it writes
/// it, so that `SHA256SUMS` needs no second read of the output (a gigabyte at 100,000
/// certificates), with whichever implementation the run hands it: OpenSSL's (`SHA256Stream`) or
/// the report layer's own (`SwiftSHA256`).
public protocol DigestStream {
    /// Feeds the next bytes of the message.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The digest of everything fed, in lower-case hexadecimal, or nil when it could not be made
    /// (OpenSSL had no memory for the stream); the stream is done after it.
    mutating func digestHex() -> String?
}
