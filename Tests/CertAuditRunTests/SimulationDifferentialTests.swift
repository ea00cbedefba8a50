import Foundation
import Testing

/// Issue 8's differential test: an independent model of the date rules (`scripts/sim_reference.py`,
/// written apart from the engine, from RULES.md §0 and docs/simulation.md alone, as plainly as
/// possible) predicts every event of random CSV-only estates of 1,000 certificates
/// (`scripts/make_sim_estate.py`); certaudit's `timeline.csv` must say the same, event by event
/// (date, kind, certificate, resource), in the same order.
struct SimulationDifferentialTests {
    /// Each run: seed, then the options both sides are given.
    static let runs: [(seed: Int, options: [String])] = [
        (11, ["--horizon", "730"]),
        (12, ["--horizon", "1095"]),
        (13, ["--horizon", "400", "--review", "typical", "--successor-validity", "one-year"]),
    ]

    @Test(
        .enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"),
        arguments: runs.indices)
    func certauditAgreesWithTheReferenceModel(_ index: Int) throws {
        let (seed, options) = Self.runs[index]
        let scratch = try TestPaths.scratch("differential\(seed)")
        let inputs = scratch.appendingPathComponent("inputs").path
        let expected = scratch.appendingPathComponent("expected.csv").path
        let output = scratch.appendingPathComponent("output").path
        let asOf = ["--as-of", "2026-11-28"]
        try ChildProcess.python("make_sim_estate.py", ["--seed", String(seed), "--count", "1000", "--out", inputs])
        try ChildProcess.python("sim_reference.py", ["--inputs", inputs, "--output", expected] + asOf + options)
        let run = try CommandLineTests.run(
            ["run", "--inputs", inputs, "--output", output, "--no-system-trust"] + asOf + options)
        try #require(run.status == 0 || run.status == 1, "\(run.stderr)")

        let predicted = try Self.rows(expected, columns: 4).dropFirst()
        let simulated = try Self.rows(output + "/timeline.csv", columns: 4).dropFirst()
        #expect(predicted.count > 5_000, "the estate exercises too little")
        #expect(simulated.count == predicted.count)
        let mismatches = zip(predicted, simulated).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(
            mismatches.isEmpty,
            "first disagreement at event \(mismatches.first?.offset ?? 0): model \(mismatches.first?.element.0 ?? []), certaudit \(mismatches.first?.element.1 ?? [])"
        )
        // Every kind of the simulation occurs, so no rule goes untested.
        let kinds = Set(predicted.map { $0[1] })
        for kind in [
            "renewal-charge", "renewal-charge-failed", "account-shortfall", "successor-created", "successor-issued",
            "validation-deadline", "validation-failed", "hosting-reminder", "hosting-replaced", "hosting-failed",
            "uph-order-submitted", "expiry", "resource-expired", "alert",
        ] {
            #expect(kinds.contains(kind), "seed \(seed) has no \(kind)")
        }
    }

    /// The first `columns` cells of each row of a CSV file with no quoted commas in them (dates,
    /// kinds, generated IDs), a byte-order mark dropped.
    static func rows(_ path: String, columns: Int) throws -> [[String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: \.isNewline).map { line in
            Array(line.split(separator: ",", omittingEmptySubsequences: false).prefix(columns).map(String.init))
        }
    }
}
