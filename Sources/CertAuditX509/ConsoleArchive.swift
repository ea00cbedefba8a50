import Foundation
import ZIPFoundation

/// The console's ZIP download: one folder per server type (`*_nginx`, `*_apache`, `*_iis`,
/// `*_tomcat`, `*_other`, any letter case), read in memory with limits of our own — no path that
/// could leave a folder (zip-slip), no more than `entryLimit` entries, no entry above the size limit
/// (counted while inflating, since declared sizes can lie), no suspicious compression ratio.
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

    /// Reads bytes held in memory through a private temporary file: ZIPFoundation's in-memory
    /// archive crashes on an entry offset past the end (a fuzz finding), its file-backed one does not.
    init(bytes: [UInt8], file: String, sizeLimit: Int) throws(BundleError) {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-zip-\(UUID().uuidString)")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw BundleError(.unreadable, file: file, "cannot stage the ZIP archive in \(temporary.path)") }
        defer { try? FileManager.default.removeItem(at: temporary) }
        try self.init(url: temporary, file: file, sizeLimit: sizeLimit)
    }

    /// Reads a ZIP file already confined and size-checked by the caller.
    init(url: URL, file: String, sizeLimit: Int) throws(BundleError) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw BundleError(.malformedCertificate, file: file, "not a readable ZIP archive (\(error))")
        }
        var forms: [String: Form] = [:]
        var count = 0
        var total = 0
        for entry in archive {
            count += 1
            guard count <= Self.entryLimit else {
                throw BundleError(.unsafeArchive, file: file, "more than \(Self.entryLimit) entries")
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard !path.hasPrefix("/"), !path.contains("\\"), !parts.contains(".."), !parts.isEmpty else {
                throw BundleError(.unsafeArchive, file: file, "entry '\(path)' would leave its folder (zip slip)")
            }
            guard entry.type == .file else {
                if entry.type == .symlink {
                    throw BundleError(.unsafeArchive, file: file, "entry '\(path)' is a symbolic link")
                }
                continue
            }
            guard entry.uncompressedSize <= UInt64(sizeLimit) else {
                throw BundleError(
                    .tooLarge, file: file, "entry '\(path)' is \(entry.uncompressedSize) bytes, above the limit")
            }
            if entry.compressedSize > 0, entry.uncompressedSize / entry.compressedSize > Self.ratioLimit,
                entry.uncompressedSize > 65_536
            {
                throw BundleError(
                    .unsafeArchive, file: file,
                    "entry '\(path)' inflates \(entry.uncompressedSize / entry.compressedSize)-fold (a ZIP bomb?)")
            }
            var data: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data += chunk
                    if data.count > sizeLimit { throw ArchiveLimit.exceeded }
                }
            } catch {
                throw BundleError(
                    .unsafeArchive, file: file, "entry '\(path)' cannot be read within the limits (\(error))")
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

    private enum ArchiveLimit: Error { case exceeded }
}
