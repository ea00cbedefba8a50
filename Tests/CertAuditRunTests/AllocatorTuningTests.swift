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
}
