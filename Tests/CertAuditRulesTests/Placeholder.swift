import Testing

@Test func placeholderRules() { #expect(Bool(true)) }
