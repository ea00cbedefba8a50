extension Array where Element: Comparable {
    /// Whether the elements are already in ascending order (no element `<` the one before it): one
    /// pass, where sorting what is in order anyway copies it (`sorted()`) or writes it (`sort()`).
    /// What arrives in order — an alert's deliveries, the simulation's outages — is checked, not sorted.
    public var isInIncreasingOrder: Bool { !zip(self, dropFirst()).contains { $1 < $0 } }
}
