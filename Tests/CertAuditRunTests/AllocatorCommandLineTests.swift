import Testing

/// The executable runs on mimalloc (it links it before glibc): the million-certificate peak depends
/// on it, and a link order that let glibc's `malloc` win would change no output, only memory.
struct AllocatorCommandLineTests {
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func theExecutablesMallocIsMimalloc() throws {
        let outcome = try CommandLineTests.run(["--version"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("(allocator: mimalloc "), "\(outcome.stdout)")
    }

    /// Freed memory goes back to the system at once (the peak at a million certificates), unless the
    /// environment says otherwise.
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func freedMemoryIsReturnedAtOnceUnlessTheEnvironmentSetsADelay() throws {
        let prompt = try CommandLineTests.run(["--version"])
        #expect(prompt.stdout.contains(", freed memory returned after 0 ms)"), "\(prompt.stdout)")
        let binary = try #require(CommandLineTests.binary)
        let delayed = try ChildProcess.run(binary, ["--version"], environment: ["MIMALLOC_DECOMMIT_DELAY": "25"])
        #expect(delayed.stdout.contains(", freed memory returned after 25 ms (segments 0 ms))"), "\(delayed.stdout)")
    }
}
