import Foundation
import Testing

@testable import CertAuditReport

/// A page's rows put in place of the placeholder its template was rendered with.
struct PageTableSpliceTests {
    let table = Array("<tr><td>a &amp; b</td></tr>\n".utf8)

    /// Each placeholder inserted unescaped is replaced by the rows, and the rest is kept byte for byte.
    @Test func everyPlaceholderIsReplacedByTheRows() throws {
        let shell = "<tbody>\n\(PageTableSplice.placeholder)</tbody><p>again: \(PageTableSplice.placeholder)</p>"
        let spliced = try #require(PageTableSplice.splice(table, into: Array(shell.utf8)))
        let rows = String(decoding: table, as: UTF8.self)
        #expect(String(decoding: spliced, as: UTF8.self) == "<tbody>\n\(rows)</tbody><p>again: \(rows)</p>")
    }

    /// A page that does not show the rows is kept as it is.
    @Test func aPageWithoutThePlaceholderIsKept() throws {
        let shell = Array("<p>no rows here</p>".utf8)
        #expect(PageTableSplice.splice(table, into: shell) == shell)
    }

    /// A placeholder the template escaped cannot be replaced by markup: the page must be rendered with
    /// the rows themselves.
    @Test func anEscapedPlaceholderIsRefused() {
        let escaped = PageTableSplice.placeholder.replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let shell = "<tbody>\(PageTableSplice.placeholder)</tbody><pre>\(escaped)</pre>"
        #expect(PageTableSplice.splice(table, into: Array(shell.utf8)) == nil)
    }
}
