// The demo catalogue scaled up to the benchmark's size, without a generator of its own.

import CatalogueAPI

/// The demo catalogue copied until it holds `listings` listings over `producers` producers:
/// producer clone k is demo producer k mod (demo producers) under a new id; copy c of a demo
/// listing goes to one of its producer's clones. Villages stay as they are, so the clones of
/// a workshop are neighbours in its village, as in a real craft village.
func scaledCatalogue(
  villages: [Village], producers: [Producer], listings: [Listing], toProducers producerCount: Int,
  listings listingCount: Int
) -> (villages: [Village], producers: [Producer], listings: [Listing]) {
  var clones: [String: [String]] = [:]
  var outProducers: [Producer] = []
  outProducers.reserveCapacity(producerCount)
  for k in 0..<producerCount {
    var producer = producers[k % producers.count]
    let original = producer.id
    producer.id = "\(original)-x\(k / producers.count)"
    clones[original, default: []].append(producer.id)
    outProducers.append(producer)
  }
  var outListings: [Listing] = []
  outListings.reserveCapacity(listingCount)
  var copy = 0
  while outListings.count < listingCount {
    for listing in listings where outListings.count < listingCount {
      var scaled = listing
      let owners = clones[listing.producerId] ?? [listing.producerId]
      scaled.id = "\(listing.id)-c\(copy)"
      scaled.producerId = owners[(copy + outListings.count) % owners.count]
      outListings.append(scaled)
    }
    copy += 1
  }
  return (villages, outProducers, outListings)
}
