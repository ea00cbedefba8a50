import CLibXML2
import Foundation
import Testing

/// Parses rendered HTML and XML with libxml2 so tests check the tree a browser or reader would see,
/// not the text.
final class ParsedDocument {
    let document: xmlDocPtr

    enum Kind { case html, xml }

    init?(_ bytes: [UInt8], kind: Kind) {
        xmlInitParser()
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            UnsafeRawPointer(buffer.baseAddress!).withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                switch kind {
                case .html:
                    let options = Int32(
                        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
                    return htmlReadMemory(pointer, Int32(buffer.count), "report.html", "UTF-8", options)
                case .xml:
                    let options = Int32(
                        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
                    return xmlReadMemory(pointer, Int32(buffer.count), "report.xml", "UTF-8", options)
                }
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Text content of every node the XPath expression selects, in document order. A step written
    /// `r:name` matches the element by local name (the report's namespace is the only one used).
    ///
    /// An expression that does not evaluate to a node set (a typo, an unknown prefix) fails the
    /// test: returning nothing would let every "selects nothing" check pass without looking.
    func strings(
        _ expression: String, namespaces: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        guard let context = xmlXPathNewContext(document) else {
            Issue.record("no XPath context", sourceLocation: sourceLocation)
            return []
        }
        defer { xmlXPathFreeContext(context) }
        var rewritten = expression
        for prefix in namespaces.keys {
            rewritten = rewritten.replacingOccurrences(
                of: "\\b\(prefix):([A-Za-z-]+)", with: "*[local-name()='$1']", options: .regularExpression)
        }
        guard let result = xmlXPathEvalExpression(rewritten, context) else {
            Issue.record("XPath \(expression) does not evaluate", sourceLocation: sourceLocation)
            return []
        }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET else {
            Issue.record("XPath \(expression) selects no nodes but a value", sourceLocation: sourceLocation)
            return []
        }
        // An empty node set may come without a node list.
        guard let nodes = result.pointee.nodesetval else { return [] }
        var strings: [String] = []
        for index in 0..<Int(nodes.pointee.nodeNr) {
            guard let node = nodes.pointee.nodeTab[index] else { continue }
            guard let buffer = xmlBufferCreate() else { continue }
            defer { xmlBufferFree(buffer) }
            _ = xmlNodeBufGetContent(buffer, node)
            let length = Int(xmlBufferLength(buffer))
            strings.append(
                xmlBufferContent(buffer).map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
                    ?? "")
        }
        return strings
    }
}
