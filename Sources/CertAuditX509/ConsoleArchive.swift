import CertAuditCore

/// The console's ZIP download: one folder per server type (`*_nginx`, `*_apache`, `*_iis`,
/// `*_tomcat`, `*_other`, any letter case), read in memory by `ZipReader` with limits of our own —
/// no path that could leave a folder (zip slip), no more than `entryLimit` entries, no entry above the
/// size limit (inflated into a buffer of the declared size, never more), no suspicious compression
/// ratio, no symbolic links.
struct ConsoleArchive {
    /// One server type's files.
    struct Form {
        let name: String
        var files: [(name: String, bytes: [UInt8])]
    }

    static let entryLimit = 256
    static let ratioLimit: UInt64 = 100
    /// The order in which forms are preferred: a PEM form first, else the PFX.
    static let preference = ["nginx", "apache", "other", "iis", "tomcat"]

    let forms: [Form]

    init(bytes: [UInt8], file: String, sizeLimit: Int) throws(BundleError) {
        let archive: ZipReader
        do {
            archive = try ZipReader(bytes, entryLimit: Self.entryLimit)
        } catch {
            throw BundleError(.unsafeArchive, file: file, error.description)
        }
        var forms: [String: Form] = [:]
        var total = 0
        for entry in archive.entries {
            let path = entry.path
            // Bytes, not characters: a combining mark after `/` or `\` makes one character of both,
            // which hid an absolute path, a backslash or a `..` from a check by characters.
            let parts = RelativePath.components(of: path).map(String.init)
            let leavesItsFolder =
                path.utf8.first == UInt8(ascii: "/") || path.utf8.contains(UInt8(ascii: "\\"))
                || parts.contains { $0.utf8.elementsEqual("..".utf8) }
            guard !leavesItsFolder, !parts.isEmpty else {
                throw BundleError(.unsafeArchive, file: file, "entry '\(path)' would leave its folder (zip slip)")
            }
            if entry.isSymbolicLink {
                throw BundleError(.unsafeArchive, file: file, "entry '\(path)' is a symbolic link")
            }
            if entry.isDirectory { continue }
            guard entry.uncompressedSize <= sizeLimit else {
                throw BundleError(
                    .tooLarge, file: file, "entry '\(path)' is \(entry.uncompressedSize) bytes, above the limit")
            }
            if entry.compressedSize > 0, entry.uncompressedSize / entry.compressedSize > Int(Self.ratioLimit),
                entry.uncompressedSize > 65_536
            {
                throw BundleError(
                    .unsafeArchive, file: file,
                    "entry '\(path)' inflates \(entry.uncompressedSize / entry.compressedSize)-fold (a ZIP bomb?)")
            }
            let data: [UInt8]
            do {
                data = try archive.contents(of: entry, limit: sizeLimit)
            } catch {
                throw BundleError(.unsafeArchive, file: file, "entry '\(path)': \(error.description)")
            }
            total += data.count
            guard total <= sizeLimit * 4 else {
                throw BundleError(.tooLarge, file: file, "the archive inflates to more than \(sizeLimit * 4) bytes")
            }
            let folder = parts.count > 1 ? Self.formName(parts[0]) : "other"
            forms[folder, default: Form(name: folder, files: [])].files.append((parts.joined(separator: "/"), data))
        }
        self.forms = forms.values.sorted { Self.rank($0.name) < Self.rank($1.name) }
        guard !self.forms.isEmpty else { throw BundleError(.noCertificate, file: file, "the ZIP archive is empty") }
    }

    /// `www.example.com_Nginx` → `nginx`; an unknown folder keeps its own name.
    static func formName(_ folder: String) -> String {
        let lower = folder.lowercased()
        return preference.first { lower == $0 || lower.hasSuffix("_" + $0) } ?? lower
    }

    static func rank(_ name: String) -> Int { preference.firstIndex(of: name) ?? preference.count }

}
