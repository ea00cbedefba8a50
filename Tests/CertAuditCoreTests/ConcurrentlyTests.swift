import CertAuditCore
import Foundation
import Testing

@Suite struct ConcurrentlyTests {
    /// Both results come back, each from its own closure, whatever the number of workers.
    @Test(arguments: [1, 2, 4])
    func returnsBothResults(workers: Int) {
        let (sum, text) = concurrently(
            workers: workers, { (1...100).reduce(0, +) }, { String(repeating: "a", count: 3) })
        #expect(sum == 5050)
        #expect(text == "aaa")
    }

    /// With two workers the closures overlap: each waits (bounded) until the other has started, which
    /// only happens when they run side by side; with one worker they run one after the other.
    @Test(arguments: [1, 2])
    func twoWorkersRunSideBySide(workers: Int) {
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        // Long enough for a loaded machine to start the second thread; short when it never comes.
        let patience: DispatchTimeInterval = workers >= 2 ? .seconds(30) : .milliseconds(200)
        let (first, second) = concurrently(
            workers: workers,
            {
                started[0].signal()
                return started[1].wait(timeout: .now() + patience) == .success
            },
            {
                started[1].signal()
                return started[0].wait(timeout: .now() + patience) == .success
            })
        #expect(first == (workers >= 2))
        #expect(second)
    }
}
