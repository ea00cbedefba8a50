internal import COpenSSL
import CertAuditCore
import CertAuditShims

/// Builds and verifies a chain with OpenSSL's `X509_STORE_CTX`.
enum ChainVerifier {
    /// OpenSSL's verdict: success, the error code and message, and the chain it built (leaf first).
    struct Outcome {
        let verified: Bool
        let error: Int32
        let message: String
        let chain: [X509Object]
    }

    /// With `signatures`, the pass that checks the chain's signatures and validity periods is
    /// certaudit's replay of OpenSSL's, which skips the pairs above the leaf already seen to verify.
    static func verify(
        _ leaf: X509Object, untrusted: [X509Object], trust: TrustStore, options: VerificationOptions,
        signatures: SignatureCache? = nil
    ) -> Outcome {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        guard let context = X509_STORE_CTX_new(), let stack = ca_sk_X509_new_null() else {
            return Outcome(verified: false, error: -1, message: "out of memory", chain: [])
        }
        defer {
            X509_STORE_CTX_free(context)
            ca_sk_X509_free(stack)
        }
        for certificate in untrusted { _ = ca_sk_X509_push(stack, certificate.pointer) }
        guard X509_STORE_CTX_init(context, trust.store, leaf.pointer, stack) == 1 else {
            return Outcome(verified: false, error: -1, message: OpenSSLErrorQueue.drain(), chain: [])
        }
        if let signatures, let cache = signatures.pointer { ca_verify_with_signature_cache(context, cache) }
        let parameters = X509_STORE_CTX_get0_param(context)
        if let time = options.time { X509_VERIFY_PARAM_set_time(parameters, time_t(time.secondsSinceEpoch)) }
        if options.strict { X509_VERIFY_PARAM_set_flags(parameters, UInt(X509_V_FLAG_X509_STRICT)) }
        if let depth = options.maxDepth { X509_VERIFY_PARAM_set_depth(parameters, Int32(depth)) }
        if let host = options.hostName { X509_VERIFY_PARAM_set1_host(parameters, host, host.utf8.count) }
        if let ip = options.ipAddress { X509_VERIFY_PARAM_set1_ip_asc(parameters, ip) }
        switch options.purpose {
        case .serverAuth: X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_SERVER)
        case .clientAuth: X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_CLIENT)
        case nil: break
        }
        if options.ignoreTime { X509_STORE_CTX_set_verify_cb(context, ca_verify_callback_ignoring_time) }
        let verified = X509_verify_cert(context) == 1
        let error = X509_STORE_CTX_get_error(context)
        var chain: [X509Object] = []
        if let built = X509_STORE_CTX_get0_chain(context) {
            for index in 0..<ca_sk_X509_num(built) {
                if let certificate = ca_sk_X509_value(built, index), X509_up_ref(certificate) == 1 {
                    chain.append(X509Object(taking: certificate))
                }
            }
        }
        let message = String(cString: X509_verify_cert_error_string(Int(error)))
        return Outcome(verified: verified, error: error, message: message, chain: chain)
    }

    /// certaudit's status for a bundle's chain (spec/INPUTS.md "trust/").
    static func status(of outcome: Outcome) -> ChainVerdict.Status {
        if outcome.verified { return .complete }
        switch outcome.error {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return .incomplete
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return .untrusted
        default:
            return .broken
        }
    }
}
