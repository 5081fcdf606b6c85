/// The listings of one category in columns: a ranking for a need of that category streams
/// through contiguous memory and never touches another category's listings (a scan in slot
/// order took a cache miss per column for every listing it scored, the rest of the line being
/// other categories' listings).
///
/// Positions are not stable: a listing that leaves the category has the last one moved into
/// its place. ``CatalogueIndex`` keeps each listing's position.
struct CategoryColumns: Sendable {
  /// The category's raw value.
  let category: Int32
  /// Per position: the listing's slot, its producer's slot when the listing is active (-1
  /// otherwise), its numbers and its HS digits.
  private(set) var slots: [Int32] = []
  private(set) var producers: [Int32] = []
  private(set) var numbers: [ListingNumbers] = []
  private(set) var hsDigits: [String] = []
  /// The positions' word ids and price points, one listing's after another. A replaced
  /// listing's new ones go to the end; `garbage` counts the entries no position points at any
  /// more, and the pools are rewritten when that is more than half of them.
  private(set) var termPool: [Int32] = []
  private(set) var pricePool: [PricePoint] = []
  private var garbage = 0

  init(category: Int32) {
    self.category = category
  }

  /// A listing's column values; `numbers`' pool starts are set here.
  struct Entry {
    var slot: Int32
    var active: Bool
    var numbers: ListingNumbers
    var hsDigits: String
    var terms: [Int32]
    var prices: [PricePoint]
  }

  /// Adds a listing at the end; returns its position.
  mutating func append(_ entry: Entry) -> Int32 {
    slots.append(entry.slot)
    producers.append(entry.active ? entry.numbers.producer : -1)
    numbers.append(pooled(entry))
    hsDigits.append(entry.hsDigits)
    return Int32(slots.count - 1)
  }

  /// Replaces the listing at `position` (the same listing, changed, still of this category).
  mutating func replace(at position: Int32, with entry: Entry) {
    let position = Int(position)
    garbage += Int(numbers[position].termCount + numbers[position].priceCount)
    producers[position] = entry.active ? entry.numbers.producer : -1
    numbers[position] = pooled(entry)
    hsDigits[position] = entry.hsDigits
    if garbage > (termPool.count + pricePool.count) / 2 { compact() }
  }

  /// Removes the listing at `position`, moving the last one into its place; the slot of the
  /// listing moved, nil when the removed one was the last.
  mutating func remove(at position: Int32) -> Int32? {
    let position = Int(position)
    garbage += Int(numbers[position].termCount + numbers[position].priceCount)
    let last = slots.count - 1
    if position != last {
      slots.swapAt(position, last)
      producers.swapAt(position, last)
      numbers.swapAt(position, last)
      hsDigits.swapAt(position, last)
    }
    slots.removeLast()
    producers.removeLast()
    numbers.removeLast()
    hsDigits.removeLast()
    if garbage > (termPool.count + pricePool.count) / 2 { compact() }
    return position != last ? slots[position] : nil
  }

  /// The word ids of the listing at `position`.
  func terms(at position: Int32) -> ArraySlice<Int32> {
    let numbers = numbers[Int(position)]
    return termPool[Int(numbers.termStart)..<Int(numbers.termStart + numbers.termCount)]
  }

  /// The price points of the listing at `position`.
  func prices(at position: Int32) -> ArraySlice<PricePoint> {
    let numbers = numbers[Int(position)]
    return pricePool[Int(numbers.priceStart)..<Int(numbers.priceStart + numbers.priceCount)]
  }

  /// `entry`'s numbers, its words and prices appended to the pools.
  private mutating func pooled(_ entry: Entry) -> ListingNumbers {
    var numbers = entry.numbers
    numbers.termStart = Int32(termPool.count)
    numbers.termCount = Int32(entry.terms.count)
    numbers.priceStart = Int32(pricePool.count)
    numbers.priceCount = Int32(entry.prices.count)
    termPool += entry.terms
    pricePool += entry.prices
    return numbers
  }

  /// Rewrites the pools with only the entries positions point at, in position order.
  private mutating func compact() {
    var terms: [Int32] = []
    var prices: [PricePoint] = []
    for position in numbers.indices {
      let position = Int32(position)
      let (oldTerms, oldPrices) = (self.terms(at: position), self.prices(at: position))
      numbers[Int(position)].termStart = Int32(terms.count)
      numbers[Int(position)].priceStart = Int32(prices.count)
      terms += oldTerms
      prices += oldPrices
    }
    termPool = terms
    pricePool = prices
    garbage = 0
  }
}
