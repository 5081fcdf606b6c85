import CraftCLI
import Testing

@Suite("Tables and display width")
struct TableTests {
  @Test("width counts grapheme clusters: precomposed and decomposed Vietnamese are equal")
  func vietnameseWidth() {
    let precomposed = "Ninh Sở"
    let decomposed = "Ninh So\u{31B}\u{309}"  // o + horn + hook above
    #expect(precomposed.unicodeScalars.count != decomposed.unicodeScalars.count)
    #expect(displayWidth(precomposed) == 7)
    #expect(displayWidth(decomposed) == 7)
    #expect(displayWidth("Thường Tín") == 10)
  }

  @Test("East Asian wide characters and emoji take two columns")
  func wide() {
    #expect(displayWidth("陶器") == 4)
    #expect(displayWidth("🧺") == 2)
    #expect(displayWidth("a\u{7}b") == 2)
  }

  @Test("truncation keeps whole graphemes and ends in an ellipsis")
  func truncation() {
    #expect(truncate("Mây tre đan", toWidth: 20) == "Mây tre đan")
    #expect(truncate("Mây tre đan", toWidth: 6) == "Mây t…")
    #expect(displayWidth(truncate("Mây tre đan", toWidth: 6)) == 6)
    #expect(truncate("陶器陶器", toWidth: 4) == "陶…")
  }

  @Test("columns align on display width, numbers to the right, no trailing spaces")
  func render() {
    var table = Table(columns: [.init("village"), .init("listings", alignment: .right), .init("note")])
    table.append(["Ninh Sở", "631", ""])
    table.append(["Ninh So\u{31B}\u{309}", "7", "x"])
    table.append(["Phú Vinh", "726", "two\nlines"])
    #expect(
      table.render() == """
        VILLAGE   LISTINGS  NOTE
        Ninh Sở        631
        Ninh Sở          7  x
        Phú Vinh       726  two lines

        """)
  }

  @Test("cells over a column's width are cut; missing cells are empty")
  func maxWidth() {
    var table = Table(columns: [.init("title", maxWidth: 8), .init("id")])
    table.append(["Ghế tre thư giãn", "lst-1"])
    table.append(["Khay"])
    #expect(
      table.render() == """
        TITLE     ID
        Ghế tre…  lst-1
        Khay

        """)
  }

  @Test("the progress bar fills with the count and clamps")
  func progress() {
    let bar = ProgressBar(width: 10, unit: "rows")
    #expect(bar.render(done: 0, total: 200) == "[----------]   0% 0/200 rows")
    #expect(bar.render(done: 50, total: 200) == "[##--------]  25% 50/200 rows")
    #expect(bar.render(done: 250, total: 200) == "[##########] 100% 200/200 rows")
  }
}
