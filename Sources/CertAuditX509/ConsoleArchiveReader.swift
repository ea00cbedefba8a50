import Foundation

/// Picks the form to read from the console's ZIP — the PEM form (Nginx, then Apache, then Other),
/// else the PFX (IIS) — and cross-checks that every other form holds the same certificate and key.
enum ConsoleArchiveReader {
    static func material(of archive: ConsoleArchive, file: String, password: String?) throws(BundleError)
        -> BundleMaterial
    {
        var parsed: [(form: String, material: BundleMaterial)] = []
        var unreadable: [String] = []
        for form in archive.forms {
            let formPassword = Self.password(in: form) ?? password
            do {
                let material = try BundleMaterial.merged(form.files, password: formPassword)
                parsed.append((form.name, material))
            } catch {
                unreadable.append("the \(form.name) form cannot be read: \(error.message)")
            }
        }
        guard let chosenIndex = parsed.firstIndex(where: { !$0.material.certificates.isEmpty }) else {
            throw BundleError(
                .noCertificate, file: file,
                "no form in the ZIP holds a readable certificate"
                    + (unreadable.isEmpty ? "" : " (\(unreadable.joined(separator: "; ")))"))
        }
        var chosen = parsed[chosenIndex].material
        let certificates = chosen.certificates
        let leaf = certificates[
            LeafFinder.leafIndex(certificates, isCA: certificates.map { CertificateFactsReader.facts(of: $0).isCA })]
        let leafDigest = leaf.sha256
        chosen.formMismatches = unreadable
        for (index, other) in parsed.enumerated() where index != chosenIndex {
            chosen.unreadParts += other.material.unreadParts
            guard !other.material.certificates.isEmpty else { continue }
            if !other.material.certificates.contains(where: { $0.sha256 == leafDigest }) {
                chosen.formMismatches.append(
                    "the \(other.form) form holds another certificate than the \(parsed[chosenIndex].form) form")
            }
            if case .key(let key) = other.material.key, !key.matches(leaf) {
                chosen.formMismatches.append(
                    "the \(other.form) form's private key does not match the \(parsed[chosenIndex].form) certificate")
            }
        }
        return chosen
    }

    /// The `keystorePass.txt` the console puts in the IIS and Tomcat folders.
    static func password(in form: ConsoleArchive.Form) -> String? {
        guard let file = form.files.first(where: { $0.name.lowercased().hasSuffix("keystorepass.txt") }) else {
            return nil
        }
        return String(decoding: file.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
