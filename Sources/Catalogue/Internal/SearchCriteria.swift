/// A `SearchListings` request as typed values: what ``ListingSearch`` turns into SQL, for
/// ``SearchIndex`` to evaluate the same conditions in memory. Unset filters are `nil`/empty;
/// every set one must hold (as the SQL's `AND`).
struct SearchCriteria {
  /// How the matches are ordered; ties always by listing id (UTF-8 bytes, ascending).
  enum Sort: Equatable {
    /// No key (`0`): listing id order.
    case none
    /// bm25, best (most negative) first.
    case relevance
    /// The lowest price in the currency, listings without one last.
    case priceAscending(currency: String)
    /// The lowest price in the currency, highest first, listings without one last.
    case priceDescending(currency: String)
    /// Lead time, shortest first.
    case leadTime
    /// Creation time, newest first.
    case newest
  }

  /// Folded query terms, all required; the last one matches as a prefix. Empty: no text.
  var terms: [String] = []
  var categories: Set<Int32> = []
  /// Folded materials; a listing needs one of them.
  var materials: [String] = []
  /// HS code digits the listing's code starts with.
  var hsPrefix: String?
  var villageIDs: Set<String> = []
  /// Folded district the listing's village lies in.
  var district: String?
  /// Certificate types the producer must all hold on the search's day.
  var certifications: [Int32] = []
  var maxMoq: Int64?
  /// A tier in `currency` priced within `min...max` (minor units).
  var price: (currency: String, min: Int64, max: Int64)?
  var maxLeadTimeDays: Int64?
  var minMonthlyCapacity: Int64?
  /// The folded (lower-cased) SKU.
  var sku: String?
  var producerID: String?
  var incoterms: Set<Int32> = []
  var sort = Sort.none
}
