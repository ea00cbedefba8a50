import CertAuditCore
import Foundation
import Synchronization
import Testing

/// A rule ID is two bytes (its number among the process's IDs) and reads, compares, hashes and
/// sorts as its text.
struct RuleIDTests {
    @Test func anIDIsTwoBytesAndReadsBackItsText() {
        #expect(MemoryLayout<RuleID>.size == 2)
        let id = RuleID(rawValue: "TEST-RULE-ID-READS-BACK")
        #expect(id.rawValue == "TEST-RULE-ID-READS-BACK")
        #expect(id.description == "TEST-RULE-ID-READS-BACK")
        #expect(RuleID.certExpired.rawValue == "CERT-EXPIRED")
    }

    @Test func theSameTextIsTheSameIDAndOtherTextAnother() {
        #expect(RuleID(rawValue: "TEST-SAME") == RuleID(rawValue: String("TEST-SAME".reversed().reversed())))
        #expect(Set([RuleID(rawValue: "TEST-SAME"), RuleID(rawValue: "TEST-SAME")]).count == 1)
        #expect(RuleID(rawValue: "TEST-SAME") != RuleID(rawValue: "TEST-OTHER"))
    }

    /// Numbered by bytes: a spelling canonically equivalent to another's (`==` on `String`) is an ID
    /// of its own, and reads back as it was written.
    @Test func canonicallyEquivalentSpellingsAreDifferentIDs() {
        let composed = RuleID(rawValue: "TEST-CAF\u{C9}")
        let decomposed = RuleID(rawValue: "TEST-CAFE\u{301}")
        #expect(composed != decomposed)
        #expect(Array(decomposed.rawValue.utf8) == Array("TEST-CAFE\u{301}".utf8))
    }

    /// IDs sort as their text, whichever was made first.
    @Test func idsSortAsTheirText() {
        let late = RuleID(rawValue: "TEST-SORT-B")
        let early = RuleID(rawValue: "TEST-SORT-A")
        #expect(early < late)
        #expect([late, early].sorted() == [early, late])
    }

    /// Threads that make the same IDs at once get the same IDs, each reading back its text.
    @Test func threadsMakingTheSameIDsAtOnceAgree() {
        let names = (0..<200).map { "TEST-CONCURRENT-\($0)" }
        let results = Mutex<[[RuleID]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let ids = (worker.isMultiple(of: 2) ? names : names.reversed()).map { RuleID(rawValue: $0) }
            let ordered = worker.isMultiple(of: 2) ? ids : ids.reversed()
            results.withLock { $0.append(ordered) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        #expect(all.allSatisfy { $0 == all[0] })
        #expect(all[0].map(\.rawValue) == names)
    }
}
