import Testing

@Test func placeholderRun() { #expect(Bool(true)) }
