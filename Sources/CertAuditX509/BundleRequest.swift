/// Which files make one certificate row's bundle, relative to `inputs/bundles/`.
public struct BundleRequest: Sendable, Hashable {
    public var bundle: String
    public var key: String?
    public var passwordFile: String?

    public init(bundle: String, key: String? = nil, passwordFile: String? = nil) {
        self.bundle = bundle
        self.key = key
        self.passwordFile = passwordFile
    }
}
