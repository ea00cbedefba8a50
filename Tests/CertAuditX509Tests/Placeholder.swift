import Testing

@Test func placeholderX509() { #expect(Bool(true)) }
