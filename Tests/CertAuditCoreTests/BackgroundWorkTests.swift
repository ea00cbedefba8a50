import Foundation
import Testing

@testable import CertAuditCore

/// `BackgroundWork` runs its work on a thread of its own and hands back what it gave; with
/// `lowerPriority`, that thread alone gives way (Linux keeps a nice value per thread).
struct BackgroundWorkTests {
    @Test func waitGivesTheWorksValueEveryTime() {
        let work = BackgroundWork { (1...1_000).reduce(0, +) }
        #expect(work.wait() == 500_500)
        #expect(work.wait() == 500_500)
    }

    /// The work's thread is lowered by the steps asked (capped at 19), the caller's is not; no
    /// steps, no change.
    @Test(
        .enabled(if: ThreadNice.current() != nil, "the system shows no per-thread nice value"),
        arguments: [0, 3, 40])
    func aLowerPriorityLowersTheWorksThreadOnly(steps: Int32) throws {
        let callers = try #require(ThreadNice.current())
        let works = BackgroundWork(lowerPriority: steps) { ThreadNice.current() }.wait()
        #expect(works == min(callers + Int(steps), 19))
        #expect(ThreadNice.current() == callers)
    }
}
