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

    /// Under glibc's own rule, freeing an 8 MB block would make a 1 MB one come out of the arena; with
    /// the threshold fixed it still gets pages of its own. glibc marks such a block in the size word
    /// just before it (`IS_MMAPPED`, 0x2). In a process of its own (an exit test): in this one, the
    /// other tests' freed blocks may have merged into a free piece of 1 MB, which glibc hands out
    /// before it maps anything.
    @Test func aLargeBlockGetsPagesOfItsOwnAfterALargerOneWasFreed() async {
        await #expect(processExitsWith: .success) {
            AllocatorTuning.giveLargeBlocksTheirOwnPages()
            free(malloc(8 << 20))
            guard let block = malloc(1 << 20) else { exit(2) }
            let sizeWord = block.load(fromByteOffset: -MemoryLayout<UInt>.size, as: UInt.self)
            exit(sizeWord & 0x2 != 0 ? 0 : 1)
        }
    }

    /// A threshold named in `GLIBC_TUNABLES` is the user's: the names are read from the value.
    @Test func theTunablesNamedAreRead() {
        #expect(
            AllocatorTuning.names(in: "glibc.malloc.mmap_threshold=1:glibc.malloc.check=3")
                == ["glibc.malloc.mmap_threshold", "glibc.malloc.check"])
        #expect(AllocatorTuning.names(in: "").isEmpty)
    }
}
