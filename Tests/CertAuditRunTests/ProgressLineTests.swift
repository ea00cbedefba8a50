import CertAuditCore
import Foundation
import Testing

@testable import CertAuditRun

/// The progress line's text: counts, share, rate and time left, from a given elapsed time.
struct ProgressLineTests {
    @Test func aStageUnderWayShowsItsCountRateAndTimeLeft() {
        let progress = StageProgress(.checks, done: 12_288, total: 100_000, unit: "certificates")
        // 12,288 in 4 s is 3,072 a second; 87,712 left at that rate is 28.55 s.
        #expect(
            ProgressLine.text(progress, elapsed: .seconds(4))
                == "checks: 12,288 of 100,000 certificates (12%), 3,072/s, 29s left")
        let slow = StageProgress(.ingest, done: 1, total: 7_201, unit: "rows")
        #expect(ProgressLine.text(slow, elapsed: .seconds(1)) == "ingest: 1 of 7,201 rows (0%), 1/s, 2h00m left")
    }

    @Test func aFinishedStageShowsHowLongItTook() {
        let progress = StageProgress(.writing, done: 10, total: 10, unit: "files")
        #expect(
            ProgressLine.text(progress, elapsed: .milliseconds(1_250)) == "writing: 10 of 10 files (100%), done in 1.2s"
        )
        #expect(
            ProgressLine.text(StageProgress(.simulation, done: 365, total: 365, unit: "days"), elapsed: .seconds(125))
                == "simulation: 365 of 365 days (100%), done in 2m05s")
    }

    /// Before anything is done, or too early to tell a rate, only the count shows.
    @Test func noRateBeforeThereIsOne() {
        #expect(
            ProgressLine.text(StageProgress(.ingest, done: 0, total: 53, unit: "rows"), elapsed: .seconds(3))
                == "ingest: 0 of 53 rows (0%)")
        #expect(
            ProgressLine.text(StageProgress(.ingest, done: 5, total: 53, unit: "rows"), elapsed: .milliseconds(50))
                == "ingest: 5 of 53 rows (9%)")
        #expect(
            ProgressLine.text(StageProgress(.checks, done: 0, total: 0, unit: "certificates"), elapsed: .zero)
                == "checks: 0 of 0 certificates, done in 0.0s")
    }

    @Test func thousandsAreGrouped() {
        #expect(ProgressLine.grouped(0) == "0")
        #expect(ProgressLine.grouped(999) == "999")
        #expect(ProgressLine.grouped(1_000) == "1,000")
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567")
        #expect(ProgressLine.grouped(-12_345) == "-12,345")
    }

    /// A counter reports 0 at once, then every advance, from any thread, one report at a time and
    /// each count once.
    @Test func aCounterReportsEveryCountOnce() {
        final class Reports: @unchecked Sendable {
            var counts: [Int] = []
        }
        let reports = Reports()
        let counter = ProgressCounter(.checks, total: 400, unit: "certificates") { reports.counts.append($0.done) }
        _ = parallelMap(Array(0..<400), workers: 4) { _ in counter.advance() }
        #expect(reports.counts.first == 0)
        #expect(reports.counts.sorted() == Array(0...400))
        counter.advance(to: 10)
        #expect(reports.counts.count == 401)
    }
}
