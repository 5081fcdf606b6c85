extension CalendarDate {
  /// The proleptic Gregorian date `daysSinceEpoch` days after 1970-01-01 (Howard Hinnant's
  /// `civil_from_days`: exact for every Int64 day a message can carry, no Foundation calendar).
  public init(daysSinceEpoch: Int64) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: Int32(year), month: Int32(month), day: Int32(day))
  }
}
