import Testing

@testable import CertAuditCore

/// An array is in increasing order when no element is below the one before it: equal neighbours are
/// in order, one element and none are too.
struct ArrayOrderTests {
    @Test(
        arguments: [
            ([], true), ([5], true), ([1, 2, 3], true), ([1, 1, 2, 2], true), ([2, 1], false), ([1, 3, 2], false),
            ([1, 2, 3, 0], false),
        ] as [([Int], Bool)])
    func anArrayIsInOrderWhenNoElementIsBelowTheOneBefore(values: [Int], inOrder: Bool) {
        #expect(values.isInIncreasingOrder == inOrder)
        #expect(values.isInIncreasingOrder == (values == values.sorted()))
    }
}
