/// One source of a rule in `certaudit rules --format json`.
struct SourceJSON: Encodable {
    let text: String
    let address: String?
}
