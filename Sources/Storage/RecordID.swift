/// Fresh opaque record ids that sort by creation time.
public enum RecordID {
  /// An id made at `now` (ms since the epoch): `prefix`, a dash and 20 base-32 characters,
  /// the time (9 characters, 45 bits) then 55 random bits (11 characters).
  ///
  /// Time first so ids sort by creation: a new row lands at the right edge of the indexes
  /// keyed by its id instead of on a random page, so a batch of inserts dirties a few pages
  /// that one commit writes, not a page or more each. One random draw per id (a system call),
  /// not one per character.
  public static func make(_ prefix: String, now: Int64) -> String {
    let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
    let time = UInt64(clamping: now)
    var generator = SystemRandomNumberGenerator()
    let random: UInt64 = generator.next()
    var id = Array(prefix.utf8)
    id.reserveCapacity(id.count + 21)
    id.append(UInt8(ascii: "-"))
    for index in (0..<9).reversed() { id.append(alphabet[Int(time >> UInt64(5 * index) & 31)]) }
    for index in 0..<11 { id.append(alphabet[Int(random >> UInt64(5 * index) & 31)]) }
    return String(decoding: id, as: UTF8.self)
  }
}
