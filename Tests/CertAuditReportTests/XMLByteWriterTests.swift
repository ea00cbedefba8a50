import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// `XMLByteWriter` escapes and indents on bytes; libxml2's `xmlTextWriter`, which wrote report.xml
/// before, is the oracle: the same calls must give the same bytes, for whole reports and for every
/// character the escaping rules look at.
@Suite struct XMLByteWriterTests {
    /// Every ASCII character but NUL on its own, the characters XML escapes together, line ends,
    /// other control characters, non-ASCII (two-, three- and four-byte UTF-8, a combining mark after
    /// a quote and an ampersand, U+FFFD), and nothing at all.
    static let values: [String] =
        (1..<128).map { String(UnicodeScalar(UInt8($0))) } + [
            "", "<&>\"'", "a<b&c>d\"e'f", "\r\n", "\t\t", "]]>", "&amp;", "\u{1}\u{B}\u{1F}x", "中文 é",
            "\"\u{301}&\u{301}",
            "😀👩‍💻", "\u{FFFD}", ReportFixtures.scriptAlias, ReportFixtures.quoteBrand, ReportFixtures.formulaMessage,
            ReportFixtures.rtlAlias,
        ]

    /// Attributes, text, empty elements, nesting, an element with only an empty text, and mixed
    /// content (text, a child, text), for each value.
    static func script<Writer: XMLElementWriter>(_ values: [String], into writer: inout Writer) {
        writer.startRoot("root", namespace: "urn:example:<&>")
        writer.attribute("first", values.first)
        writer.attribute("absent", nil)
        for value in values {
            writer.start("e")
            writer.attribute("v", value)
            writer.attribute("w", value + value)
            writer.text(value)
            writer.end()
            writer.element("t", value)
            writer.element("absent", nil)
            writer.start("p")
            writer.start("c")
            writer.attribute("k", value)
            writer.end()
            writer.element("c", value)
            writer.start("d")
            writer.start("e")
            writer.end()
            writer.end()
            writer.end()
            writer.start("mixed")
            writer.text(value)
            writer.start("c")
            writer.end()
            writer.text(value)
            writer.end()
            writer.start("empty")
            writer.end()
        }
        writer.end()
    }

    @Test func everyEscapedCharacterAndShapeAsLibXML2() throws {
        var oracle = LibXMLTextWriter()
        Self.script(Self.values, into: &oracle)
        let expected = try #require(oracle.finish())
        var writer = XMLByteWriter()
        Self.script(Self.values, into: &writer)
        writer.finish()
        #expect(writer.bytes == expected)
        // A value that needs no escaping is copied whole; one that does is escaped everywhere.
        #expect(String(decoding: expected, as: UTF8.self).contains(#"<e v="&lt;&amp;&gt;&quot;'""#))
    }

    /// Nesting deeper than the writer's run of indentation spaces, and names longer than a `String`
    /// holds inline: indented and named as libxml2 does.
    @Test func deepNestingAndLongNamesAsLibXML2() throws {
        func nest<Writer: XMLElementWriter>(into writer: inout Writer) {
            writer.startRoot("a-root-element-name-held-on-the-heap", namespace: "urn:example")
            for depth in 0..<40 {
                writer.start(depth.isMultiple(of: 2) ? "level" : "a-level-with-a-long-name-\(depth)")
                writer.attribute("an-attribute-with-a-long-name", "\(depth)")
            }
            writer.text("deepest")
            for _ in 0..<40 { writer.end() }
            writer.end()
        }
        var oracle = LibXMLTextWriter()
        nest(into: &oracle)
        let expected = try #require(oracle.finish())
        var writer = XMLByteWriter()
        nest(into: &writer)
        writer.finish()
        #expect(writer.bytes == expected)
        #expect(String(decoding: expected, as: UTF8.self).contains(String(repeating: " ", count: 78) + "<"))
    }

    /// Whole reports, through the renderer's calls: the hostile fixture, an empty report, and one
    /// with every later section filled (timeline events with deliveries, operations, accounts).
    @Test func reportsAsLibXML2() throws {
        for (name, model) in [
            ("hostile", ReportFixtures.hostileModel()), ("empty", ReportFixtures.emptyModel()),
            ("timeline", Self.timelineModel(events: 40)),
        ] {
            var oracle = LibXMLTextWriter()
            XMLReportRenderer().write(model, into: &oracle)
            let expected = try #require(oracle.finish())
            #expect(try XMLReportRenderer().render(model) == expected, "\(name)")
        }
    }

    /// Alerts of two policies, each with the same list every day: after each list's first alert the
    /// byte writer copies its `<delivery>` children (`XMLChildrenMemo`), and the document is still
    /// libxml2's, in memory and streamed into a file through many hand-overs.
    @Test func sharedChildrenCopiedAsLibXML2WritesThem() throws {
        let lists = [
            [
                AlertDelivery(receiver: "a\tb", channel: "sms", deliverable: false),
                AlertDelivery(receiver: "ops \"<x>\"", channel: "email", deliverable: true),
            ],
            [AlertDelivery(receiver: ReportFixtures.rtlAlias, channel: "wechat", deliverable: true)],
        ]
        let events = (0..<20_000).map { index in
            TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_000 + Int64(index / 100)), kind: .alert, certificateID: "c\(index)",
                policyID: "p\(index % 2)", times: 1, deliveries: lists[index % 2])
        }
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [], timeline: Timeline(events))
        var oracle = LibXMLTextWriter()
        XMLReportRenderer().write(model, into: &oracle)
        let expected = try #require(oracle.finish())
        let rendered = try XMLReportRenderer().render(model)
        #expect(rendered == expected)
        #expect(String(decoding: rendered, as: UTF8.self).components(separatedBy: "<delivery ").count - 1 == 30_000)

        #expect(try Self.streamed(model, validated: false) == expected)
    }

    /// The memo is what the next row gets: its bytes are copied as they are, but only at the depth
    /// they were written at; elsewhere the children are written again (and kept for that depth).
    @Test func aMemoIsCopiedOnlyAtItsDepth() {
        let items = [ReportListItem([.init("v", "1")]), ReportListItem([.init("v", "2")], text: "t")]
        let memo = XMLChildrenMemo()
        var writer = XMLByteWriter()
        writer.startRoot("r", namespace: "urn:example")
        writer.start("row")
        writer.children("c", items, memo: memo)
        writer.end()
        let first = memo.written
        #expect(first?.depth == 2)
        #expect(first.map { String(decoding: $0.bytes, as: UTF8.self) } == "    <c v=\"1\"/>\n    <c v=\"2\">t</c>\n")
        memo.written = (2, Array("    <kept/>\n".utf8))
        writer.start("row")
        writer.children("c", items, memo: memo)
        writer.end()
        writer.start("deeper")
        writer.start("row")
        writer.children("c", items, memo: memo)
        writer.end()
        writer.end()
        writer.end()
        writer.finish()
        #expect(memo.written?.depth == 3)
        let lines = String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(
            lines.dropFirst() == [
                #"<r xmlns="urn:example">"#, "  <row>", #"    <c v="1"/>"#, #"    <c v="2">t</c>"#, "  </row>",
                "  <row>", "    <kept/>", "  </row>", "  <deeper>", "    <row>", #"      <c v="1"/>"#,
                #"      <c v="2">t</c>"#, "    </row>", "  </deeper>", "</r>",
            ])
    }

    /// A file that cannot be written (`/dev/full`: every write fails, as on a full disk): the writer
    /// keeps the first error and drops what it makes after it, so its memory stays at one piece
    /// however much more of the document is rendered.
    @Test func afterAFailedWriteTheRestIsDroppedNotHeld() throws {
        var writer = XMLByteWriter(into: try BufferedFileOutput(path: "/dev/full", mirror: nil, appending: true))
        writer.startRoot("report", namespace: "urn:example")
        for index in 0..<50_000 {
            writer.start("event")
            writer.attribute("detail", String(repeating: "x", count: 100) + "\(index)")
            writer.end()
        }
        #expect(writer.failure != nil)
        #expect(writer.bytes.count < 1 << 17)
    }

    /// Streamed into a file, the document goes out in pieces as the buffer fills: the file holds
    /// exactly the document written in memory, and it validates.
    @Test func streamedFileEqualsTheDocumentInMemory() throws {
        let model = Self.timelineModel(events: 3_000)
        let written = try Self.streamed(model, validated: true)
        #expect(written.count > 4 << 16)
        #expect(written == (try XMLReportRenderer().render(model)))
    }

    /// `model`'s report as streamed into a file (straight to the disk, as a run writes it) and read
    /// back; `validated`: the file is checked against the schema too.
    static func streamed(_ model: ReportModel, validated: Bool) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-xml-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.xml").path
        let output = try BufferedFileOutput(path: path, mirror: nil, direct: true)
        try XMLReportRenderer().write(model, into: output)
        try output.flush()
        if validated { try XSDValidator().validate(file: path) }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Validated while it is written (on its own thread, fed by the file's output), the document is
    /// still the one written in memory, and a document the schema rejects is still rejected, with the
    /// message a validation of the finished file gives.
    @Test func validatedWhileWrittenAsWhenReadBackFromTheFile() throws {
        let model = Self.timelineModel(events: 3_000)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-xml-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.xml").path
        try XSDValidator().validateWhileWriting { (pipe: BytePipe) throws(ReportError) in
            try ReportStaging(directory: folder.path).stream("report.xml", mirroringTo: pipe) {
                (output: BufferedFileOutput) throws(ReportError) in try XMLReportRenderer().write(model, into: output)
            }
        }
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == (try XMLReportRenderer().render(model)))

        let strict = try String(contentsOfFile: ReportFixtures.templatesDirectory + "/report.xsd", encoding: .utf8)
            .replacingOccurrences(of: "<xs:enumeration value=\"1\"/>", with: "<xs:enumeration value=\"9\"/>")
        let schema = folder.appendingPathComponent("strict.xsd").path
        try strict.write(toFile: schema, atomically: true, encoding: .utf8)
        let whileWritten = #expect(throws: ReportError.self) {
            try XSDValidator(schemaPath: schema).validateWhileWriting { (pipe: BytePipe) throws(ReportError) in
                try ReportStaging(directory: folder.path).stream("rejected.xml", mirroringTo: pipe) {
                    (output: BufferedFileOutput) throws(ReportError) in
                    try XMLReportRenderer().write(model, into: output)
                }
            }
        }
        let afterwards = #expect(throws: ReportError.self) { try XSDValidator(schemaPath: schema).validate(file: path) }
        #expect(whileWritten?.kind == .internal)
        #expect(whileWritten?.message.contains("does not validate") == true)
        #expect(whileWritten?.message == afterwards?.message)
    }

    /// When writing fails, that is the error reported, not the validation's of the cut-off document.
    @Test func aWriterErrorComesBeforeTheValidationsOwn() throws {
        let error = #expect(throws: ReportError.self) {
            try XSDValidator().validateWhileWriting { (pipe: BytePipe) throws(ReportError) in
                let half = Array("<certaudit-report xmlns=\"urn:certaudit:report:1\"".utf8)
                half.withUnsafeBufferPointer { pipe.send($0) }
                throw ReportError(.internal, "the disk is full")
            }
        }
        #expect(error?.message == "the disk is full")
    }

    /// Once the writer has failed (`/dev/full`), the renderer stops making a section's rows at the
    /// next one: of 100,000 events it reads the few that fill the first buffer, not every one (a
    /// million certificates' report.xml took minutes to render on a full disk before the run failed).
    @Test func aFailedWriteStopsTheRowsBeingMade() throws {
        var writer = XMLByteWriter(into: try BufferedFileOutput(path: "/dev/full", mirror: nil, appending: true))
        var made = 0
        let rows = (0..<100_000).lazy.map { index in
            made += 1
            return Self.timelineEvent(index)
        }
        writer.startRoot("certaudit-report", namespace: ReportHeader.namespace)
        XMLReportRenderer().write(rows, TimelineEvent.reportSection, into: &writer)
        writer.end()
        #expect(writer.hasFailed)
        #expect(made > 0)
        #expect(made < 5_000)
    }

    /// A CSV twin that cannot be written (`/dev/full`) stops the section's rows as the XML's own
    /// failure does, and its error is the one the renderer throws, though report.xml's file is fine.
    @Test func aFailedTwinStopsTheRowsAndIsThrown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-twin-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var made = 0
        let rows = (0..<100_000).lazy.map { index in
            made += 1
            return Self.timelineEvent(index)
        }
        let full = try BufferedFileOutput(path: "/dev/full", mirror: nil, appending: true)
        let twin = try? CSVSectionStream(TimelineEvent.reportSection, into: full)
        let timeline = try #require(twin, "the header fits the buffer: nothing is written yet")
        var writer = XMLByteWriter(into: try BufferedFileOutput(path: folder.appendingPathComponent("x").path))
        writer.startRoot("certaudit-report", namespace: ReportHeader.namespace)
        XMLReportRenderer().write(rows, TimelineEvent.reportSection, into: &writer, twin: timeline)
        writer.end()
        #expect(!writer.hasFailed)
        #expect(timeline.failure != nil)
        #expect(made > 0 && made < 5_000)

        let findings = try CSVSectionStream(
            ReportFinding.section, into: try BufferedFileOutput(path: folder.appendingPathComponent("f").path))
        let thrown = #expect(throws: ReportError.self) {
            try XMLReportRenderer().write(
                Self.timelineModel(events: 3_000),
                into: try BufferedFileOutput(path: folder.appendingPathComponent("report.xml").path),
                twins: CSVTwins(
                    findings: findings,
                    timeline: try CSVSectionStream(
                        TimelineEvent.reportSection,
                        into: BufferedFileOutput(path: "/dev/full", mirror: nil, appending: true))))
        }
        #expect(thrown?.message.contains("/dev/full") == true)
    }

    /// Timeline events with hostile input text, amounts and deliveries: enough of them to fill the
    /// file buffer several times.
    static func timelineModel(events: Int) -> ReportModel {
        ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [],
            timeline: Timeline((0..<events).map(timelineEvent)))
    }

    static func timelineEvent(_ index: Int) -> TimelineEvent {
        let deliveries = [
            AlertDelivery(receiver: "ops \"<x>\"", channel: "email", deliverable: index % 2 == 0),
            AlertDelivery(receiver: "a\tb", channel: "sms", deliverable: true),
        ]
        let certificate: String = index % 3 == 0 ? ReportFixtures.scriptAlias : "c\(index)"
        let detail: String = index % 5 == 0 ? ReportFixtures.formulaMessage : "line\r\nnext"
        let amount = Int64(index) * 37 - 500
        return TimelineEvent(
            date: LocalDate(daysSinceEpoch: 20_000 + Int64(index / 7)), kind: .alert, certificateID: certificate,
            accountID: "a&b", amountFen: amount, points: index, policyID: ReportFixtures.rtlAlias,
            times: 1 + index % 4, deliveries: deliveries, detail: detail)
    }
}
