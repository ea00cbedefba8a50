/// Why a bundle, key or trust file could not be used. The code is stable (tests and callers compare
/// it); the message is for people and starts with the console's own wording.
public struct BundleError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case pathNotRelative = "path-not-relative"
        case pathOutsideBundles = "path-outside-bundles"
        case symlinkLoop = "symlink-loop"
        case notFound = "not-found"
        case notRegularFile = "not-regular-file"
        case tooLarge = "too-large"
        case unreadable
        case noCertificate = "no-certificate"
        case malformedCertificate = "malformed-certificate"
        case malformedKey = "malformed-key"
        case trustStore = "trust-store"
        case passwordRequired = "password-required"
        case wrongPassword = "wrong-password"
        case unsafeArchive = "unsafe-archive"
    }

    /// The console's message for anything it cannot parse: "parse failed, check that the
    /// certificate meets the standard".
    public static let consolePrefix = "解析失败,请检查证书是否符合标准"

    public let code: Code
    /// `解析失败,请检查证书是否符合标准: <file>: <precisely what is wrong>`.
    public let message: String

    public init(_ code: Code, file: String, _ detail: String) {
        self.code = code
        self.message = "\(BundleError.consolePrefix): \(file): \(detail)"
    }

    public var description: String { message }
}
