internal import Auth
internal import CatalogueAPI
internal import CommonAPI
internal import MatchingAPI
internal import RPCCore
internal import Storage

extension MatchingServiceImpl {
  /// The longest period a report may cover (ten years): a bound on the work one call does.
  static let maxReportDays: Int64 = 3_660

  /// `StreamPartnerReport`: authorizes, resolves the scope against the catalogue index, reads
  /// the period's activity in one snapshot and writes the sections one by one.
  ///
  /// A producer may read its own producer report; analysts, admins and the platform may read
  /// any scope. No token → `UNAUTHENTICATED`; other roles or another producer's report →
  /// `PERMISSION_DENIED`.
  func writePartnerReport(
    _ request: StreamPartnerReportRequest, caller: Caller,
    to responses: ServerResponseWriter<ReportSection>
  ) async throws {
    try caller.requireAuthenticated()
    if case .producerId(let id) = request.scope, caller.role == .producer {
      guard !caller.id.isEmpty, caller.id == id else {
        throw RPCError(
          code: .permissionDenied,
          message: "producer \(caller.id) may read only its own report, not producer \(id)'s")
      }
    } else {
      guard caller.isPrivileged || caller.role == .analyst else {
        throw RPCError(
          code: .permissionDenied,
          message: caller.role == .producer
            ? "a producer may read only its own report (scope producer_id = \(caller.id))"
            : "role \(caller.role.displayName) may not read partner-matching reports")
      }
    }
    guard let language = ReportLanguage(request: request.language) else {
      throw MatchingError.invalidArgument(field: "language", reason: "must be \"vi\" or \"en\"")
    }
    guard request.topN >= 0 else {
      throw MatchingError.invalidArgument(field: "top_n", reason: "must not be negative")
    }
    let topN = request.topN == 0 ? 10 : min(Int(request.topN), 100)
    let (period, firstDay, lastDay) = try Self.reportPeriod(request.period)
    let index = store.catalogue.snapshot
    let scope = try Self.reportScope(request.scope, index: index, language: language)

    // Days are Vietnam days: a day starts at 00:00 UTC+7.
    let offset: Int64 = 7 * 3_600_000
    let start = firstDay * Time.millisecondsPerDay - offset
    let end = (lastDay + 1) * Time.millisecondsPerDay - offset
    let activity = try await store.reportActivity(producers: scope.producers, start: start, end: end)
    let report = PartnerReport(
      scope: scope, activity: activity, index: index, period: period,
      periodDays: lastDay - firstDay + 1, language: language, topN: topN, generatedAt: store.now)
    for section in report.sections() {
      try await responses.write(section)
    }
  }

  /// The period's first and last day numbers; both dates required and valid, start ≤ end.
  static func reportPeriod(_ period: DateRange?) throws(MatchingError) -> (DateRange, Int64, Int64) {
    guard let period, let start = period.start, let end = period.end else {
      throw MatchingError.invalidArgument(field: "period", reason: "a start and an end date are required")
    }
    guard Time.isValid(start) else { throw MatchingError.invalidArgument(field: "period.start", reason: "not a date") }
    guard Time.isValid(end) else { throw MatchingError.invalidArgument(field: "period.end", reason: "not a date") }
    let first = Time.dayNumber(start), last = Time.dayNumber(end)
    guard first <= last else {
      throw MatchingError.invalidArgument(field: "period", reason: "the start is after the end")
    }
    guard last - first < maxReportDays else {
      throw MatchingError.invalidArgument(field: "period", reason: "at most \(maxReportDays) days")
    }
    return (period, first, last)
  }

  /// The producers, label, village and district a scope names; `NOT_FOUND` for an unknown
  /// producer, village or district.
  static func reportScope(
    _ scope: StreamPartnerReportRequest.Scope?, index: CatalogueIndex, language: ReportLanguage
  ) throws(MatchingError) -> ReportScope {
    func name(_ text: LocalizedText?) -> String {
      let vi = text?.vi ?? "", en = text?.en ?? ""
      return language == .en && !en.isEmpty ? en : (vi.isEmpty ? en : vi)
    }
    switch scope {
    case .producerId(let id):
      guard !id.isEmpty else { throw MatchingError.invalidArgument(field: "producer_id", reason: "required") }
      guard let producer = index.producers[id] else { throw MatchingError.notFound("producer \(id) not found") }
      let village = index.villages[producer.villageId]
      return ReportScope(
        label: name(producer.name), producers: ReportProducers(ids: [id]), village: village,
        district: village?.district ?? "")
    case .villageId(let id):
      guard !id.isEmpty else { throw MatchingError.invalidArgument(field: "village_id", reason: "required") }
      guard let village = index.villages[id] else { throw MatchingError.notFound("village \(id) not found") }
      let ids = Set(index.producers.values.filter { $0.villageId == id }.map(\.id))
      return ReportScope(
        label: ReportLabels.scopeVillage(name(village.name), language),
        producers: ReportProducers(ids: ids), village: village, district: village.district)
    case .district(let district):
      let folded = VietnameseFolding.fold(district.trimmingSpaces).lowercased()
      guard !folded.isEmpty else { throw MatchingError.invalidArgument(field: "district", reason: "required") }
      let villages = index.villages.values.filter {
        VietnameseFolding.fold($0.district.trimmingSpaces).lowercased() == folded
      }
      guard let canonical = villages.map(\.district).min() else {
        throw MatchingError.notFound("no village in district \(district)")
      }
      let villageIDs = Set(villages.map(\.id))
      let ids = Set(index.producers.values.filter { villageIDs.contains($0.villageId) }.map(\.id))
      return ReportScope(
        label: ReportLabels.scopeDistrict(canonical, language), producers: ReportProducers(ids: ids),
        village: nil, district: canonical)
    case .city(let city):
      guard city else { throw MatchingError.invalidArgument(field: "city", reason: "must be true") }
      return ReportScope(
        label: ReportLabels.scopeCity(language), producers: ReportProducers(ids: nil), village: nil,
        district: "")
    case nil:
      throw MatchingError.invalidArgument(
        field: "scope", reason: "one of producer_id, village_id, district or city is required")
    }
  }
}
