import CertAuditCore
import Testing

@testable import CertAuditCSV

struct FieldValueTests {
    /// The shortcut for cells with nothing to trim must trim exactly what the walk by `Character`
    /// trims: a space followed by a combining accent is one `Character`, not a space, and stays.
    @Test(
        "spaces and tabs trimmed at both ends, nothing else",
        arguments: [
            ("", ""), ("a", "a"), (" a ", "a"), ("\ta\t", "a"), ("  a b\t ", "a b"), ("a ", "a"), (" a", "a"),
            ("   ", ""), ("é", "é"), (" 证书 ", "证书"), ("a \u{301}", "a \u{301}"), (" \u{301}x", " \u{301}x"),
            ("\u{301} ", "\u{301}"),
        ])
    func trimming(_ text: String, _ trimmed: String) {
        #expect(text.trimmingSpaces == trimmed)
        #expect(Array(text.trimmingSpaces.unicodeScalars) == Array(trimmed.unicodeScalars))
    }

    @Test(arguments: ["true", "TRUE", "yes", "1", "on", "是"])
    func truthy(_ text: String) throws { #expect(try FieldValue.bool(text).get() == true) }

    @Test(arguments: ["false", "No", "0", "off", "否"])
    func falsy(_ text: String) throws { #expect(try FieldValue.bool(text).get() == false) }

    @Test func notABoolean() { #expect(throws: FieldError.self) { try FieldValue.bool("maybe").get() } }

    @Test(arguments: ["", "  ", "\"\"", "--"])
    func placeholdersMeanAbsent(_ text: String) { #expect(FieldValue.isAbsent(text)) }

    /// ASCII lists are split by byte, the rest by `Character`: both give the items a split by
    /// `Character` gives, and a `|` carrying a combining mark stays inside its item.
    @Test func listsSplitByCharacterWhateverTheText() {
        #expect(FieldValue.list("\t a.com |b.com\t| |") == ["a.com", "b.com"])
        #expect(FieldValue.list("|||") == [])
        #expect(FieldValue.list("a\r\n|b") == ["a\r\n", "b"])
        #expect(FieldValue.list("官网| 商城 |") == ["官网", "商城"])
        #expect(FieldValue.list("a|\u{301}b|c") == ["a|\u{301}b", "c"])
    }

    @Test func listsAndTags() throws {
        #expect(FieldValue.list("a.com| b.com||c.com") == ["a.com", "b.com", "c.com"])
        let tags = try FieldValue.tags("env=prod|team=web").get()
        #expect(tags == [Tag(key: "env", value: "prod"), Tag(key: "team", value: "web")])
        #expect(throws: FieldError.self) { try FieldValue.tags("novalue").get() }
    }

    /// ASCII tags are read from the text's bytes, the rest by `Character`: both trim each item, key
    /// and value, and name the same item when one has no key.
    @Test(arguments: [("", ""), ("é", "ü")])
    func tagsReadTheSameWhateverTheText(_ marks: (key: String, value: String)) throws {
        let tags = try FieldValue.tags(" env\(marks.key) = prod\(marks.value) |\t|team=web\t").get()
        #expect(tags == [Tag(key: "env" + marks.key, value: "prod" + marks.value), Tag(key: "team", value: "web")])
        #expect(try FieldValue.tags("k\(marks.key)=").get() == [Tag(key: "k" + marks.key, value: "")])
        for (text, item) in [
            ("a\(marks.key)=b| =c", "=c"), ("a\(marks.key)=b|novalue\t", "novalue"), ("a\(marks.key)=b|x|=y|z", "x"),
        ] {
            #expect(FieldValue.tags(text) == .failure(FieldError("tag '\(item)' is not key=value")))
        }
    }

    @Test func moneyIsKeptInFen() throws {
        #expect(try FieldValue.fen("1234.50").get() == 123_450)
        #expect(try FieldValue.fen("7").get() == 700)
        #expect(try FieldValue.fen("-0.05").get() == -5)
        #expect(throws: FieldError.self) { try FieldValue.fen("1.234").get() }
        #expect(throws: FieldError.self) { try FieldValue.fen("1e3").get() }
        #expect(throws: FieldError.self) { try FieldValue.fen("99999999999999999999").get() }  // a fuzz finding
        #expect(try FieldValue.fen("999999999999999.99").get() == 99_999_999_999_999_999)
    }

    @Test func theThreeTimeFormsInShanghai() throws {
        let zone = RunTimeZone.shanghai
        #expect(try TimeField.parse("2026-11-28", timeZone: zone).get().description == "2026-11-27T16:00:00Z")
        #expect(try TimeField.parse("2025-02-26 07:59:59", timeZone: zone).get().description == "2025-02-25T23:59:59Z")
        #expect(try TimeField.parse("2026-11-27T23:59:59Z", timeZone: zone).get().description == "2026-11-27T23:59:59Z")
        #expect(
            try TimeField.parse("2026-11-28T07:59:59+08:00", timeZone: zone).get().description == "2026-11-27T23:59:59Z"
        )
        #expect(
            try TimeField.parse("2026-11-27T18:59:59-0500", timeZone: zone).get().description == "2026-11-27T23:59:59Z")
        #expect(
            try TimeField.parse("2026-11-27T23:59:59.123Z", timeZone: zone).get().description == "2026-11-27T23:59:59Z")
    }

    @Test(arguments: [
        "2026-02-30", "2026-13-01", "2026-11-28 25:00:00", "2026-11-28 10:61:00", "28/11/2026",
        "2026-11-28T10:00:00+25:00", "tomorrow",
    ])
    func impossibleTimes(_ text: String) {
        #expect(throws: FieldError.self) { try TimeField.parse(text, timeZone: .shanghai).get() }
    }
}
