"""The catalogue end to end, as the issue describes it: a producer with its own token creates its
producer and listings, buyers find them without diacritics, other producers and anonymous callers
are refused, a CSV import rejects exactly its bad rows, and the change feed resumes across a
server restart with every change exactly once."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import threading
import time

import grpc
import pytest

from conftest import CRAFTCTL, ROOT, Server, bearer, drain


def stub(pb, server):
    channel = grpc.insecure_channel(server.address)
    return pb.catalogue_grpc.CatalogueServiceStub(channel)


def listing(pb, sku, title_vi, title_en, producer_id=""):
    c = pb.common
    return pb.catalogue.Listing(
        producer_id=producer_id, sku=sku,
        title=c.LocalizedText(vi=title_vi, en=title_en),
        description=c.LocalizedText(vi="Hàng thủ công làng nghề, đan tay từng chiếc."),
        category=c.CRAFT_CATEGORY_RATTAN_BAMBOO, hs_code="4602.19", materials=["lục bình", "water hyacinth"],
        unit=c.QUANTITY_UNIT_PIECE, moq=150,
        price_tiers=[pb.catalogue.PriceTier(min_quantity=150, unit_price=c.Money(amount_minor=640, currency_code="USD"))],
        incoterm=c.INCOTERM_FOB, incoterm_place="Hải Phòng", lead_time_days=40, monthly_capacity=6000)


def producer(pb, pid, name, village="vlg-ninh-so"):
    return pb.catalogue.Producer(
        id=pid, kind=pb.catalogue.Producer.KIND_HOUSEHOLD, village_id=village,
        name=pb.common.LocalizedText(vi=name, en=""))


def code_of(call):
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value.code()


def test_producer_creates_listings_buyers_find_them_others_are_refused(pb, server):
    api = stub(pb, server)
    cat = pb.catalogue
    mine = bearer(server.token("producer", "p-e2e-thao"))
    theirs = bearer(server.token("producer", "p-e2e-other"))

    # The producer registers itself (id from its token) and lists two products.
    me = api.CreateProducer(cat.CreateProducerRequest(producer=producer(pb, "", "Hộ Nguyễn Thị Thảo")),
                            metadata=mine)
    assert me.id == "p-e2e-thao" and me.version == 1
    basket = api.CreateListing(cat.CreateListingRequest(listing=listing(
        pb, "LB-01", "Giỏ lục bình đựng đồ giặt Thảo", "Thao water hyacinth laundry basket")), metadata=mine)
    tray = api.CreateListing(cat.CreateListingRequest(listing=listing(
        pb, "LB-02", "Khay lục bình Thảo đan tay", "Thao hand-woven hyacinth tray")), metadata=mine)
    assert basket.producer_id == tray.producer_id == "p-e2e-thao"
    assert basket.village_id == "vlg-ninh-so"

    # A buyer (no token) finds them without tone marks, and with a filter.
    found = api.SearchListings(cat.SearchListingsRequest(query="gio luc binh thao"))
    assert basket.id in [h.listing.id for h in found.hits]
    assert found.hits[0].listing.id == basket.id
    filtered = api.SearchListings(cat.SearchListingsRequest(
        query="luc binh thao", filter=cat.ListingFilter(max_moq=200, village_ids=["vlg-ninh-so"])))
    assert {h.listing.id for h in filtered.hits} >= {basket.id, tray.id}
    assert all(h.listing.moq <= 200 for h in filtered.hits)

    # Another producer can neither update nor delete them; nothing changes.
    changed = cat.Listing()
    changed.CopyFrom(basket)
    changed.moq = 1
    assert code_of(lambda: api.UpdateListing(cat.UpdateListingRequest(listing=changed, expected_version=1),
                                             metadata=theirs)) == grpc.StatusCode.PERMISSION_DENIED
    assert code_of(lambda: api.DeleteListing(cat.DeleteListingRequest(id=tray.id), metadata=theirs)) \
        == grpc.StatusCode.PERMISSION_DENIED
    # No token: UNAUTHENTICATED; a forged token: UNAUTHENTICATED.
    assert code_of(lambda: api.UpdateListing(cat.UpdateListingRequest(listing=changed))) \
        == grpc.StatusCode.UNAUTHENTICATED
    forged = mine[0][1][:-4] + ("AAAA" if not mine[0][1].endswith("AAAA") else "BBBB")
    assert code_of(lambda: api.DeleteListing(cat.DeleteListingRequest(id=tray.id),
                                             metadata=(("authorization", forged),))) \
        == grpc.StatusCode.UNAUTHENTICATED
    assert api.GetListing(cat.GetListingRequest(id=basket.id)).moq == 150
    assert api.GetListing(cat.GetListingRequest(id=tray.id)).status != cat.Listing.STATUS_DELETED

    # The owner can, with the version it read; a stale version is ABORTED.
    updated = api.UpdateListing(cat.UpdateListingRequest(listing=changed, expected_version=1), metadata=mine)
    assert updated.moq == 1 and updated.version == 2
    assert code_of(lambda: api.UpdateListing(cat.UpdateListingRequest(listing=changed, expected_version=1),
                                             metadata=mine)) == grpc.StatusCode.ABORTED


def test_metrics_count_calls_by_method_and_status(pb, server):
    import urllib.request
    api = stub(pb, server)
    for _ in range(3):
        api.GetVillage(pb.catalogue.GetVillageRequest(id="vlg-bat-trang"))
    assert code_of(lambda: api.GetVillage(pb.catalogue.GetVillageRequest(id="atlantis"))) == grpc.StatusCode.NOT_FOUND
    text = urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=5).read().decode()
    labels = 'grpc_type="unary",grpc_service="craft.catalogue.v1.CatalogueService",grpc_method="GetVillage"'
    def value(line_prefix):
        for line in text.splitlines():
            if line.startswith(line_prefix):
                return float(line.rsplit(" ", 1)[1])
        raise AssertionError(f"{line_prefix} not in:\n{text}")
    assert value(f'grpc_server_handled_total{{{labels},grpc_code="OK"}}') >= 3
    assert value(f'grpc_server_handled_total{{{labels},grpc_code="NOT_FOUND"}}') == 1
    assert value(f'grpc_server_handling_seconds_count{{{labels}}}') >= 4
    assert value("grpc_server_open_connections") >= 1


def test_revoked_token_is_refused_by_the_running_server(pb, server):
    api = stub(pb, server)
    token = server.token("producer", "p-e2e-revoked")
    api.CreateProducer(pb.catalogue.CreateProducerRequest(producer=producer(pb, "", "Cơ sở bị thu hồi")),
                       metadata=bearer(token))
    listed = subprocess.run([str(ROOT / ".build/debug/craftd"), "token", "list", "--data-dir",
                             str(server.data_dir)], check=True, capture_output=True, text=True).stdout
    token_id = next(line.split()[0] for line in listed.splitlines() if "p-e2e-revoked" in line)
    subprocess.run([str(ROOT / ".build/debug/craftd"), "token", "revoke", "--data-dir", str(server.data_dir),
                    token_id], check=True, capture_output=True)
    deadline = time.monotonic() + 10
    while True:
        try:
            api.UpdateProducer(pb.catalogue.UpdateProducerRequest(
                producer=producer(pb, "p-e2e-revoked", "Đổi tên")), metadata=bearer(token))
        except grpc.RpcError as error:
            assert error.code() == grpc.StatusCode.UNAUTHENTICATED
            assert "revoked" in error.details()
            break
        assert time.monotonic() < deadline, "the revoked token still works after 10 s"
        time.sleep(0.2)


def test_csv_import_rejects_exactly_the_bad_rows(pb, server, tmp_path):
    token = server.token("producer", "p-e2e-csv")
    api = stub(pb, server)
    api.CreateProducer(pb.catalogue.CreateProducerRequest(producer=producer(pb, "", "HTX Mây tre CSV", "vlg-phu-vinh")),
                       metadata=bearer(token))
    csv = tmp_path / "listings.csv"
    csv.write_text(
        "sku,title_vi,title_en,category,hs_code,materials,unit,moq,currency,price_tiers,lead_time_days,monthly_capacity\n"
        "CSV-1,Đèn mây Phú Vinh CSV,Phu Vinh rattan lamp,rattan-bamboo,9405.50,mây,piece,50,USD,50:18.00;500:15.50,45,2000\n"
        "CSV-2,Ghế mây CSV,Rattan chair,rattan-bamboo,9401.52,mây,piece,abc,USD,20:40.00,60,500\n"
        "CSV-3,\"Khay tre, sơn mài CSV\",Bamboo tray,rattan-bamboo,4602.11,tre,piece,100,USD,100:7.25,30,4000\n"
        "CSV-4,Giỏ CSV,Basket,rattan-bamboo,12,mây,piece,100,USD,100:5.00,30,4000\n"
        "CSV-5,Làn mây CSV,Rattan bag,rattan-bamboo,4602.12,mây,piece,80,USD,80:9.00,35,3000\n",
        encoding="utf-8")
    run = subprocess.run([CRAFTCTL, "--addr", server.address, "--token", token, "--json",
                          "products", "import", str(csv)], capture_output=True, text=True)
    assert run.returncode == 3, run.stderr  # 3: some rows rejected
    report = json.loads(run.stdout)
    rejected = sorted(r["row_number"] for r in report["results"] if not r["ok"])
    accepted = sorted(r["row_number"] for r in report["results"] if r["ok"])
    assert rejected == [3, 5], report  # CSV lines of CSV-2 (moq "abc") and CSV-4 (HS code "12")
    assert accepted == [2, 4, 6]
    mine = api.ListListings(pb.catalogue.ListListingsRequest(producer_id="p-e2e-csv"))
    assert sorted(l.sku for l in mine.listings) == ["CSV-1", "CSV-3", "CSV-5"]
    lamp = api.SearchListings(pb.catalogue.SearchListingsRequest(query="den may phu vinh csv"))
    assert lamp.hits and lamp.hits[0].listing.sku == "CSV-1"
    assert [t.min_quantity for t in lamp.hits[0].listing.price_tiers] == [50, 500]
    # Without a token the same import is refused as a whole.
    run = subprocess.run([CRAFTCTL, "--addr", server.address, "products", "import", str(csv)],
                         capture_output=True, text=True)
    assert run.returncode == 10 + 16, run.stderr  # UNAUTHENTICATED


def test_change_feed_resumes_across_a_restart_exactly_once(pb, tmp_path):
    """Follows WatchChanges, restarts the server mid-stream, resumes from the last seq seen and
    checks every change arrives exactly once, in seq order."""
    srv = Server(tmp_path / "feed", demo=True)
    srv.start()
    try:
        cat = pb.catalogue
        analyst = bearer(srv.token("analyst"))
        owner = bearer(srv.token("producer", "p-e2e-feed"))
        api = stub(pb, srv)
        made = api.CreateProducer(cat.CreateProducerRequest(producer=producer(pb, "", "Cơ sở theo dõi")),
                                  metadata=owner)
        start = max(e.seq for e in _drain(api, cat, analyst, after=0, idle=1.0,
                                          until=lambda got: any(e.producer.id == made.id for e in got)))

        received: list = []
        stream_ended = threading.Event()

        def follow(after):
            try:
                for event in stub(pb, srv).WatchChanges(cat.WatchChangesRequest(
                        after_seq=after, entity_types=[cat.ChangeEvent.ENTITY_TYPE_LISTING]), metadata=analyst):
                    received.append(event)
            except grpc.RpcError:
                pass
            finally:
                stream_ended.set()

        follower = threading.Thread(target=follow, args=(start,), daemon=True)
        follower.start()
        skus = []
        for i in range(5):
            skus.append(f"F-{i}")
            api.CreateListing(cat.CreateListingRequest(listing=listing(pb, f"F-{i}", f"Giỏ theo dõi {i}", "")),
                              metadata=owner)
        _wait(lambda: len(received) >= 5)

        srv.restart()  # SIGTERM: the stream ends; the server comes back on the same port and files
        assert stream_ended.wait(60)
        api = stub(pb, srv)
        for i in range(5, 8):  # changes made while no one is watching
            skus.append(f"F-{i}")
            api.CreateListing(cat.CreateListingRequest(listing=listing(pb, f"F-{i}", f"Giỏ theo dõi {i}", "")),
                              metadata=owner)
        last = received[-1].seq
        stream_ended.clear()
        follower = threading.Thread(target=follow, args=(last,), daemon=True)
        follower.start()
        for i in range(8, 10):  # live changes after resuming
            skus.append(f"F-{i}")
            api.CreateListing(cat.CreateListingRequest(listing=listing(pb, f"F-{i}", f"Giỏ theo dõi {i}", "")),
                              metadata=owner)
        _wait(lambda: len(received) >= 10)
        time.sleep(0.5)  # nothing extra may follow
        seqs = [e.seq for e in received]
        assert seqs == sorted(set(seqs)), "seqs must strictly increase, without duplicates"
        assert [e.listing.sku for e in received] == skus
        assert all(e.change_type == cat.ChangeEvent.CHANGE_TYPE_CREATED for e in received)
    finally:
        srv.stop()


def test_acknowledged_writes_survive_kill_9(pb, tmp_path):
    """Writes from 4 clients; SIGKILL mid-burst; after a restart every acknowledged listing is
    there, the database passes integrity_check and the feed has one event per listing."""
    srv = Server(tmp_path / "kill", demo=True)  # the demo brings the villages producers need
    srv.start()
    cat = pb.catalogue
    owner = bearer(srv.token("producer", "p-e2e-kill"))
    api = stub(pb, srv)
    api.CreateProducer(cat.CreateProducerRequest(producer=producer(pb, "", "Cơ sở thử kill -9")), metadata=owner)
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(worker):
        client = stub(pb, srv)
        n = 0
        while not stop.is_set():
            try:
                made = client.CreateListing(cat.CreateListingRequest(listing=listing(
                    pb, f"K-{worker}-{n}", f"Hàng thử {worker} {n}", "")), metadata=owner, timeout=5)
                with lock:
                    acknowledged.append(made.id)
            except grpc.RpcError:
                return
            n += 1

    threads = [threading.Thread(target=writer, args=(w,), daemon=True) for w in range(4)]
    for t in threads:
        t.start()
    _wait(lambda: len(acknowledged) >= 150, timeout=60)
    srv.stop(signal.SIGKILL)
    stop.set()
    for t in threads:
        t.join(10)
    ids = list(acknowledged)

    db = sqlite3.connect(f"file:{srv.data_dir / 'catalogue.sqlite'}?mode=ro", uri=True)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    srv.start()
    try:
        api = stub(pb, srv)
        got = api.BatchGetListings(cat.BatchGetListingsRequest(ids=ids))
        assert list(got.missing_ids) == [], f"{len(got.missing_ids)} acknowledged listings lost"
        assert len(got.listings) == len(ids)
        stored = api.ListListings(cat.ListListingsRequest(producer_id="p-e2e-kill", page_size=1000))
        # Every stored listing has exactly one creation event (none half-written).
        analyst = bearer(srv.token("analyst"))
        stored_ids = {l.id for l in stored.listings}
        events = _drain(api, cat, analyst, after=0, idle=1.0, types=[cat.ChangeEvent.ENTITY_TYPE_LISTING],
                        until=lambda got: stored_ids <= {e.listing.id for e in got})
        created = [e.listing.id for e in events if e.listing.producer_id == "p-e2e-kill"]
        assert sorted(created) == sorted(l.id for l in stored.listings)
        assert len(stored.listings) >= len(ids)  # plus at most the calls in flight at the kill
    finally:
        srv.stop()


def _drain(api, cat, metadata, after, idle, types=(), until=None):
    """Every event after `after` until the stream is idle for `idle` seconds (and `until` holds)."""
    return drain(api.WatchChanges(cat.WatchChangesRequest(after_seq=after, entity_types=list(types)),
                                  metadata=metadata), idle, until=until)


def _wait(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
