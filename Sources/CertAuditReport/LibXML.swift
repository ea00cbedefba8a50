internal import CLibXML2

/// libxml2 must be initialised once before threads use it; a Swift `static let` runs its
/// initialiser exactly once, thread-safely.
enum LibXML {
    static let ready: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialised() { precondition(ready) }

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string.
    static func withXMLChars<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { pointer in
            body(UnsafeRawPointer(pointer).assumingMemoryBound(to: xmlChar.self))
        }
    }
}
