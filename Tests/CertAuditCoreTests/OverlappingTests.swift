import CertAuditCore
import Foundation
import Testing

@Suite struct OverlappingTests {
    /// The background's result comes back and the foreground's changes to the caller's state stay,
    /// whatever the number of workers.
    @Test(arguments: [1, 2, 4])
    func returnsTheBackgroundsResultAndKeepsTheForegroundsChanges(workers: Int) {
        var merged: [Int] = []
        let sum = overlapping(
            workers: workers, background: { (1...100).reduce(0, +) },
            foreground: { merged.append(contentsOf: [1, 2, 3]) })
        #expect(sum == 5050)
        #expect(merged == [1, 2, 3])
    }

    /// With two workers the foreground and the background run side by side: each waits (bounded)
    /// until the other has started. With one, the foreground runs first, then the background.
    @Test(arguments: [1, 2])
    func twoWorkersRunSideBySide(workers: Int) {
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        // Long enough for a loaded machine to start the second thread; short when it never comes.
        let patience: DispatchTimeInterval = workers >= 2 ? .seconds(30) : .milliseconds(200)
        var foregroundSawBackground = false
        let backgroundSawForeground = overlapping(
            workers: workers,
            background: {
                started[1].signal()
                return started[0].wait(timeout: .now() + patience) == .success
            },
            foreground: {
                started[0].signal()
                foregroundSawBackground = started[1].wait(timeout: .now() + patience) == .success
            })
        #expect(backgroundSawForeground)
        #expect(foregroundSawBackground == (workers >= 2))
    }

    /// The background's `parallelMap` runs its items side by side, as it does on its own (inside
    /// `concurrently` a nested dispatch apply runs them one after the other): two items that each
    /// wait for the other both see it start.
    @Test func theBackgroundsParallelMapKeepsItsWidth() {
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let seen = overlapping(
            workers: 2,
            background: {
                parallelMap([0, 1], workers: 2) { item in
                    started[item].signal()
                    return started[1 - item].wait(timeout: .now() + .seconds(30)) == .success
                }
            },
            foreground: {})
        #expect(seen == [true, true])
    }
}
