/// A path named in the inputs (a bundle, a folder of certificates), split as the file system
/// splits it: at every `/` byte, empty components left out.
///
/// Why not `String.split(separator: "/")`: it splits at `/` *characters*, and a combining mark after
/// a slash makes one character of both, so `../\u{301}x` was one component there — a `..` the
/// bundles folder's confinement check did not see — while the file system reads `..` and `\u{301}x`.
/// It also walked grapheme clusters: some 10,000 instructions a path, three times a bundle.
public enum RelativePath {
    /// The components between `/` bytes, in order, empty ones left out.
    public static func components(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// Whether a component is `..`: a path the bundles folder's confinement refuses (the loader's
    /// check and the prefetch's, one rule).
    public static func climbs(_ path: String) -> Bool {
        components(of: path).contains("..")
    }

    /// Every component but the last, joined by `/`: the folder a file is in ("" for a bare name).
    public static func folder(of path: String) -> String {
        components(of: path).dropLast().joined(separator: "/")
    }

    /// The last component: a file's name (the path itself when it has no component).
    public static func name(of path: String) -> String {
        components(of: path).last.map(String.init) ?? path
    }
}
