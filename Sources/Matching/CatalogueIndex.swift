public import CatalogueAPI
internal import CommonAPI
internal import Storage

/// The matching engine's view of the catalogue: the latest snapshot of every village, producer
/// and listing the change feed delivered, with each listing's text pre-folded into search terms.
///
/// A plain value: ``CatalogueReadModel`` keeps one behind a lock and hands out copies, which
/// cost nothing until the next event changes the original (dictionaries are copy-on-write), so a
/// ranking always runs over one consistent snapshot.
public struct CatalogueIndex: Sendable {
  /// A listing with what the engine derives from it once, when it arrives.
  public struct IndexedListing: Sendable {
    /// The listing as the catalogue last published it.
    public var listing: Listing
    /// Folded words of its titles, descriptions and materials.
    var terms: Set<String>
    /// The HS code's digits ("460212").
    var hsDigits: String
  }

  /// Villages by id.
  public private(set) var villages: [String: Village] = [:]
  /// Producers by id, deleted ones included (their listings are deleted too).
  public private(set) var producers: [String: Producer] = [:]
  /// Listings by id, every status.
  public private(set) var listings: [String: IndexedListing] = [:]
  /// Listing ids of each producer.
  public private(set) var listingsByProducer: [String: Set<String>] = [:]

  /// An empty index.
  public init() {}

  /// Applies one snapshot (the object after a change; a deleted object arrives marked deleted).
  public mutating func apply(_ snapshot: ChangeEvent.Snapshot) {
    switch snapshot {
    case .village(let village):
      villages[village.id] = village
    case .producer(let producer):
      producers[producer.id] = producer
    case .listing(let listing):
      if let previous = listings[listing.id], previous.listing.producerId != listing.producerId {
        listingsByProducer[previous.listing.producerId]?.remove(listing.id)
      }
      listings[listing.id] = IndexedListing(
        listing: listing, terms: Self.terms(of: listing), hsDigits: Self.digits(listing.hsCode))
      listingsByProducer[listing.producerId, default: []].insert(listing.id)
    }
  }

  /// Active listings of producers that are not deleted, in id order (deterministic scans).
  func activeListings(ofProducer producerID: String? = nil) -> [IndexedListing] {
    let ids: [String]
    if let producerID {
      ids = (listingsByProducer[producerID] ?? []).sorted()
    } else {
      ids = listings.keys.sorted()
    }
    return ids.compactMap { id in
      guard let indexed = listings[id], indexed.listing.status == .active,
        let producer = producers[indexed.listing.producerId], !producer.deleted
      else { return nil }
      return indexed
    }
  }

  /// The folded search terms of a listing: titles, descriptions and materials.
  static func terms(of listing: Listing) -> Set<String> {
    var text = [listing.title?.vi ?? "", listing.title?.en ?? "", listing.description?.vi ?? "",
      listing.description?.en ?? ""]
    text += listing.materials
    return Set(text.flatMap { TextTerms.terms($0) })
  }

  /// The digits of an HS code ("4602.12" → "460212").
  static func digits(_ code: String) -> String {
    String(code.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
  }
}

/// Words for text relevance: Vietnamese folded (tone marks and `đ`), lower case, split on
/// anything that is not a letter or a digit; one-letter words and a few stop words dropped.
enum TextTerms {
  static let stopWords: Set<String> = [
    "and", "for", "the", "with", "of", "in", "to", "or", "a", "an", "our", "we", "need", "needs",
    "va", "cho", "cua", "voi", "cac", "nhung", "mot", "la", "co", "can",
  ]

  static func terms(_ text: String) -> [String] {
    let folded = VietnameseFolding.fold(text).lowercased()
    var words: [String] = []
    var current = ""
    for character in folded {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.filter { $0.count > 1 && !stopWords.contains($0) }
  }
}
