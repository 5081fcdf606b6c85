import RPCTestSupport
import Storage
import Testing

@Suite("Vietnamese folding")
struct FoldingTests {
  @Test(
    "folds tone marks, other diacritics, đ and case",
    arguments: [
      ("Mây tre đan Phú Vinh", "may tre dan phu vinh"),
      ("Bát Tràng", "bat trang"),
      ("Quảng Phú Cầu", "quang phu cau"),
      ("lụa Vạn Phúc", "lua van phuc"),
      ("ĐỒNG", "dong"),
      ("Chuôn Ngọ khảm trai", "chuon ngo kham trai"),
      ("Ứng Hòa, Thường Tín", "ung hoa, thuong tin"),
      ("Kiêu Kỵ dát vàng bạc quỳ", "kieu ky dat vang bac quy"),
      ("ĂÂÊÔƠƯĐ ăâêôơưđ", "aaeooud aaeooud"),
      ("Hạ Thái sơn mài", "ha thai son mai"),
      ("FOB Hải Phòng", "fob hai phong"),
      ("Crème brûlée, Straße, Œuvre, Ørsted, Łódź", "creme brulee, strasse, oeuvre, orsted, lodz"),
      ("ΓΕΙΑ Привет 陶器", "γεια привет 陶器"),
      ("already folded ascii 4602.11", "already folded ascii 4602.11"),
      ("", ""),
    ])
  func table(input: String, expected: String) {
    #expect(VietnameseFolding.fold(input) == expected)
  }

  @Test("decomposed (NFD) input folds like precomposed")
  func decomposed() {
    // "Đồng" typed as D-stroke + o + combining circumflex + combining grave + ng.
    let nfd = "\u{0110}o\u{0302}\u{0300}ng Ba\u{0301}t Tra\u{0300}ng"
    #expect(VietnameseFolding.fold(nfd) == "dong bat trang")
  }

  @Test("every Vietnamese vowel with every tone folds to its base letter")
  func allVowels() {
    let vowels: [(String, Character)] = [
      ("aàáảãạăằắẳẵặâầấẩẫậ", "a"), ("eèéẻẽẹêềếểễệ", "e"), ("iìíỉĩị", "i"),
      ("oòóỏõọôồốổỗộơờớởỡợ", "o"), ("uùúủũụưừứửữự", "u"), ("yỳýỷỹỵ", "y"), ("dđ", "d"),
    ]
    for (letters, base) in vowels {
      for letter in letters {
        #expect(VietnameseFolding.fold(String(letter)) == String(base))
        #expect(VietnameseFolding.fold(String(letter).uppercased()) == String(base))
      }
    }
  }

  @Test("fold() in SQL matches the Swift function, keeps NULL, survives bad UTF-8")
  func sqlFunction() throws {
    let directory = try TemporaryDirectory()
    let connection = try Connection(path: directory.file("f.sqlite"))
    let inputs = ["Mây tre đan Phú Vinh", "ĐỒNG", "plain", "UPPER ascii", "\u{0301}\u{0300}"]
    try connection.read { tx in
      for input in inputs {
        let folded = try tx.fetchOne("SELECT fold(?)", input) { $0.string(0) }
        #expect(folded == VietnameseFolding.fold(input))
      }
      #expect(try tx.fetchOne("SELECT fold(NULL) IS NULL") { $0.bool(0) } == true)
      #expect(try tx.fetchOne("SELECT fold(42)") { $0.string(0) } == "42")
      // Invalid UTF-8 (a lone continuation byte and a truncated sequence) does not crash.
      let bad = try tx.fetchOne("SELECT fold(CAST(? AS TEXT))", [UInt8]([0x41, 0x80, 0xC3])) {
        $0.string(0)
      }
      #expect(bad == "a\u{FFFD}\u{FFFD}")
    }
  }
}

@Suite("FTS5 query builder")
struct FTSQueryTests {
  @Test(
    "builds quoted, folded terms with a prefix on the last",
    arguments: [
      ("may tre dan", #""may" "tre" "dan"*"#),
      ("Bát Trà", #""bat" "tra"*"#),
      ("  Quảng   Phú  Cầu ", #""quang" "phu" "cau"*"#),
      ("4602.11", #""4602" "11"*"#),
    ])
  func builds(input: String, expected: String) {
    #expect(FTSQuery.match(input) == expected)
  }

  @Test(
    "neutralizes FTS syntax: quotes, stars, NEAR, AND/OR/NOT, minus, column filters, parentheses",
    arguments: [
      (#"gốm" OR "x"#, #""gom" "x"*"#),
      ("mây*", #""may"*"#),
      ("NEAR(lụa vải, 2)", #""lua" "vai" "2"*"#),
      ("rattan AND bamboo NOT plastic", #""rattan" "bamboo" "plastic"*"#),
      ("-gốm title:lụa ^đồng", #""gom" "title" "lua" "dong"*"#),
      ("(a OR b) + c", #""a" "b" "c"*"#),
      ("\"\"\" *** --- ::: ", nil),
      ("", nil),
    ] as [(String, String?)])
  func neutralizes(input: String, expected: String?) {
    #expect(FTSQuery.match(input) == expected)
  }

  @Test("caps the number of terms; prefix can be turned off")
  func options() {
    let many = (1...40).map { "w\($0)" }.joined(separator: " ")
    #expect(FTSQuery.terms(many).count == 16)
    #expect(FTSQuery.match("bat trang", prefixLastTerm: false) == #""bat" "trang""#)
  }
}
