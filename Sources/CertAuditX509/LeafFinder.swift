/// Finds the end-entity certificate of a bundle by structure, not position: the certificate that
/// issued no other certificate in the bundle. Among several, the first that is not a CA, else the
/// first in file order. Also says whether the file lists leaf, then each issuer in turn.
enum LeafFinder {
    static func leafIndex(_ certificates: [X509Object], isCA: [Bool]) -> Int {
        let candidates = certificates.indices.filter { index in
            !certificates.indices.contains { other in other != index && certificates[index].issued(certificates[other])
            }
        }
        return candidates.first { !isCA[$0] } ?? candidates.first ?? 0
    }

    /// Leaf first, and each certificate issued by the next one.
    static func isInChainOrder(_ certificates: [X509Object], leaf: Int) -> Bool {
        guard leaf == 0 else { return false }
        for index in certificates.indices.dropFirst() where !certificates[index].issued(certificates[index - 1]) {
            return false
        }
        return true
    }
}
