import Foundation
import Testing

@testable import CertAuditReport

/// The table cells certaudit writes itself (`HTMLTableView`): every value from the inputs escaped,
/// in every cell format, in text and in attributes.
@Suite struct HTMLTableViewTests {
    static let hostile = "<script>alert(\"x\")</script> & 'y'"

    /// One column per cell format, each reading the row's text; the rule reference knows the hostile
    /// text as a rule, so the rule cell and the reason link to it (an `href` attribute).
    static let section = ReportSection<String>(
        "rows", row: "row", htmlRowClass: { $0 },
        fields: HTMLCellFormat.allCases.map { format in
            switch format {
            case .reasons:
                ReportField(
                    "reasons", children: "reason", separator: " | ",
                    html: HTMLColumn("reasons \(hostile)", classes: "text", format: format),
                    csv: { $0.text ?? "" },
                    items: { [ReportListItem([.init("rule", $0), .init("effect", $0)], text: $0)] })
            default:
                ReportField(
                    format.rawValue, .attribute(format.rawValue),
                    html: HTMLColumn(
                        "\(format.rawValue) \(hostile)", classes: "text", sort: .text, format: format,
                        sortKey: { $0 })
                ) { $0 }
            }
        })

    static var view: HTMLTableView<String> {
        HTMLTableView(section: section, knownRules: [hostile], rulePage: "../report.html")
    }

    static func table(_ view: HTMLTableView<String>, rows: [String]) throws -> ParsedDocument {
        let body = rows.map { "<tr>\(view.row($0).cells)</tr>" }.joined()
        let html =
            "<!DOCTYPE html><html><body><table><thead><tr>\(view.headings)</tr></thead><tbody>\(body)</tbody>"
            + "</table></body></html>"
        return try #require(ParsedDocument(Array(html.utf8), kind: .html))
    }

    @Test func everyCellFormatEscapesHostileInput() throws {
        let view = Self.view
        let cells = view.row(Self.hostile).cells
        let headings = view.headings
        for markup in [cells, headings] {
            #expect(!markup.contains("<script"))
            #expect(!markup.contains("\"x\""))
            #expect(!markup.contains("'y'"))
            #expect(!markup.contains(" & "))
        }
        #expect(cells.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(cells.contains("&amp;"))
        #expect(cells.contains("&#39;y&#39;"))

        let document = try Self.table(view, rows: [Self.hostile])
        #expect(document.strings("//script").isEmpty)
        let columns = Self.section.htmlFields.count
        #expect(columns == HTMLCellFormat.allCases.count)
        // Every cell survives as text, under its heading, in its attributes too.
        let texts = document.strings("//tbody/tr/td")
        #expect(texts.count == columns)
        let parts = BreakOpportunities.parts(Self.hostile).joined()
        for (text, format) in zip(texts, HTMLCellFormat.allCases) {
            switch format {
            case .reasons: #expect(text == "\(Self.hostile) \(Self.hostile): \(Self.hostile)")
            case .text: #expect(text == parts)
            default: #expect(text == Self.hostile, "\(format)")
            }
        }
        let headingTexts = HTMLCellFormat.allCases.map { "\($0.rawValue) \(Self.hostile)" }
        #expect(document.strings("//tbody/tr/td/@data-label") == headingTexts)
        #expect(document.strings("//tbody/tr/td/@data-key") == Array(repeating: Self.hostile, count: columns - 1))
        #expect(
            document.strings("//thead/tr/th").map { $0.replacingOccurrences(of: " \u{2195}", with: "") } == headingTexts
        )
        #expect(
            document.strings("//tbody//a/@href") == Array(repeating: "../report.html#rule-\(Self.hostile)", count: 2))
        #expect(document.strings("//tbody//li/@class") == ["effect-\(Self.hostile)"])
        #expect(document.strings("//tbody//wbr").count == BreakOpportunities.parts(Self.hostile).count)
    }

    /// A text cell offers a line break after each part `BreakOpportunities` cuts its text into,
    /// whether the text is ASCII (cut byte by byte) or not.
    @Test(arguments: [
        "CN=www.example.com,O=Ex&Co", "CN=bücher.example,O=Ä/B", "ends.with.", "no-separator", "", "a\r\n.b",
    ])
    func textCellsBreakWhereBreakOpportunitiesCuts(_ text: String) {
        let section = ReportSection<String>(
            "rows", row: "row",
            fields: [ReportField("t", .attribute("t"), html: HTMLColumn("T", format: .text)) { $0 }])
        let cells = HTMLTableView(section: section, knownRules: []).row(text).cells
        let parts = BreakOpportunities.parts(text).map { HTMLEscaping.escaped($0) + "<wbr>" }.joined()
        #expect(cells == "<td data-label=\"T\">\(parts)</td>")
    }

    /// A quote or `<` followed by a combining mark is one character to Swift, but still a quote or
    /// `<` to a browser: it is escaped all the same.
    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() {
        #expect(HTMLEscaping.escaped("a\"\u{301} b<\u{338}c") == "a&quot;\u{301} b&lt;\u{338}c")
        #expect(HTMLEscaping.escaped("plain text, no markup") == "plain text, no markup")
    }

    /// Every ASCII character alone and amid other text, and non-ASCII text, escaped as a plain model
    /// escapes them scalar by scalar: the five Mustache escapes, nothing else.
    @Test func everyCharacterEscapedAsAPlainModelDoes() {
        func model(_ text: String) -> String {
            text.unicodeScalars.map { scalar in
                switch scalar {
                case "<": "&lt;"
                case ">": "&gt;"
                case "&": "&amp;"
                case "\"": "&quot;"
                case "'": "&#39;"
                default: String(scalar)
                }
            }.joined()
        }
        let ascii = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        let texts = ascii + ascii.map { "ab\($0)cd" } + ["", "中文 é", "😀<&>", String(repeating: "x", count: 40) + "'"]
        for text in texts { #expect(HTMLEscaping.escaped(text) == model(text), "\(Array(text.utf8))") }
    }

    /// A field without a value has an empty cell, and a rule the reference does not list is not
    /// linked.
    @Test func missingValuesLeaveTheCellEmptyAndUnknownRulesUnlinked() throws {
        let view = HTMLTableView(section: Self.section, knownRules: [], rulePage: "")
        let document = try Self.table(view, rows: [Self.hostile])
        #expect(document.strings("//a").isEmpty)
        #expect(document.strings("//code").count == 3)
        let empty = ReportSection<String>(
            "rows", row: "row",
            fields: HTMLCellFormat.allCases.filter { $0 != .reasons }.map { format in
                ReportField(format.rawValue, .attribute(format.rawValue), html: HTMLColumn("h", format: format)) { _ in
                    nil
                }
            })
        let cells = HTMLTableView(section: empty, knownRules: [], rulePage: "").row("r").cells
        #expect(cells == String(repeating: "<td data-label=\"h\"></td>", count: HTMLCellFormat.allCases.count - 1))
    }
}
