import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// Long inventory text breaks after its separators, never inside a word, and loses nothing.
struct BreakOpportunitiesTests {
    @Test func textIsSplitAfterEachSeparator() {
        #expect(
            BreakOpportunities.parts("CN=www.example.com,O=Example")
                == ["CN=", "www.", "example.", "com,", "O=", "Example"])
        #expect(
            BreakOpportunities.parts("dns:a.example.com, dns:b") == ["dns:", "a.", "example.", "com,", " dns:", "b"])
        #expect(BreakOpportunities.parts("") == [""])
        #expect(BreakOpportunities.parts("长期证书") == ["长期证书"])
    }

    /// One list serves the byte-wise path (ASCII cells) and `parts` (any text): the nine of the
    /// type's documentation, and only they.
    @Test func theSeparatorsAreTheDocumentedNine() {
        let ascii = (0...127).map(UInt8.init)
        #expect(String(decoding: ascii.filter(BreakOpportunities.isSeparator), as: UTF8.self) == "&,./:;=?@")
        for byte in ascii {
            let text = String(decoding: [byte, UInt8(ascii: "x")], as: UTF8.self)
            #expect(BreakOpportunities.parts(text).count == (BreakOpportunities.isSeparator(byte) ? 2 : 1))
        }
    }

    @Test func thePartsJoinToTheText() {
        for text in [
            ReportFixtures.scriptAlias, ReportFixtures.quoteBrand, ReportFixtures.controlSubject,
            ReportFixtures.formulaMessage, ReportFixtures.rtlAlias, "a,,b..", ",",
        ] {
            #expect(BreakOpportunities.parts(text).joined() == text)
        }
    }

    /// The inventory's free-text cells offer a break (`<wbr>`) after each separator and read as the
    /// whole value; every cell carries its column's name for the stacked layout.
    @Test func inventoryCellsBreakAtSeparatorsAndKeepTheirText() throws {
        let html = try HTMLReportRenderer(templatesDirectory: ReportFixtures.templatesDirectory, rowLimit: 1_000)
            .render(
                ReportFixtures.hostileModel())
        let document = try #require(ParsedDocument(html, kind: .html))
        let sans = document.strings("//table[@id='inventory-table']/tbody/tr/td[@data-label='SANs']")
        #expect(sans.contains("dns:=cmd|calc, dns:a.example.com, ip:10.0.0.1"))
        #expect(
            String(decoding: html, as: UTF8.self).contains("dns:<wbr>a.<wbr>example.<wbr>com,<wbr> ip:<wbr>10.<wbr>"))
        let headings = document.strings("//table[@id='inventory-table']/thead/tr/th").map {
            $0.replacingOccurrences(of: "↕", with: "").trimmingCharacters(in: CharacterSet.whitespaces)
        }
        #expect(document.strings("//table[@id='inventory-table']/tbody/tr[1]/td/@data-label") == headings)
        #expect(document.strings("//table//tbody//td[not(@data-label)]").isEmpty)
    }
}
