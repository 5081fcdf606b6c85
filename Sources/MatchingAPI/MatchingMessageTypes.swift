// Every message type of craft/matching/v1/matching.proto, for the contract tests.

public import ProtoWire

/// Every message of `craft.matching.v1`, nested ones included, in .proto order.
public let matchingMessageTypes: [any ProtoMessage.Type] = [
  // Buyers
  QuantityRange.self,
  Buyer.self,
  CreateBuyerRequest.self,
  UpdateBuyerRequest.self,
  GetBuyerRequest.self,
  ListBuyersRequest.self,
  ListBuyersResponse.self,
  // RFQs
  Rfq.self,
  CreateRfqRequest.self,
  GetRfqRequest.self,
  ListRfqsRequest.self,
  ListRfqsResponse.self,
  CloseRfqRequest.self,
  // Matching
  ProducerCard.self,
  ListingCard.self,
  BuyerCard.self,
  RfqCard.self,
  ProducerCandidate.self,
  BuyerCandidate.self,
  ScoreComponent.self,
  Match.self,
  ConsortiumProposal.self,
  ConsortiumProposal.Member.self,
  FilterCount.self,
  MatchOptions.self,
  MatchProducersForRfqRequest.self,
  MatchProducersForRfqResponse.self,
  MatchProducersForBuyerRequest.self,
  MatchProducersForBuyerResponse.self,
  MatchBuyersForProducerRequest.self,
  MatchBuyersForProducerResponse.self,
  // Introductions
  Introduction.self,
  RequestIntroductionRequest.self,
  RespondToIntroductionRequest.self,
  WithdrawIntroductionRequest.self,
  GetIntroductionRequest.self,
  ListIntroductionsRequest.self,
  ListIntroductionsResponse.self,
  // Reports
  StreamPartnerReportRequest.self,
  ReportHeader.self,
  ReportSummary.self,
  ReportFunnel.self,
  ReportFunnel.Step.self,
  CountryTable.self,
  CountryTable.Row.self,
  DemandTable.self,
  DemandTable.Row.self,
  UnmetDemandTable.self,
  UnmetDemandTable.Row.self,
  CapacityGapTable.self,
  CapacityGapTable.Row.self,
  ReportSection.self,
]
