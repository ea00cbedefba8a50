import CertAuditCore
import Testing

@testable import CertAuditRules

/// The operation verdicts with the whole catalogue: each kind allowed and denied, the boundaries
/// RULES.md states, every denying rule listed, and earlier requests changing later ones.
struct OperationJudgeTests {
    static let day = ExampleEstate.day
    static let hour: Int64 = 3_600

    static func verdicts(
        _ certificates: [Certificate], _ operations: [OperationRecord], resources: [ResourceRecord] = [],
        hosting: [HostingRecord] = []
    ) -> [OperationVerdict] {
        let estate = Estate(
            certificates: certificates, resources: resources,
            lifecycle: LifecycleInputs(hosting: hosting, operations: operations))
        return OperationJudge().judge(RuleContext(estate: estate, settings: ExampleEstate.settings))
    }

    static func verdict(
        _ certificates: [Certificate], _ operation: OperationRecord, resources: [ResourceRecord] = []
    ) -> OperationVerdict {
        verdicts(certificates, [operation], resources: resources)[0]
    }

    /// A platform-issued DNSPod DV certificate for www.example.com, expiring 120 days after as-of.
    static func issued(_ id: String = "cert-1", configure: (inout CertificateRecord) -> Void = { _ in }) -> Certificate
    {
        ExampleEstate.certificate(id, source: .issued) {
            $0.brand = "DNSPod"
            $0.product = .dv
            $0.domainType = .single
            configure(&$0)
        }
    }

    /// One allowed and one denied request of every kind.
    static let kinds:
        [(kind: OperationRecord.Kind, allowed: OperationVerdict, denied: OperationVerdict, rule: RuleID)] = [
            (
                .revoke, verdict([issued()], ExampleEstate.operation(.revoke)),
                verdict([ExampleEstate.certificate()], ExampleEstate.operation(.revoke)), .rvkIssuedHere
            ),
            (
                .delete, verdict([ExampleEstate.certificate()], ExampleEstate.operation(.delete)),
                verdict([issued()], ExampleEstate.operation(.delete)), .delByState
            ),
            (
                .reissue, verdict([issued()], ExampleEstate.operation(.reissue, at: day(89))),
                verdict([issued()], ExampleEstate.operation(.reissue, at: day(90))), .riWindow
            ),
            (
                .urgeReview,
                verdict(
                    [
                        issued {
                            $0.brand = "TrustAsia"
                            $0.status = .validating
                            $0.submittedAt = day(-2)
                        }
                    ],
                    ExampleEstate.operation(.urgeReview)),
                verdict(
                    [
                        issued {
                            $0.status = .validating
                            $0.submittedAt = day(-2)
                        }
                    ], ExampleEstate.operation(.urgeReview)),
                .revUrge
            ),
            (
                .enableAutoRenew, verdict([issued()], ExampleEstate.operation(.enableAutoRenew, at: day(106))),
                verdict([issued()], ExampleEstate.operation(.enableAutoRenew, at: day(107))), .arEnableWindow
            ),
            (
                .disableAutoRenew, verdict([issued()], ExampleEstate.operation(.disableAutoRenew)),
                verdict([issued()], ExampleEstate.operation(.disableAutoRenew, on: "nobody")), .invUnknownReference
            ),
            (
                .ignoreMessages, verdict([issued()], ExampleEstate.operation(.ignoreMessages)),
                verdict([issued()], ExampleEstate.operation(.ignoreMessages, on: "nobody")), .invUnknownReference
            ),
            (
                .followMessages, verdict([issued()], ExampleEstate.operation(.followMessages)),
                verdicts(
                    [ExampleEstate.certificate()],
                    [
                        ExampleEstate.operation(.delete),
                        ExampleEstate.operation(.followMessages, at: day(1), line: 3),
                    ])[1], .invUnknownReference
            ),
            (
                .host, verdict([ExampleEstate.certificate()], ExampleEstate.operation(.host, at: day(89))),
                verdict([ExampleEstate.certificate()], ExampleEstate.operation(.host, at: day(90))), .uphWindow
            ),
            (
                .upload, verdict([ExampleEstate.certificate()], ExampleEstate.operation(.upload)),
                verdict(
                    [
                        ExampleEstate.certificate(
                            bundle: ExampleEstate.bundle(key: .init(present: true, matchesLeaf: false, algorithm: .rsa))
                        )
                    ], ExampleEstate.operation(.upload)), .upKeyMatch
            ),
        ]

    @Test func everyKindHasAnAllowedAndADeniedCase() {
        #expect(Set(Self.kinds.map(\.kind)) == Set(OperationRecord.Kind.allCases))
        for (kind, allowed, denied, rule) in Self.kinds {
            #expect(allowed.isAllowed, "\(kind): \(allowed.denials.map(\.message))")
            #expect(!denied.isAllowed, "\(kind) should be denied")
            #expect(denied.denials.first?.ruleID == rule, "\(kind): \(denied.denials.map(\.ruleID))")
            #expect(denied.denials.allSatisfy { $0.message.contains("operations.csv line ") })
        }
    }

    @Test func autoRenewalCanBeSwitchedOnWith14DaysLeftNot13() {
        // The example certificate's expiry date is as-of + 120 days.
        let fourteen = Self.verdict([Self.issued()], ExampleEstate.operation(.enableAutoRenew, at: Self.day(106)))
        let thirteen = Self.verdict([Self.issued()], ExampleEstate.operation(.enableAutoRenew, at: Self.day(107)))
        #expect(fourteen.isAllowed)
        #expect(thirteen.denials.map(\.ruleID) == [.arEnableWindow])
    }

    @Test func reissueNeedsMoreThan30Days() {
        let thirtyOne = Self.verdict([Self.issued()], ExampleEstate.operation(.reissue, at: Self.day(89)))
        let thirty = Self.verdict([Self.issued()], ExampleEstate.operation(.reissue, at: Self.day(90)))
        #expect(thirtyOne.isAllowed)
        #expect(thirty.denials.map(\.ruleID) == [.riWindow])
    }

    @Test(arguments: [(Product.dv, 24), (.ov, 72), (.ev, 96)] as [(Product, Int64)])
    func urgingOpensAfterTheWaitNotASecondBefore(product: Product, hours: Int64) {
        let milestone = Self.day(-10)
        let order = ExampleEstate.certificate(source: .issued, bundle: nil) {
            $0.brand = "TrustAsia"
            $0.product = product
            $0.status = .validating
            $0.submittedAt = product == .dv ? milestone : Self.day(-20)
            $0.letterUploadedAt = product == .dv ? nil : milestone
        }
        let onTime = Self.verdict([order], ExampleEstate.operation(.urgeReview, at: milestone + hours * Self.hour))
        let early = Self.verdict([order], ExampleEstate.operation(.urgeReview, at: milestone + (hours * Self.hour - 1)))
        #expect(onTime.isAllowed, "\(onTime.denials.map(\.message))")
        #expect(early.denials.map(\.ruleID) == [.revUrge])
    }

    @Test func revocationNeedsAnIssueDateFrom2020_03_25() {
        func issuedOn(_ day: Int) -> Certificate {
            let notBefore = RunTimeZone.shanghai.instant(of: LocalDate(year: 2020, month: 3, day: day)!)
            let leaf = ExampleEstate.leaf(notBefore: notBefore, notAfter: Self.day(120))
            return ExampleEstate.certificate(source: .issued, bundle: ExampleEstate.bundle(leaf)) { $0.product = .ov }
        }
        let revoke = ExampleEstate.operation(.revoke, ["reason": "superseded"])
        #expect(Self.verdict([issuedOn(25)], revoke).isAllowed)
        #expect(Self.verdict([issuedOn(24)], revoke).denials.map(\.ruleID) == [.rvkBefore2020])
    }

    @Test func validationIsReusedFor13MonthsToTheDay() {
        func validated(_ date: LocalDate) -> OperationVerdict {
            let certificate = Self.issued { $0.companyValidatedOn = RunTimeZone.shanghai.instant(of: date) }
            return Self.verdict([certificate], ExampleEstate.operation(.reissue, ["csr": "online"]))
        }
        let reused = validated(LocalDate(year: 2025, month: 10, day: 28)!)
        let expired = validated(LocalDate(year: 2025, month: 10, day: 27)!)
        #expect(reused.isAllowed && reused.reasons.isEmpty, "\(reused.reasons.map(\.message))")
        #expect(expired.isAllowed)
        #expect(expired.conditions.map(\.ruleID) == [.riValidation])
    }

    @Test func everyDenyingRuleIsListedDenialsFirst() {
        // An uploaded certificate, 20 days left, bound to a CLB: three revocation rules object.
        let revoke = ExampleEstate.operation(.revoke, at: Self.day(100))
        let verdict = Self.verdict(
            [ExampleEstate.certificate { $0.status = .revoking }], revoke,
            resources: [ExampleEstate.resource(serving: "cert-1")])
        #expect(verdict.denials.map(\.ruleID) == [.rvkIssuedHere, .rvkPendingRenewal, .rvkEffect])
        let effects = verdict.reasons.map(\.effect)
        #expect(effects == effects.sorted { $0 == .denies && $1 == .requires })
    }

    @Test func laterRequestsSeeWhatEarlierAllowedOnesDid() {
        let certificate = Self.issued { $0.product = .ov }
        let verdicts = Self.verdicts(
            [certificate],
            [
                // Listed out of order on purpose: judged by requested_at, reported in input order.
                ExampleEstate.operation(.host, at: Self.day(2), line: 2),
                ExampleEstate.operation(.revoke, at: Self.day(1), line: 3, ["reason": "key compromise"]),
                ExampleEstate.operation(.delete, at: Self.day(3), line: 4),
            ])
        #expect(verdicts.map(\.operation.line) == [2, 3, 4])
        #expect(verdicts[1].isAllowed)
        #expect(verdicts[0].denials.map(\.ruleID) == [.rvkEffect])
        #expect(verdicts[2].denials.map(\.ruleID) == [.delByState])
    }

    @Test func aDeniedRequestChangesNothing() {
        let verdicts = Self.verdicts(
            [ExampleEstate.certificate()],
            [
                ExampleEstate.operation(.revoke, line: 2),
                ExampleEstate.operation(.host, at: Self.day(1), line: 3),
            ])
        #expect(!verdicts[0].isAllowed)
        #expect(verdicts[1].isAllowed, "\(verdicts[1].denials.map(\.message))")
    }

    @Test func hostingRequestsAreJudgedLikeHostingPlans() {
        let bound = [ExampleEstate.resource("waf-1", type: "WAF", serving: "cert-1")]
        let request = ExampleEstate.operation(.host, ["types": "CDN,CLB", "lead": "25"])
        let verdict = Self.verdict([Self.issued { $0.autoRenew = true }], request, resources: bound)
        #expect(verdict.isAllowed)
        #expect(verdict.conditions.map(\.ruleID) == [.hostResourceTypes])
        let notALead = Self.verdict([Self.issued()], ExampleEstate.operation(.host, ["lead": "soon"]))
        #expect(notALead.denials.map(\.ruleID) == [.hostLead])
    }

    @Test func verdictsDoNotDependOnInputOrderOfEqualTimes() {
        let a = ExampleEstate.operation(.reissue, on: "a", line: 2)
        let b = ExampleEstate.operation(.reissue, on: "b", line: 3)
        let certificates = [
            Self.issued("a"),
            ExampleEstate.certificate(
                "b", source: .issued,
                bundle: ExampleEstate.bundle(
                    ExampleEstate.leaf(cn: "api.example.com", sans: [.init(.dns, "api.example.com")]))),
        ]
        let forward = Self.verdicts(certificates, [a, b])
        let backward = Self.verdicts(certificates, [b, a])
        // Same time: the earlier line goes first, whatever the order in the array.
        #expect(forward.first { $0.operation.line == 3 }?.denials.map(\.ruleID) == [.riOnePerDomain])
        #expect(backward.first { $0.operation.line == 3 }?.denials.map(\.ruleID) == [.riOnePerDomain])
    }
}

extension OperationJudgeTests {
    @Test func aQuarantinedCertificateIsDeniedByTheRuleThatKeptItOut() {
        let estate = Estate(
            certificates: [],
            quarantine: [
                QuarantineRecord(
                    input: "certificates.csv", line: 9, reason: "解析失败,请检查证书是否符合标准: not PEM",
                    certificateID: "broken", ruleID: .upPemFormat)
            ],
            lifecycle: LifecycleInputs(operations: [ExampleEstate.operation(.upload, on: "broken")]))
        let verdict = OperationJudge().judge(RuleContext(estate: estate, settings: ExampleEstate.settings))[0]
        #expect(verdict.denials.map(\.ruleID) == [.upPemFormat])
        #expect(verdict.denials[0].message.contains("is in the quarantine (certificates.csv line 9"))
    }

    /// An upload is judged against the certificates with the same content only (UP-DUPLICATE): the
    /// second row of a certificate already listed is denied, whichever rows other uploads name, and
    /// a certificate with content of its own is not.
    @Test func uploadingContentAlreadyListedIsDeniedAsADuplicate() {
        let other = ExampleEstate.certificate(
            "cert-3", bundle: ExampleEstate.bundle(ExampleEstate.leaf(fingerprint: "bb02")))
        let estate = [ExampleEstate.certificate("cert-1"), ExampleEstate.certificate("cert-2"), other]
        let verdicts = Self.verdicts(
            estate,
            [
                ExampleEstate.operation(.upload, on: "cert-3", line: 2),
                ExampleEstate.operation(.upload, on: "cert-2", line: 3),
            ])
        #expect(verdicts.map(\.isAllowed) == [true, false])
        #expect(verdicts[1].denials.map(\.ruleID) == [.upDuplicate])
        #expect(!verdicts[0].denials.contains { $0.ruleID == .upDuplicate })
        let alone = Self.verdicts(estate, [ExampleEstate.operation(.upload, on: "cert-2")])
        #expect(alone.first?.denials.map(\.ruleID) == [.upDuplicate])
    }

    @Test func uploadingARowWithoutABundleIsDenied() {
        let order = ExampleEstate.certificate(bundle: nil)
        let verdict = Self.verdict([order], ExampleEstate.operation(.upload))
        #expect(verdict.denials.map(\.ruleID) == [.upPemFormat])
    }
}

extension OperationJudgeTests {
    /// What-if reruns are judged as of the request: an expired certificate cannot be hosted, and
    /// uploading one carries the expiry as a condition, though both are valid at the as-of time.
    @Test func scenariosAreJudgedAtTheRequestTime() {
        let host = Self.verdict([Self.issued()], ExampleEstate.operation(.host, at: Self.day(121)))
        #expect(host.denials.map(\.ruleID) == [.hostEligible])
        let upload = Self.verdict([ExampleEstate.certificate()], ExampleEstate.operation(.upload, at: Self.day(121)))
        #expect(upload.isAllowed)
        #expect(upload.conditions.map(\.ruleID) == [.certExpired])
        let early = Self.verdict([ExampleEstate.certificate()], ExampleEstate.operation(.upload, at: Self.day(119)))
        #expect(early.reasons.isEmpty, "\(early.reasons.map(\.message))")
    }
}
