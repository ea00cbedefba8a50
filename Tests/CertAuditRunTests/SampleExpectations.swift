import Foundation

/// `inputs/expectations.json`: what `inputs/README.md` says each row must get, in the form
/// `scripts/make_sample_estate.py` reads out of the README's own cells (never typed by hand).
struct SampleExpectations: Decodable {
    /// One rule of a *fires* or *quiet* cell; `severity` pins the finding's severity when given.
    struct RuleExpectation: Decodable, Hashable, CustomStringConvertible {
        let rule: String
        let severity: String?

        var description: String { severity.map { "\(rule) (\($0))" } ?? rule }
    }

    /// A row of certificates.csv, or a plan of hosting.csv (which has no chain and is never quarantined).
    struct Row: Decodable {
        let line: Int
        let certificateID: String
        let chain: String?
        let quarantined: Bool?
        let quarantineRule: String?
        let fires: [RuleExpectation]
        let quiet: [RuleExpectation]
        let quietFamilies: [String]

        enum CodingKeys: String, CodingKey {
            case line, chain, quarantined, fires, quiet
            case certificateID = "certificate_id"
            case quarantineRule = "quarantine_rule"
            case quietFamilies = "quiet_families"
        }
    }

    struct Operation: Decodable {
        let line: Int
        let certificateID: String
        let operation: String
        let verdict: String
        let denies: [String]
        let requires: [String]

        enum CodingKeys: String, CodingKey {
            case line, operation, verdict, denies, requires
            case certificateID = "certificate_id"
        }
    }

    /// An outage the reference model predicts (`resource-expired`).
    struct Outage: Decodable, Hashable {
        let date: String
        let certificateID: String
        let resourceID: String

        enum CodingKeys: String, CodingKey {
            case date
            case certificateID = "certificate_id"
            case resourceID = "resource_id"
        }
    }

    let asOf: String
    let timezone: String
    let certificates: [Row]
    let hosting: [Row]
    let operations: [Operation]
    let outages: [Outage]

    enum CodingKeys: String, CodingKey {
        case timezone, certificates, hosting, operations, outages
        case asOf = "as_of"
    }

    static func load() throws -> SampleExpectations {
        let decoder = JSONDecoder()
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleInputs + "/expectations.json"))
        return try decoder.decode(SampleExpectations.self, from: data)
    }
}
