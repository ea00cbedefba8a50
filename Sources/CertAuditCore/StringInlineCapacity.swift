extension String {
    /// The longest UTF-8 text a `String` holds inside its own 16 bytes (64-bit platforms): anything
    /// longer is a heap block. What a compact form of a text saves only above it (`EstateInterner`,
    /// `CertificateFacts.subject`).
    public static let inlineUTF8Capacity = 15
}
