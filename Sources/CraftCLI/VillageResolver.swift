// Turning what a person types for a village ("Ninh Sở", "ninh so", "vlg-ninh-so") into its id.

public import CatalogueAPI
import CommonAPI

/// Resolves `--village` arguments against the villages the server lists.
///
/// `ListingFilter.village_ids` takes ids only; people know names, often typed without tone
/// marks. Matching, in order: the exact id; the id without its "vlg-" prefix; the Vietnamese
/// or English name folded (no tone marks, case or punctuation); then a unique folded prefix
/// of a name ("bat" → Bát Tràng). Two villages for one argument is an error, not a guess.
public enum VillageResolver {
  /// The id of the one village `text` names.
  public static func resolve(_ text: String, in villages: [Village]) throws(InputError) -> String {
    if let exact = villages.first(where: { $0.id == text }) { return exact.id }
    let wanted = foldForMatching(text)
    guard !wanted.isEmpty else { throw InputError("--village: empty village name", field: "village") }
    func names(_ village: Village) -> [String] {
      var slug = village.id
      if slug.hasPrefix("vlg-") { slug.removeFirst(4) }
      return [slug, village.name?.vi ?? "", village.name?.en ?? ""].map(foldForMatching)
        .filter { !$0.isEmpty }
    }
    let equal = villages.filter { names($0).contains(wanted) }
    if equal.count == 1 { return equal[0].id }
    let candidates = equal.isEmpty
      ? villages.filter { names($0).contains { $0.hasPrefix(wanted) } } : equal
    switch candidates.count {
    case 1: return candidates[0].id
    case 0:
      throw InputError(
        "--village: no village matches \"\(text)\" (see `craftctl villages list`)", field: "village")
    default:
      let listed = candidates.map { "\($0.id) (\($0.name?.vi ?? ""))" }.joined(separator: ", ")
      throw InputError("--village: \"\(text)\" matches several villages: \(listed)", field: "village")
    }
  }
}
