/// Where each field of an X.509 v3 certificate lies in its DER, found by walking the encoding
/// without decoding anything: what lets a leaf's fields be handed to OpenSSL one by one
/// (`LeafFields`) instead of decoding the whole certificate, public key included, with `d2i_X509`.
///
/// It accepts only the plain form: definite, minimal lengths; version 3; no unique identifiers;
/// nothing after the extensions or after the signature; a signature algorithm after the
/// TBSCertificate with no parameters or NULL ones. Anything else is nil, and the certificate goes to
/// OpenSSL whole, as before. (OpenSSL hashes a certificate for its fingerprint as it encodes it: the
/// TBSCertificate's own bytes, the rest encoded anew. Other parameters could come out other bytes —
/// an empty constructed OCTET STRING comes out primitive, as a fuzz input showed — and the
/// fingerprint of the bytes read would not be OpenSSL's.)
struct CertificateDER {
    /// A TLV's place in the bytes: the whole element and its contents.
    struct Element {
        let tag: UInt8
        let whole: Range<Int>
        let contents: Range<Int>
    }

    /// One extension: its OID element, whether it is marked critical, its OCTET STRING's contents.
    struct Extension {
        let oid: Element
        let critical: Bool
        let value: Element
    }

    let tbs: Element
    let serial: Element
    let innerAlgorithm: Element
    let issuer: Element
    let notBefore: Element
    let notAfter: Element
    let subject: Element
    /// The SubjectPublicKeyInfo, its AlgorithmIdentifier, and the key's BIT STRING.
    let publicKeyInfo: Element
    let publicKeyAlgorithm: Element
    let publicKey: Element
    /// The `[3]` element's SEQUENCE OF Extension (nil when there are none).
    let extensionList: Element?
    let extensions: [Extension]
    let outerAlgorithm: Element
    /// The signature BIT STRING (its first contents byte, the unused bits, is 0).
    let signature: Element

    init?(_ der: [UInt8]) {
        guard let certificate = Self.element(der, at: 0, in: der.count), certificate.tag == 0x30,
            certificate.whole.upperBound == der.count,
            let tbs = Self.element(der, at: certificate.contents.lowerBound, in: certificate.contents.upperBound),
            tbs.tag == 0x30,
            let outer = Self.element(der, at: tbs.whole.upperBound, in: certificate.contents.upperBound),
            outer.tag == 0x30, let algorithm = Self.children(der, of: outer), algorithm.first?.tag == 0x06,
            algorithm.count == 1 || (algorithm.count == 2 && der[algorithm[1].whole] == [0x05, 0x00][...]),
            let signature = Self.element(der, at: outer.whole.upperBound, in: certificate.contents.upperBound),
            signature.tag == 0x03, signature.whole.upperBound == certificate.contents.upperBound,
            signature.contents.count > 1, der[signature.contents.lowerBound] == 0
        else { return nil }
        // [0] { INTEGER 2 }, serial, signature, issuer, validity, subject, SPKI, [3] extensions.
        let version: [UInt8] = [0xa0, 0x03, 0x02, 0x01, 0x02]
        guard let fields = Self.children(der, of: tbs), fields.count == 7 || fields.count == 8,
            der[fields[0].whole] == version[...],
            fields[1].tag == 0x02, fields[2].tag == 0x30, fields[3].tag == 0x30, fields[4].tag == 0x30,
            fields[5].tag == 0x30, fields[6].tag == 0x30, fields.count == 7 || fields[7].tag == 0xa3,
            let times = Self.children(der, of: fields[4]), times.count == 2,
            let key = Self.children(der, of: fields[6]), key.count == 2, key[0].tag == 0x30, key[1].tag == 0x03
        else { return nil }
        var extensionList: Element?
        var extensions: [Extension] = []
        if fields.count == 8 {
            guard let inner = Self.children(der, of: fields[7]), inner.count == 1, inner[0].tag == 0x30,
                let list = Self.children(der, of: inner[0]), !list.isEmpty
            else { return nil }
            for item in list {
                guard item.tag == 0x30, let parts = Self.children(der, of: item), parts.count == 2 || parts.count == 3,
                    parts[0].tag == 0x06, parts.last!.tag == 0x04
                else { return nil }
                var critical = false
                if parts.count == 3 {
                    // DER leaves a false `critical` out: an explicit one is an odd form, left to OpenSSL.
                    guard parts[1].tag == 0x01, der[parts[1].contents] == [0xff][...] else { return nil }
                    critical = true
                }
                extensions.append(Extension(oid: parts[0], critical: critical, value: parts.last!))
            }
            extensionList = inner[0]
        }
        self.tbs = tbs
        serial = fields[1]
        innerAlgorithm = fields[2]
        issuer = fields[3]
        notBefore = times[0]
        notAfter = times[1]
        subject = fields[5]
        publicKeyInfo = fields[6]
        publicKeyAlgorithm = key[0]
        publicKey = key[1]
        self.extensionList = extensionList
        self.extensions = extensions
        outerAlgorithm = outer
        self.signature = signature
    }

    /// The elements that make up `parent`'s contents exactly; nil when they do not.
    static func children(_ der: [UInt8], of parent: Element) -> [Element]? {
        var result: [Element] = []
        var cursor = parent.contents.lowerBound
        while cursor < parent.contents.upperBound {
            guard let child = element(der, at: cursor, in: parent.contents.upperBound) else { return nil }
            result.append(child)
            cursor = child.whole.upperBound
        }
        return result
    }

    /// The element at `start`, ending by `end`: a one-byte tag (no high tag numbers) and a definite
    /// length in its shortest form. Nil for anything else or anything that runs past `end`.
    static func element(_ der: [UInt8], at start: Int, in end: Int) -> Element? {
        guard start + 2 <= end, der[start] & 0x1f != 0x1f else { return nil }
        let first = Int(der[start + 1])
        var length = first
        var contentStart = start + 2
        if first & 0x80 != 0 {
            let octets = first & 0x7f
            // Long form only for 128 and more, no leading zero, at most 4 octets.
            guard (1...4).contains(octets), contentStart + octets <= end, der[contentStart] != 0 else { return nil }
            length = 0
            for index in contentStart..<(contentStart + octets) { length = length << 8 | Int(der[index]) }
            guard length >= 0x80 else { return nil }
            contentStart += octets
        }
        guard length <= end - contentStart else { return nil }
        return Element(
            tag: der[start], whole: start..<(contentStart + length), contents: contentStart..<(contentStart + length))
    }
}
