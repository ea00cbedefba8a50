import CertAuditCore

/// One dated line of a renewal chain's history, in the run's one log of them (`RenewalChains`): the
/// text in the spool, and the place in the log of the same chain's note before it (-1: its first).
struct ChainNote {
    let text: SpooledText
    let previous: Int32
}
