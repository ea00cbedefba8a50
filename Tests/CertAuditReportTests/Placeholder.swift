import Testing

@Test func placeholderReport() { #expect(Bool(true)) }
