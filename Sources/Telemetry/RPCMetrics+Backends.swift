internal import CoreMetrics
public import Prometheus

extension RPCMetrics {
  /// Makes this registry the process's swift-metrics backend, so libraries that report through
  /// swift-metrics (Storage's write-transaction timer) land in the same `/metrics` page. Timers
  /// become histograms with ``latencyBuckets``. Call once per process: swift-metrics allows one
  /// bootstrap.
  public func bootstrapMetricsSystem() {
    MetricsSystem.bootstrap(metricsFactory)
  }

  /// A swift-metrics factory writing into this registry (what ``bootstrapMetricsSystem()``
  /// installs; tests pass it to metrics directly).
  public var metricsFactory: PrometheusMetricsFactory {
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.defaultDurationHistogramBuckets = Self.latencyBuckets
    return factory
  }

  /// Exports how far a read model has got in a feed, sampled at each scrape:
  /// `craft_feed_seen_seq` (the newest seq the consumer has received from the feed),
  /// `craft_feed_applied_seq` (the newest it has stored and serves from) and
  /// `craft_feed_lag_events` (the difference: events received and not yet applied), each
  /// labelled by `feed` and `consumer`.
  public func feedPosition(
    feed: String, consumer: String, seen: @escaping @Sendable () -> UInt64,
    applied: @escaping @Sendable () -> UInt64
  ) {
    let labels = [("feed", feed), ("consumer", consumer)]
    let seenGauge = gauge(
      "craft_feed_seen_seq", help: "The newest feed seq the consumer has received.", labels: labels)
    let appliedGauge = gauge(
      "craft_feed_applied_seq", help: "The newest feed seq the consumer has applied.", labels: labels)
    let lagGauge = gauge(
      "craft_feed_lag_events", help: "Feed events received and not yet applied.", labels: labels)
    addSampler {
      let applied = applied()
      let seen = max(seen(), applied)
      seenGauge.set(Double(seen))
      appliedGauge.set(Double(applied))
      lagGauge.set(Double(seen - applied))
    }
  }
}
