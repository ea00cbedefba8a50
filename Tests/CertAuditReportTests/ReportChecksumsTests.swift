import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// SHA256SUMS: the digest is SHA-256, and the file covers whatever the publisher published, in the
/// format `sha256sum -c` checks.
struct ReportChecksumsTests {
    /// FIPS 180-4's examples (one block, two blocks, a million bytes) and the empty message.
    @Test func theDigestMatchesThePublishedTestVectors() {
        #expect(SwiftSHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SwiftSHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SwiftSHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SwiftSHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The publisher's files include one of any name and lengths around the padding boundaries;
    /// `sha256sum -c SHA256SUMS`, run in the published folder, accepts every line.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")))
    func sha256sumAcceptsThePublishedChecksums() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        let files = [55, 56, 63, 64, 65, 119, 0, 4_097].map { count in
            (name: "file-\(count).bin", bytes: (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ count) })
        }
        try ReportPublisher(outputDirectory: output.path).publish(files + [("zz-any-name.txt", Array("x".utf8))])
        let sums = try String(contentsOf: output.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let names = sums.split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        #expect(names == (files.map(\.name) + ["zz-any-name.txt"]).sorted())

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["--check", "--strict", "SHA256SUMS"]
        process.currentDirectoryURL = output
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // An altered file no longer checks.
        try Data("changed".utf8).write(to: output.appendingPathComponent("file-55.bin"))
        let altered = Process()
        altered.executableURL = process.executableURL
        altered.arguments = process.arguments
        altered.currentDirectoryURL = output
        altered.standardOutput = FileHandle.nullDevice
        altered.standardError = FileHandle.nullDevice
        try altered.run()
        altered.waitUntilExit()
        #expect(altered.terminationStatus != 0)
    }

    /// A report's SHA256SUMS lists every file but metrics.prom, whose run-duration line differs from
    /// run to run: the checksums of the same inputs are the same.
    @Test func aReportsChecksumsLeaveOutTheMetricsAndRepeatFromRunToRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var sums: [String] = []
        for (index, seconds) in [1, 7].enumerated() {
            let output = folder.appendingPathComponent("output-\(index)")
            try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
                ReportFixtures.hostileModel(), to: output.path, runDuration: { .seconds(seconds) })
            sums.append(try String(contentsOf: output.appendingPathComponent("SHA256SUMS"), encoding: .utf8))
            let metrics = try String(contentsOf: output.appendingPathComponent("metrics.prom"), encoding: .utf8)
            #expect(metrics.contains("certaudit_run_duration_seconds \(seconds)"))
        }
        #expect(sums[0] == sums[1])
        let names = sums[0].split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        #expect(names == ReportWriter.files.filter { $0 != ReportWriter.metricsFile }.sorted())
    }

    @Test func aFileNamedLikeTheChecksumsIsRefusedAndNothingIsPublished() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        #expect(throws: ReportError.self) {
            try ReportPublisher(outputDirectory: output.path).publish([("SHA256SUMS", Array("forged".utf8))])
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// The run hands the publisher OpenSSL's SHA-256 (checked by `sha256sum -c` on the binary's
    /// output in AnyFolderCommandLineTests); whichever digest it is given is the one written, for
    /// every staged file, those in a subfolder (`pages/`) included. A file staged through the staging
    /// is hashed as it is written and never read back (at 100,000 certificates that would read a
    /// gigabyte again); one put there otherwise, or added to afterwards, is read back.
    @Test func thePublisherCoversEveryStagedFileWithTheDigestItIsGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        let publisher = ReportPublisher(outputDirectory: output.path, digest: { ByteTally() })
        try publisher.publish { (staging: ReportStaging) throws(ReportError) in
            try staging.write("b.txt", Array("bb".utf8))
            try staging.makeFolder("pages")
            try staging.write("pages/p-0001.html", Array("p".utf8))
            try staging.stream("a.txt") { (output: BufferedFileOutput) throws(ReportError) in
                try output.write("a")
                try output.append { $0 += Array("aa".utf8) }
            }
            try staging.write("d.txt", Array("d".utf8))
            try staging.append("d.txt", Array("dd".utf8))
            // Behind the staging's back: b.txt's sum stays what was written through it; c.txt is read.
            #expect(FileManager.default.createFile(atPath: staging.path(of: "b.txt"), contents: Data("changed".utf8)))
            #expect(FileManager.default.createFile(atPath: staging.path(of: "c.txt"), contents: Data("cccc".utf8)))
        }
        let sums = try String(contentsOf: output.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(
            sums == "tally-3  a.txt\ntally-2  b.txt\ntally-4  c.txt\ntally-3  d.txt\ntally-1  pages/p-0001.html\n")
    }

    /// Files read back are digested several at a time, largest first; `SHA256SUMS` is the same for
    /// any number, and a file that cannot be read fails the report with the first such file in path
    /// order.
    @Test func checksumsAreTheSameDigestedOneOrThreeAtATime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = (0..<9).map { index in
            ("f\(index).txt", [UInt8](repeating: UInt8(index), count: (index * 7_919) % 40_000))
        }
        // Put into the staging folder without the staging, so that the publisher reads them back.
        func placed(unreadable: Set<String> = []) -> (ReportStaging) throws(ReportError) -> Void {
            { (staging: ReportStaging) throws(ReportError) in
                for (name, bytes) in files {
                    if unreadable.contains(name) {
                        // Opens, and fails at the first read (EIO: nothing is mapped at address 0).
                        _ = symlink("/proc/self/mem", staging.path(of: name))
                    } else {
                        _ = FileManager.default.createFile(atPath: staging.path(of: name), contents: Data(bytes))
                    }
                }
            }
        }
        var sums: [String] = []
        for jobs in [1, 3] {
            let output = folder.appendingPathComponent("output-\(jobs)")
            try ReportPublisher(outputDirectory: output.path, jobs: jobs).publish(placed())
            sums.append(try String(contentsOf: output.appendingPathComponent("SHA256SUMS"), encoding: .utf8))
        }
        #expect(sums[0] == sums[1])
        #expect(sums[0].split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) } == files.map(\.0))
        #expect(sums[0].hasPrefix(SwiftSHA256.hex(files[0].1) + "  f0.txt\n"))

        let failing = folder.appendingPathComponent("failing")
        let error = #expect(throws: ReportError.self) {
            try ReportPublisher(outputDirectory: failing.path, jobs: 3).publish(
                placed(unreadable: ["f2.txt", "f7.txt"]))
        }
        #expect(error?.message.contains("/f2.txt to checksum it") == true)
        #expect(!FileManager.default.fileExists(atPath: failing.path))
    }

    /// A digest that cannot be made (OpenSSL out of memory) is never written into `SHA256SUMS`: the
    /// file is read back, and when that digest fails too the report is not published.
    @Test func aDigestThatCannotBeMadeFailsTheReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        let error = #expect(throws: ReportError.self) {
            try ReportPublisher(outputDirectory: output.path, digest: { Unmade() }).publish([("a.txt", [1, 2])])
        }
        #expect(error?.message.hasSuffix("/a.txt: out of memory") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    struct Unmade: DigestStream {
        mutating func update(_ bytes: UnsafeRawBufferPointer) {}
        mutating func digestHex() -> String? { nil }
    }

    /// A digest that counts the bytes it is fed: which digest the publisher used, and of what.
    struct ByteTally: DigestStream {
        var count = 0
        mutating func update(_ bytes: UnsafeRawBufferPointer) { count += bytes.count }
        mutating func digestHex() -> String? { "tally-\(count)" }
    }

    /// A file is read a mebibyte at a time: the digest does not depend on where the pieces break.
    @Test func aFileIsDigestedPieceByPieceAsAWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-sums-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = (0..<(3 << 20) + 7).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        let file = folder.appendingPathComponent("large.bin")
        try Data(bytes).write(to: file)
        #expect(try SwiftSHA256.hex(fileAt: file.path) == SwiftSHA256.hex(bytes))
        var pieces = SwiftSHA256()
        for size in [1, 63, 64, 65, 1_000, 100_003] {
            let start = [1, 63, 64, 65, 1_000, 100_003].prefix { $0 != size }.reduce(0, +)
            bytes[start..<start + size].withUnsafeBytes { pieces.update($0) }
        }
        let fed = [1, 63, 64, 65, 1_000, 100_003].reduce(0, +)
        bytes[fed...].withUnsafeBytes { pieces.update($0) }
        #expect(pieces.finalHex() == SwiftSHA256.hex(bytes))
    }
}
