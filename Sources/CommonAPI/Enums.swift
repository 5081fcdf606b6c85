// Enums of craft/common/v1/common.proto, written by hand. Open enums: values this build does not
// name are kept (and re-encoded) as their number.

public import ProtoWire

/// The role a caller, or the actor of a recorded change, acts in.
public struct Role: ProtoEnum, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = Role(rawValue: 0)
  /// Bound to one producer id.
  public static let producer = Role(rawValue: 1)
  /// Bound to one buyer id.
  public static let buyer = Role(rawValue: 2)
  /// Reads reports and aggregate data.
  public static let analyst = Role(rawValue: 3)
  public static let admin = Role(rawValue: 4)
  /// The platform itself (e.g. automatic expiry).
  public static let system = Role(rawValue: 5)

  public var description: String {
    switch rawValue {
    case 0: "ROLE_UNSPECIFIED"
    case 1: "ROLE_PRODUCER"
    case 2: "ROLE_BUYER"
    case 3: "ROLE_ANALYST"
    case 4: "ROLE_ADMIN"
    case 5: "ROLE_SYSTEM"
    default: String(rawValue)
    }
  }
}

/// The 11 Incoterms 2020 rules.
public struct Incoterm: ProtoEnum, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = Incoterm(rawValue: 0)
  /// Ex Works.
  public static let exw = Incoterm(rawValue: 1)
  /// Free Carrier.
  public static let fca = Incoterm(rawValue: 2)
  /// Carriage Paid To.
  public static let cpt = Incoterm(rawValue: 3)
  /// Carriage and Insurance Paid To.
  public static let cip = Incoterm(rawValue: 4)
  /// Delivered at Place.
  public static let dap = Incoterm(rawValue: 5)
  /// Delivered at Place Unloaded.
  public static let dpu = Incoterm(rawValue: 6)
  /// Delivered Duty Paid.
  public static let ddp = Incoterm(rawValue: 7)
  /// Free Alongside Ship (sea).
  public static let fas = Incoterm(rawValue: 8)
  /// Free on Board (sea).
  public static let fob = Incoterm(rawValue: 9)
  /// Cost and Freight (sea).
  public static let cfr = Incoterm(rawValue: 10)
  /// Cost, Insurance and Freight (sea).
  public static let cif = Incoterm(rawValue: 11)

  public var description: String {
    switch rawValue {
    case 0: "INCOTERM_UNSPECIFIED"
    case 1: "INCOTERM_EXW"
    case 2: "INCOTERM_FCA"
    case 3: "INCOTERM_CPT"
    case 4: "INCOTERM_CIP"
    case 5: "INCOTERM_DAP"
    case 6: "INCOTERM_DPU"
    case 7: "INCOTERM_DDP"
    case 8: "INCOTERM_FAS"
    case 9: "INCOTERM_FOB"
    case 10: "INCOTERM_CFR"
    case 11: "INCOTERM_CIF"
    default: String(rawValue)
    }
  }
}

/// Certifications and due-diligence schemes buyers ask for.
public struct CertificationType: ProtoEnum, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = CertificationType(rawValue: 0)
  /// FSC chain of custody.
  public static let fscCoc = CertificationType(rawValue: 1)
  /// PEFC chain of custody.
  public static let pefcCoc = CertificationType(rawValue: 2)
  public static let amforiBsci = CertificationType(rawValue: 3)
  /// Sedex SMETA audit.
  public static let smeta = CertificationType(rawValue: 4)
  public static let sa8000 = CertificationType(rawValue: 5)
  public static let iso9001 = CertificationType(rawValue: 6)
  /// OEKO-TEX Standard 100.
  public static let oekoTex100 = CertificationType(rawValue: 7)
  public static let fairTrade = CertificationType(rawValue: 8)
  public static let vietcraftExcellence = CertificationType(rawValue: 9)
  /// EU Deforestation Regulation due-diligence data.
  public static let eudrDueDiligence = CertificationType(rawValue: 10)
  /// Named in the certificate's label.
  public static let other = CertificationType(rawValue: 11)

  public var description: String {
    switch rawValue {
    case 0: "CERTIFICATION_TYPE_UNSPECIFIED"
    case 1: "CERTIFICATION_TYPE_FSC_COC"
    case 2: "CERTIFICATION_TYPE_PEFC_COC"
    case 3: "CERTIFICATION_TYPE_AMFORI_BSCI"
    case 4: "CERTIFICATION_TYPE_SMETA"
    case 5: "CERTIFICATION_TYPE_SA8000"
    case 6: "CERTIFICATION_TYPE_ISO_9001"
    case 7: "CERTIFICATION_TYPE_OEKO_TEX_100"
    case 8: "CERTIFICATION_TYPE_FAIR_TRADE"
    case 9: "CERTIFICATION_TYPE_VIETCRAFT_EXCELLENCE"
    case 10: "CERTIFICATION_TYPE_EUDR_DUE_DILIGENCE"
    case 11: "CERTIFICATION_TYPE_OTHER"
    default: String(rawValue)
    }
  }
}

/// Craft categories of Hanoi's craft villages: the catalogue's taxonomy.
public struct CraftCategory: ProtoEnum, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = CraftCategory(rawValue: 0)
  /// Mây tre đan.
  public static let rattanBamboo = CraftCategory(rawValue: 1)
  /// Cỏ tế, cói, bèo: other plant-fibre weaving.
  public static let seagrassSedge = CraftCategory(rawValue: 2)
  /// Gốm sứ.
  public static let ceramics = CraftCategory(rawValue: 3)
  /// Dệt lụa.
  public static let silkTextiles = CraftCategory(rawValue: 4)
  /// Thêu.
  public static let embroidery = CraftCategory(rawValue: 5)
  /// Sơn mài.
  public static let lacquer = CraftCategory(rawValue: 6)
  /// Khảm trai.
  public static let motherOfPearlInlay = CraftCategory(rawValue: 7)
  /// Tượng gỗ, đồ gỗ mỹ nghệ.
  public static let woodCarving = CraftCategory(rawValue: 8)
  /// Mộc.
  public static let furniture = CraftCategory(rawValue: 9)
  /// Nón lá.
  public static let conicalHats = CraftCategory(rawValue: 10)
  /// Quạt.
  public static let fans = CraftCategory(rawValue: 11)
  /// Dát vàng bạc quỳ.
  public static let goldSilverLeaf = CraftCategory(rawValue: 12)
  /// Đúc đồng.
  public static let bronzeCasting = CraftCategory(rawValue: 13)
  /// Tăm hương.
  public static let incense = CraftCategory(rawValue: 14)
  /// Cốm and other village foods.
  public static let foodSpecialties = CraftCategory(rawValue: 15)
  /// Cây cảnh.
  public static let bonsaiPlants = CraftCategory(rawValue: 16)
  public static let other = CraftCategory(rawValue: 17)

  public var description: String {
    switch rawValue {
    case 0: "CRAFT_CATEGORY_UNSPECIFIED"
    case 1: "CRAFT_CATEGORY_RATTAN_BAMBOO"
    case 2: "CRAFT_CATEGORY_SEAGRASS_SEDGE"
    case 3: "CRAFT_CATEGORY_CERAMICS"
    case 4: "CRAFT_CATEGORY_SILK_TEXTILES"
    case 5: "CRAFT_CATEGORY_EMBROIDERY"
    case 6: "CRAFT_CATEGORY_LACQUER"
    case 7: "CRAFT_CATEGORY_MOTHER_OF_PEARL_INLAY"
    case 8: "CRAFT_CATEGORY_WOOD_CARVING"
    case 9: "CRAFT_CATEGORY_FURNITURE"
    case 10: "CRAFT_CATEGORY_CONICAL_HATS"
    case 11: "CRAFT_CATEGORY_FANS"
    case 12: "CRAFT_CATEGORY_GOLD_SILVER_LEAF"
    case 13: "CRAFT_CATEGORY_BRONZE_CASTING"
    case 14: "CRAFT_CATEGORY_INCENSE"
    case 15: "CRAFT_CATEGORY_FOOD_SPECIALTIES"
    case 16: "CRAFT_CATEGORY_BONSAI_PLANTS"
    case 17: "CRAFT_CATEGORY_OTHER"
    default: String(rawValue)
    }
  }
}

/// The unit in which a listing's quantities (MOQ, tiers, capacity) and an RFQ's quantity count.
public struct QuantityUnit: ProtoEnum, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Treated as pieces.
  public static let unspecified = QuantityUnit(rawValue: 0)
  public static let piece = QuantityUnit(rawValue: 1)
  public static let set = QuantityUnit(rawValue: 2)
  public static let pair = QuantityUnit(rawValue: 3)
  public static let kilogram = QuantityUnit(rawValue: 4)
  /// Fabric.
  public static let metre = QuantityUnit(rawValue: 5)

  public var description: String {
    switch rawValue {
    case 0: "QUANTITY_UNIT_UNSPECIFIED"
    case 1: "QUANTITY_UNIT_PIECE"
    case 2: "QUANTITY_UNIT_SET"
    case 3: "QUANTITY_UNIT_PAIR"
    case 4: "QUANTITY_UNIT_KILOGRAM"
    case 5: "QUANTITY_UNIT_METRE"
    default: String(rawValue)
    }
  }
}
