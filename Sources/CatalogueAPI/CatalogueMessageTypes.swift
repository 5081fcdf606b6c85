public import ProtoWire

/// Every message of craft.catalogue.v1, nested ones included, for the contract tests.
public let catalogueMessageTypes: [any ProtoMessage.Type] = [
  // Villages and producers
  Village.self, Certification.self, ResponseStats.self, Producer.self,
  GetVillageRequest.self, ListVillagesRequest.self, ListVillagesResponse.self,
  CreateProducerRequest.self, UpdateProducerRequest.self, DeleteProducerRequest.self,
  GetProducerRequest.self, ListProducersRequest.self, ListProducersResponse.self,
  // Listings
  PriceTier.self, Packing.self, Listing.self,
  CreateListingRequest.self, UpdateListingRequest.self, DeleteListingRequest.self,
  GetListingRequest.self, BatchGetListingsRequest.self, BatchGetListingsResponse.self,
  ListListingsRequest.self, ListListingsResponse.self,
  // Search
  ListingFilter.self, SearchListingsRequest.self, Snippet.self, ProducerSummary.self,
  SearchHit.self, FacetValue.self, Facet.self, SearchListingsResponse.self,
  // Bulk import
  BulkImportRow.self, BulkImportResponse.self, BulkImportResponse.RowResult.self,
  // Change feed
  WatchChangesRequest.self, ChangeEvent.self,
]
