internal import CatalogueAPI
internal import CommonAPI
internal import MatchingAPI

/// The card messages a match or an introduction shows, built from the catalogue index and the
/// matching database.
enum Cards {
  /// A producer as a buyer sees it; response figures from introductions when there are any,
  /// else from the catalogue's own statistics.
  static func producer(_ producer: Producer, index: CatalogueIndex, stats: ResponseStats?) -> ProducerCard {
    var card = ProducerCard()
    card.producerId = producer.id
    card.name = producer.name
    card.villageId = producer.villageId
    let village = index.villages[producer.villageId]
    card.villageName = village?.name
    card.district = village?.district ?? ""
    if let stats, stats.requested > 0 {
      card.replyWithin24hRate = stats.within24hRate
      card.medianResponseSeconds = stats.medianSeconds
    } else if let catalogue = producer.responseStats, catalogue.sampleSize > 0 {
      card.replyWithin24hRate = catalogue.responseRate
      card.medianResponseSeconds = catalogue.medianResponseSeconds
    }
    card.exportMarkets = producer.exportMarkets.map { $0.uppercased() }
    return card
  }

  /// A listing with the tier price for the quantity and the certifications valid at the deadline.
  static func listing(_ listing: Listing, filter: FilterResult) -> ListingCard {
    var card = ListingCard()
    card.listingId = listing.id
    card.title = listing.title
    card.category = listing.category
    card.hsCode = listing.hsCode
    card.materials = listing.materials
    card.moq = listing.moq
    card.unit = listing.unit
    card.unitPrice = filter.unitPrice
    card.incoterm = listing.incoterm
    card.port = listing.incotermPlace
    card.leadTimeDays = listing.leadTimeDays
    card.monthlyCapacity = listing.monthlyCapacity
    card.certifications = filter.validCertifications
    return card
  }

  /// A buyer as a producer sees it: no contact details.
  static func buyer(_ buyer: Buyer) -> BuyerCard {
    var card = BuyerCard()
    card.buyerId = buyer.id
    card.companyName = buyer.companyName
    card.countryCode = buyer.countryCode
    card.buyerType = buyer.buyerType
    card.typicalOrderQuantity = buyer.typicalOrderQuantity
    card.categories = buyer.categories
    return card
  }

  static func rfq(_ rfq: Rfq) -> RfqCard {
    var card = RfqCard()
    card.rfqId = rfq.id
    card.title = rfq.title
    card.category = rfq.category
    card.hsCode = rfq.hsCode
    card.quantity = rfq.quantity
    card.quantityUnit = rfq.quantityUnit
    card.targetUnitPrice = rfq.targetUnitPrice
    card.deadline = rfq.deadline
    card.incoterm = rfq.incoterm
    card.port = rfq.port
    card.expiresAt = rfq.expiresAt
    return card
  }
}

/// Consortium proposals: when no single producer can make an RFQ's quantity by its deadline,
/// producers of one village whose listings pass every other filter pool their capacity, the
/// way village collecting firms do. Members are taken largest capacity first (ties by id); each
/// takes what it can make, up to what is still needed, and must reach its own MOQ.
enum Consortia {
  static func propose(
    need compiled: CompiledNeed, candidates: [ScoredListing], index: CatalogueIndex, maxMembers: Int
  ) -> [ConsortiumProposal] {
    let need = compiled.need
    var byVillage: [String: [ScoredListing]] = [:]
    for candidate in candidates {
      let villageID = index.producers[candidate.listing.listing.producerId]?.villageId ?? ""
      byVillage[villageID, default: []].append(candidate)
    }
    var proposals: [ConsortiumProposal] = []
    for (villageID, members) in byVillage {
      let sorted = members.sorted {
        $0.filter.capacityByDeadline != $1.filter.capacityByDeadline
          ? $0.filter.capacityByDeadline > $1.filter.capacityByDeadline
          : $0.listing.listing.producerId < $1.listing.listing.producerId
      }
      var remaining = need.quantity
      var chosen: [(ScoredListing, Int64)] = []
      for member in sorted where remaining > 0 {
        let share = min(member.filter.capacityByDeadline, remaining)
        guard share >= member.listing.listing.moq else { continue }
        chosen.append((member, share))
        remaining -= share
      }
      guard remaining == 0, chosen.count >= 2 else { continue }
      var proposal = ConsortiumProposal()
      let village = index.villages[villageID]
      proposal.villageId = villageID
      proposal.villageName = village?.name
      proposal.district = village?.district ?? ""
      var weighted = 0.0
      for (member, share) in chosen {
        var entry = ConsortiumProposal.Member()
        let producer = index.producers[member.listing.listing.producerId]
        entry.producerId = member.listing.listing.producerId
        entry.name = producer?.name
        entry.listingId = member.listing.listing.id
        entry.shareQuantity = share
        entry.shareFraction = Double(share) / Double(need.quantity)
        entry.unitPrice = member.listing.facts.price(quantity: share, for: compiled)
        entry.capacityByDeadline = member.filter.capacityByDeadline
        proposal.members.append(entry)
        proposal.combinedCapacity += member.filter.capacityByDeadline
        weighted += member.score * entry.shareFraction
      }
      proposal.meetsDeadline = true
      proposal.score = weighted
      let name = village?.name?.vi ?? villageID
      let nameEn = village?.name?.en ?? villageID
      proposal.reason = MatchEngine.text(
        "Không cơ sở nào tự làm kịp \(need.quantity) trước hạn; \(chosen.count) cơ sở ở \(name) cùng làm được \(proposal.combinedCapacity)",
        "No single producer can make \(need.quantity) by the deadline; \(chosen.count) producers in \(nameEn) together can make \(proposal.combinedCapacity)")
      proposals.append(proposal)
    }
    proposals.sort { $0.score != $1.score ? $0.score > $1.score : $0.villageId < $1.villageId }
    var result: [ConsortiumProposal] = []
    var members = 0
    for proposal in proposals where members + proposal.members.count <= maxMembers {
      result.append(proposal)
      members += proposal.members.count
    }
    return result
  }
}
