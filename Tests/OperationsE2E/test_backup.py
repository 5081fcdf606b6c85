"""Backups under load, as issue 7 asks: `craftd backup` copies a serving craftd's databases
while concurrent clients create listings and orders; `craftd restore` puts the copy into a new
data directory (and refuses the live one); a craftd started on it passes integrity_check, has
every write acknowledged before the backup began, nothing half-written, and its feeds carry on
with strictly increasing seqs — matching's read model resumes from its stored position."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import threading
import time
import urllib.request

import grpc
import pytest

from conftest import CRAFTD, ROOT, Server, bearer, drain

DATABASES = ["catalogue.sqlite", "orders.sqlite", "matching.sqlite", "auth.sqlite"]


def listing(pb, sku, title):
    c = pb.common
    return pb.catalogue.Listing(
        sku=sku, title=c.LocalizedText(vi=title, en=""),
        description=c.LocalizedText(vi="Đan tay từ lục bình."),
        category=c.CRAFT_CATEGORY_RATTAN_BAMBOO, hs_code="4602.19", materials=["lục bình"],
        unit=c.QUANTITY_UNIT_PIECE, moq=100,
        price_tiers=[pb.catalogue.PriceTier(min_quantity=100, unit_price=c.Money(amount_minor=500, currency_code="USD"))],
        incoterm=c.INCOTERM_FOB, incoterm_place="Hải Phòng", lead_time_days=30, monthly_capacity=5000)


def usd_listing(pb, catalogue):
    page = catalogue.ListListings(pb.catalogue.ListListingsRequest(page_size=50))
    for item in page.listings:
        if any(t.unit_price.currency_code == "USD" for t in item.price_tiers):
            return item
    pytest.fail("the demo catalogue has no USD listing")


def metric(server, name, labels):
    text = urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=5).read().decode()
    match = re.search(rf"^{name}{{{re.escape(labels)}}} (\S+)$", text, re.M)
    return float(match.group(1)) if match else None


def test_backup_under_write_load_restores_into_a_working_server(pb, tmp_path):
    live = Server(tmp_path / "live", demo=True)
    live.start()
    cat, o = pb.catalogue, pb.orders
    try:
        channel = grpc.insecure_channel(live.address)
        catalogue = pb.catalogue_grpc.CatalogueServiceStub(channel)
        owner = bearer(live.token("producer", "p-backup"))
        buyer = bearer(live.token("buyer", "b-backup"))
        catalogue.CreateProducer(cat.CreateProducerRequest(producer=cat.Producer(
            kind=cat.Producer.KIND_HOUSEHOLD, village_id="vlg-ninh-so",
            name=pb.common.LocalizedText(vi="Cơ sở thử sao lưu"))), metadata=owner)
        target = usd_listing(pb, catalogue)

        # (acknowledged at, id) of every write; a write counts as "before the backup" only if
        # its acknowledgement arrived before the backup process was started.
        listings: list[tuple[float, str]] = []
        orders: list[tuple[float, str, list[str]]] = []
        lock = threading.Lock()
        stop = threading.Event()
        errors: list[BaseException] = []

        def listing_writer(worker):
            api = pb.catalogue_grpc.CatalogueServiceStub(grpc.insecure_channel(live.address))
            n = 0
            try:
                while not stop.is_set():
                    made = api.CreateListing(cat.CreateListingRequest(listing=listing(
                        pb, f"BK-{worker}-{n}", f"Giỏ sao lưu {worker} {n}")), metadata=owner, timeout=30)
                    with lock:
                        listings.append((time.monotonic(), made.id))
                    n += 1
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        def order_writer(worker):
            api = pb.orders_grpc.OrdersServiceStub(grpc.insecure_channel(live.address))
            n = 0
            try:
                while not stop.is_set():
                    request_id = f"bk-{worker}-{n}"
                    made = api.CreateOrder(o.CreateOrderRequest(request_id=request_id, items=o.OrderItems(
                        items=[o.OrderItem(listing_id=target.id, quantity=max(target.moq, 1))])),
                        metadata=buyer, timeout=30)
                    with lock:
                        orders.append((time.monotonic(), request_id, [x.id for x in made.orders]))
                    n += 1
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=listing_writer, args=(w,)) for w in range(2)]
        threads += [threading.Thread(target=order_writer, args=(w,)) for w in range(2)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while True:
            with lock:
                if len(listings) >= 30 and len(orders) >= 30:
                    break
            assert not errors, errors
            assert time.monotonic() < deadline, "the writers made no progress"
            time.sleep(0.02)

        backup_dir = tmp_path / "backup"
        started = time.monotonic()
        result = subprocess.run([CRAFTD, "backup", "--data-dir", str(live.data_dir), "--out", str(backup_dir)],
                                capture_output=True, text=True, cwd=ROOT, timeout=300)
        finished = time.monotonic()
        assert result.returncode == 0, result.stderr
        with lock:
            during = sum(1 for at, _ in listings if started <= at <= finished) + \
                sum(1 for at, _, _ in orders if started <= at <= finished)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors, errors
        assert during > 0, "no write was acknowledged while the backup ran: it was not under load"
        print(f"backup took {finished - started:.2f} s with {during} writes acknowledged meanwhile")
        assert sorted(p.name for p in backup_dir.iterdir()) == sorted(DATABASES + ["auth.key"])
        assert (backup_dir / "auth.key").stat().st_mode & 0o777 == 0o600

        # The live data directory is never overwritten while its server runs, --force or not.
        for extra in ([], ["--force"]):
            refused = subprocess.run([CRAFTD, "restore", "--from", str(backup_dir), "--data-dir",
                                      str(live.data_dir), *extra], capture_output=True, text=True, cwd=ROOT)
            assert refused.returncode != 0 and ("holds data" in refused.stderr or "in use" in refused.stderr), \
                refused.stderr
        assert catalogue.GetListing(cat.GetListingRequest(id=target.id)).id == target.id
    finally:
        live.stop()

    restored_dir = tmp_path / "restored"
    result = subprocess.run([CRAFTD, "restore", "--from", str(backup_dir), "--data-dir", str(restored_dir)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (restored_dir / "auth.key").stat().st_mode & 0o777 == 0o600
    for name in DATABASES:
        with sqlite3.connect(restored_dir / name) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], name

    # Nothing half-written: every order group has its request key, its orders and its creation
    # events; every listing of the test has exactly one creation event in the feed.
    with sqlite3.connect(restored_dir / "orders.sqlite") as db:
        groups = db.execute("SELECT count(*) FROM order_group").fetchone()[0]
        assert groups == db.execute("SELECT count(*) FROM order_request").fetchone()[0]
        assert db.execute("SELECT count(*) FROM order_group g WHERE NOT EXISTS "
                          "(SELECT 1 FROM orders o WHERE o.group_id = g.id)").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                          "(SELECT 1 FROM order_event e WHERE e.order_id = o.id)").fetchone()[0] == 0

    restored = Server(restored_dir, demo=False)
    restored.start()
    try:
        channel = grpc.insecure_channel(restored.address)
        catalogue = pb.catalogue_grpc.CatalogueServiceStub(channel)
        orders_api = pb.orders_grpc.OrdersServiceStub(channel)
        # Tokens issued by the live server are valid here: the key and registry came along.
        admin = bearer(restored.token("admin"))
        before_listings = [i for at, i in listings if at < started]
        before_orders = [(r, ids) for at, r, ids in orders if at < started]
        got = [x.id for chunk in range(0, len(before_listings), 500)
               for x in catalogue.BatchGetListings(cat.BatchGetListingsRequest(
                   ids=before_listings[chunk:chunk + 500])).listings]
        assert sorted(got) == sorted(before_listings)
        for request_id, ids in before_orders:
            again = orders_api.CreateOrder(o.CreateOrderRequest(request_id=request_id, items=o.OrderItems(
                items=[o.OrderItem(listing_id=target.id, quantity=max(target.moq, 1))])), metadata=buyer)
            assert again.replayed and [x.id for x in again.orders] == ids, request_id

        # The catalogue feed: strictly increasing, one creation event per test listing stored.
        stored, token = [], ""
        while True:  # ListListings caps a page at 500; a fast machine writes more than that
            page = catalogue.ListListings(cat.ListListingsRequest(producer_id="p-backup", page_size=500,
                                                                  page_token=token))
            stored += page.listings
            token = page.next_page_token
            if not token:
                break
        stored_ids = {x.id for x in stored}
        events = drain(catalogue.WatchChanges(cat.WatchChangesRequest(
            after_seq=0, entity_types=[cat.ChangeEvent.ENTITY_TYPE_LISTING]), metadata=admin), idle=1.5,
            until=lambda got: stored_ids <= {e.listing.id for e in got})
        seqs = [e.seq for e in events]
        assert seqs == sorted(set(seqs)), "catalogue seqs not strictly increasing"
        created = [e.listing.id for e in events if e.listing.producer_id == "p-backup"
                   and e.change_type == cat.ChangeEvent.CHANGE_TYPE_CREATED]
        assert sorted(created) == sorted(x.id for x in stored)
        # Writes carry on after the restored head, and the feed delivers them in order.
        owner = bearer(restored.token("producer", "p-backup"))
        fresh = catalogue.CreateListing(cat.CreateListingRequest(listing=listing(pb, "BK-after", "Giỏ sau phục hồi")),
                                        metadata=owner)
        after = drain(catalogue.WatchChanges(cat.WatchChangesRequest(after_seq=seqs[-1]), metadata=admin), idle=1.5,
                      until=lambda got: fresh.id in {e.listing.id for e in got})
        assert [e.listing.id for e in after if e.HasField("listing")] == [fresh.id]
        assert after[0].seq > seqs[-1]

        order_events = drain(orders_api.WatchOrderEvents(o.WatchOrderEventsRequest(after_seq=0), metadata=admin),
                             idle=1.5)
        order_seqs = [e.seq for e in order_events]
        assert order_seqs and order_seqs == sorted(set(order_seqs)), "orders seqs not strictly increasing"
        new_order = orders_api.CreateOrder(o.CreateOrderRequest(request_id="bk-after", items=o.OrderItems(
            items=[o.OrderItem(listing_id=target.id, quantity=max(target.moq, 1))])), metadata=buyer)
        later = drain(orders_api.WatchOrderEvents(o.WatchOrderEventsRequest(after_seq=order_seqs[-1]),
                                                  metadata=admin), idle=1.5,
                      until=lambda got: new_order.orders[0].id in {e.order_id for e in got})
        assert later and later[0].seq > order_seqs[-1]
        assert new_order.orders[0].id in {e.order_id for e in later}

        # Matching resumed both read models from their stored positions and caught up with
        # each feed's head (feed position metrics of the restored server).
        for feed, head in (("catalogue", after[-1].seq), ("orders", later[-1].seq)):
            labels = f'feed="{feed}",consumer="matching"'
            deadline = time.monotonic() + 60
            while metric(restored, "craft_feed_applied_seq", labels) != head:
                assert time.monotonic() < deadline, \
                    f"matching's {feed} model stuck at {metric(restored, 'craft_feed_applied_seq', labels)}, head {head}"
                time.sleep(0.1)
            assert metric(restored, "craft_feed_lag_events", labels) == 0
    finally:
        restored.stop()


def small_databases(directory, names=("catalogue.sqlite", "orders.sqlite")):
    """Databases of a few hundred KiB each (many pages), as a backup directory holds them."""
    directory.mkdir(exist_ok=True)
    for name in names:
        db = sqlite3.connect(directory / name)
        with db:
            db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            db.executemany("INSERT INTO t(body) VALUES (?)", [(f"row {i} " * 20,) for i in range(2000)])
        db.close()


def restore(backup_dir, target, *extra):
    return subprocess.run([CRAFTD, "restore", "--from", str(backup_dir), "--data-dir", str(target), *extra],
                          capture_output=True, text=True, cwd=ROOT)


def test_restore_refuses_a_corrupt_backup_and_leaves_the_target_alone(tmp_path):
    backup_dir, target = tmp_path / "backup", tmp_path / "data"
    small_databases(backup_dir)
    # Overwrite the middle of a b-tree page of orders.sqlite: the header still opens, the
    # content does not check out.
    with open(backup_dir / "orders.sqlite", "r+b") as file:
        file.seek(4096 * 5 + 100)
        file.write(b"\xff" * 600)
    with sqlite3.connect(backup_dir / "orders.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    small_databases(target, ["orders.sqlite"])
    with sqlite3.connect(target / "orders.sqlite") as db:
        db.execute("CREATE TABLE marker(x)")
    db.close()

    result = restore(backup_dir, target, "--force")
    assert result.returncode != 0 and "integrity_check" in result.stderr, result.stderr
    # Nothing replaced (not even the sound catalogue copy), nothing left behind.
    assert sorted(p.name for p in target.iterdir()) == ["orders.sqlite"]
    with sqlite3.connect(target / "orders.sqlite") as db:
        assert db.execute("SELECT count(*) FROM marker").fetchone() == (0,)
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()


def test_restore_replaces_a_target_sqlite_cannot_read(tmp_path):
    """The usual reason to restore: the old file is damaged beyond opening. --force replaces it."""
    backup_dir, target = tmp_path / "backup", tmp_path / "data"
    small_databases(backup_dir)
    target.mkdir()
    (target / "orders.sqlite").write_bytes(b"not a database at all" * 100)
    assert restore(backup_dir, target).returncode != 0, "a non-empty target needs --force"
    result = restore(backup_dir, target, "--force")
    assert result.returncode == 0, result.stderr
    for name in ("catalogue.sqlite", "orders.sqlite"):
        with sqlite3.connect(target / name) as db:
            assert db.execute("SELECT count(*) FROM t").fetchone() == (2000,)
        db.close()
