import Dispatch
import Foundation
import Synchronization
import Testing

@testable import CertAuditCore

/// `TextSpool` keeps the findings' messages out of the heap: every text must read back exactly,
/// wherever its page is (being filled, kept in memory, on disk), pages written out must leave memory,
/// and a spool whose file cannot be made or written must keep every text in memory instead.
struct TextSpoolTests {
    /// Texts of many lengths and scripts filling several pages, one of them longer than a page.
    static func texts() -> [String] {
        var texts = (0..<40_000).map { index in
            index % 7 == 0
                ? "证书 \(index) 已过期 — é\u{301} \(String(repeating: "x", count: index % 97))"
                : "Expired on day \(index) (\(String(repeating: "y", count: index % 131)))."
        }
        texts.insert("", at: 5)
        texts.insert(String(repeating: "long ", count: TextSpool.pageSize / 3), at: 20_000)
        return texts
    }

    /// Appends `texts`, then reads them back in order, backwards and strided (a read from the file
    /// may be served by a window read for an earlier one: each order meets the windows differently).
    /// With `groups`, the texts go to that many groups in turn (`append(_:group:)`), each group's
    /// pages filled and sealed among the others'.
    static func readsBack(_ spool: TextSpool, _ texts: [String], groups: Int? = nil) -> Bool {
        let handles = texts.indices.map { index in
            groups.map { spool.append(texts[index], group: index % $0) } ?? spool.append(texts[index])
        }
        let strided = (0..<7).flatMap { stride(from: $0, to: texts.count, by: 7) }
        return [Array(texts.indices), texts.indices.reversed(), strided].allSatisfy { order in
            order.allSatisfy { spool.text(at: handles[$0].offset, length: handles[$0].length) == texts[$0] }
        }
    }

    static func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "text-spool-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    @Test func textsReadBackFromMemory() {
        let spool = TextSpool()
        #expect(Self.readsBack(spool, Self.texts()))
        #expect(!spool.isSpilling)
        #expect(spool.residentBytes > 3 * TextSpool.pageSize)
    }

    @Test func spilledPagesLeaveMemoryAndTextsReadBackFromTheFile() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = TextSpool()
        let early = spool.append("appended before the spool spilled")
        #expect(spool.spill(into: directory))
        #expect(spool.isSpilling)
        #expect(Self.readsBack(spool, Self.texts()))
        #expect(spool.text(at: early.offset, length: early.length) == "appended before the spool spilled")
        // Only the page being filled is held; the file has no name to leave behind.
        #expect(spool.residentBytes <= TextSpool.pageSize)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    /// The findings are read in report order, not in the order their messages were spooled: a text
    /// read from the file costs a window of a page, not a window's worth of every text after it
    /// (64 KiB a miss copied 13 GB out of the page cache for a 53 MB spool at 100,000 certificates).
    @Test func aTextReadOutOfOrderCostsAPageOfTheFile() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = TextSpool()
        #expect(spool.spill(into: directory))
        let texts = Self.texts().filter { $0.utf8.count < TextSpool.windowSize }
        let handles = texts.map { spool.append($0) }
        // Each read half a megabyte from the one before (7,919 is prime, the count is not a multiple).
        let order = texts.indices.map { $0 * 7_919 % texts.count }
        #expect(Set(order).count == texts.count)
        #expect(order.allSatisfy { spool.text(at: handles[$0].offset, length: handles[$0].length) == texts[$0] })
        // A miss reads the 4 KiB page its text starts in, and the next one when the text runs over.
        #expect(spool.bytesReadFromFile <= order.count * 2 * 4_096)
        #expect(spool.bytesReadFromFile > 0)
    }

    /// Texts of several groups, appended in turn, read back from each place a page can be: being
    /// filled, kept in memory, on the file, and kept after the file refused a write.
    @Test func groupedTextsReadBackWhereverTheirPagesAre() throws {
        let texts = Self.texts()
        #expect(Self.readsBack(TextSpool(), texts, groups: 5))
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spilling = TextSpool()
        #expect(spilling.spill(into: directory))
        #expect(Self.readsBack(spilling, texts, groups: 5))
        // One page being filled per group is held, no more.
        #expect(spilling.residentBytes <= TextSpool.pageSize + 5 * TextSpool.groupPageSize)
        // Read while the groups go on filling, one slower than the others (its page stays open while
        // later rooms are written): a window read from the file never holds room of a page still
        // being filled, so what is read stays true once that page is written.
        let interleaved = TextSpool()
        #expect(interleaved.spill(into: directory))
        var handles: [(offset: UInt64, length: UInt32)] = []
        var allRead = true
        for index in texts.indices {
            handles.append(interleaved.append(texts[index], group: index % 11 == 0 ? 0 : 1 + index % 2))
            for earlier in [index - 997, index - 7_919] where earlier >= 0 {
                allRead =
                    allRead
                    && interleaved.text(at: handles[earlier].offset, length: handles[earlier].length) == texts[earlier]
            }
        }
        #expect(allRead)
        let full = open("/dev/full", O_RDWR)
        try #require(full >= 0)
        let refused = TextSpool(descriptor: full)
        #expect(Self.readsBack(refused, texts, groups: 5))
        #expect(!refused.isSpilling)
    }

    /// Messages made certificate by certificate, every rule's in turn, and read rule by rule (the
    /// reports' order): in groups, each rule's texts lie together and a window read from the file
    /// serves the texts after it; without, nearly every text costs a window of its own.
    @Test func aGroupReadInOrderCostsItsOwnBytesOfTheFile() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rules = 12
        let texts = (0..<24_000).map {
            "Rule \($0 % rules) on certificate \($0 / rules): \(String(repeating: "z", count: $0 % 61))"
        }
        let byRule = (0..<rules).flatMap { rule in stride(from: rule, to: texts.count, by: rules) }
        var bytesRead: [Bool: Int] = [:]
        for grouped in [true, false] {
            let spool = TextSpool()
            #expect(spool.spill(into: directory))
            let handles = texts.indices.map {
                grouped ? spool.append(texts[$0], group: $0 % rules) : spool.append(texts[$0])
            }
            #expect(byRule.allSatisfy { spool.text(at: handles[$0].offset, length: handles[$0].length) == texts[$0] })
            bytesRead[grouped] = spool.bytesReadFromFile
        }
        let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
        // Each group's sealed pages once, a window more where a text runs over its window's end.
        #expect(bytesRead[true]! <= textBytes + textBytes / 10 + rules * 2 * TextSpool.groupPageSize)
        #expect(bytesRead[false]! > 5 * bytesRead[true]!)
    }

    @Test func aFileThatRefusesWritesLeavesEveryTextInMemory() throws {
        // Writing to /dev/full fails as a full disk does (ENOSPC).
        let full = open("/dev/full", O_RDWR)
        try #require(full >= 0)
        let spool = TextSpool(descriptor: full)
        #expect(spool.isSpilling)
        #expect(Self.readsBack(spool, Self.texts()))
        #expect(!spool.isSpilling)
    }

    @Test func aFolderThatCannotHoldTheFileLeavesTheSpoolInMemory() {
        let spool = TextSpool()
        #expect(!spool.spill(into: "/nonexistent-\(UUID().uuidString)"))
        #expect(Self.readsBack(spool, Self.texts()))
    }

    @Test func textsAppendedFromManyThreadsReadBack() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = TextSpool()
        spool.spill(into: directory)
        let texts = Self.texts()
        let allRead = Atomic(true)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let mine = texts.indices.filter { $0 % 4 == worker }.map { texts[$0] }
            if !Self.readsBack(spool, mine, groups: worker % 2 == 0 ? 3 : nil) {
                allRead.store(false, ordering: .relaxed)
            }
        }
        let everyTextReadBack = allRead.load(ordering: .relaxed)
        #expect(everyTextReadBack)
    }

    @Test func spooledTextsCompareAndHashAsTheirStrings() {
        let (composed, decomposed) = (SpooledText("caf\u{E9}"), SpooledText("cafe\u{301}"))
        #expect(composed == decomposed && composed.hashValue == decomposed.hashValue)
        #expect(SpooledText("a") == SpooledText("a") && SpooledText("a") != SpooledText("b"))
        #expect(SpooledText("").text == "" && SpooledText("证书").text == "证书")
        var finding = Finding(ruleID: RuleID(rawValue: "R-1"), severity: .high, message: "first")
        finding.message = "second"
        #expect(finding.message == "second")
        #expect(finding == Finding(ruleID: RuleID(rawValue: "R-1"), severity: .high, message: "second"))
    }

    /// A spooled text is eight bytes; one of 16 MiB or more (stored after its length) reads back as
    /// exactly as a short one, and so do those either side of that length.
    @Test func spooledTextsOfAnyLengthReadBackFromEightBytes() {
        #expect(MemoryLayout<SpooledText>.size == 8)
        let limit = Int(SpooledText.longLength)
        for count in [limit - 1, limit, limit + 1] {
            let text = String(repeating: "é", count: count / 2) + String(repeating: "x", count: count % 2)
            #expect(text.utf8.count == count)
            let spooled = SpooledText(text)
            #expect(spooled.text == text, "\(count) bytes")
            #expect(!spooled.isEmpty && spooled == SpooledText(text))
        }
        #expect(SpooledText("").isEmpty && SpooledText("").text.isEmpty && !SpooledText("a").isEmpty)
    }

    /// A date packed in four bytes reads back, nil included; one past what 32 bits of days hold is
    /// clamped to the nearest that fits, never to nil.
    @Test func aPackedDateReadsBackAndClampsWhatCannotFit() {
        for days: Int64 in [0, -1, 20_500, 2_932_896, -719_528, Int64(Int32.max), Int64(Int32.min) + 1] {
            #expect(PackedLocalDate(LocalDate(daysSinceEpoch: days)).value == LocalDate(daysSinceEpoch: days))
        }
        #expect(PackedLocalDate(nil).value == nil)
        #expect(
            PackedLocalDate(LocalDate(daysSinceEpoch: Int64.max)).value == LocalDate(daysSinceEpoch: Int64(Int32.max)))
        for days in [Int64(Int32.min), Int64.min] {
            #expect(
                PackedLocalDate(LocalDate(daysSinceEpoch: days)).value
                    == LocalDate(daysSinceEpoch: Int64(Int32.min) + 1))
        }
        var packed = PackedLocalDate(LocalDate(daysSinceEpoch: 5))
        packed.value = nil
        #expect(packed.value == nil && MemoryLayout<PackedLocalDate>.size == 4)
    }
}
