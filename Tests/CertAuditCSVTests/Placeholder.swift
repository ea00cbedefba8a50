import Testing

@Test func placeholderCSV() { #expect(Bool(true)) }
