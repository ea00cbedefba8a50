import Foundation
import Testing

@testable import CertAuditRun

struct AllocatorTuningTests {
    @Test func theCacheSizeIsAddedToWhatTheEnvironmentHolds() {
        #expect(AllocatorTuning.tunables(from: nil) == "glibc.malloc.tcache_count=1000")
        #expect(AllocatorTuning.tunables(from: "") == "glibc.malloc.tcache_count=1000")
        #expect(
            AllocatorTuning.tunables(from: "glibc.malloc.check=3")
                == "glibc.malloc.check=3:glibc.malloc.tcache_count=1000")
    }

    /// The restarted process finds the setting and does not restart again; a size the user chose stays.
    @Test func aCacheSizeAlreadySetIsKept() {
        #expect(AllocatorTuning.tunables(from: "glibc.malloc.tcache_count=1000") == nil)
        #expect(AllocatorTuning.tunables(from: "glibc.malloc.check=3:glibc.malloc.tcache_count=7") == nil)
        #expect(
            AllocatorTuning.tunables(from: "glibc.malloc.tcache_count_x=1")
                == "glibc.malloc.tcache_count_x=1:glibc.malloc.tcache_count=1000")
    }

    /// The restart execs the executable by its own path, so the process keeps its name.
    @Test func theRestartUsesTheExecutablesOwnPath() throws {
        let path = try #require(AllocatorTuning.executablePath())
        #expect(path == (try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")))
        #expect(!path.hasPrefix("/proc/"))
    }
}
