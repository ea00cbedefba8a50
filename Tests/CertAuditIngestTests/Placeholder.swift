import Testing

@Test func placeholderIngest() { #expect(Bool(true)) }
