#!/usr/bin/env python3
"""Shared protobuf test vectors for Làng Nghề Connect's hand-written Swift codec.

Compiles the given proto roots with grpc_tools.protoc, loads every message type into a private
descriptor pool, and for each message type (nested ones included, map entries skipped) writes
encodings produced by protoc's own Python runtime:

    <out>/<full.proto.Name>/<case>.bin
    <out>/MANIFEST.txt                       type names and case counts, sorted

Cases are built by walking the descriptor, so new .proto files are picked up with no change here:

    default                      the empty message
    all_fields                   every field set (each oneof's first member), nested messages one
                                 level deep
    oneof_<oneof>_<member>       one oneof member set to a non-default value
    oneof_<oneof>_<member>_default
                                 the member set to its default (0, "", empty message): still on the
                                 wire
    presence_defaults            every proto3 `optional` field set to its default value
    edge, edge_<k>               extreme values (negative int32/int64, max uint32/uint64, min sint,
                                 NaN, -0.0, ±inf, subnormals, Vietnamese and 4-byte UTF-8 strings,
                                 empty strings in repeated fields, unknown enum values); the
                                 numbered variants rotate singular fields through the other values
    long_repeated                every repeated and map field with ~300 elements
    nested                       messages nested several levels deep, maps with several keys
    unknown_fields               a valid message followed by unknown fields of every wire type
    wrong_wire_type              a valid message followed by known field numbers sent with a
                                 wire type that does not match them (kept as unknown fields)

Every vector is `SerializeToString(deterministic=True)` and is checked to parse and re-serialize to
the same bytes; hand-built byte strings are kept only when Python re-serializes them identically.
Output is fully deterministic: each (type, case) has its own `random.Random` seeded from its name.

Messages are loaded with `message_factory` from the FileDescriptorSet protoc writes rather than by
importing the generated `_pb2` modules: the contract has a top-level `grpc` package that collides
with grpcio's own `grpc` module, and a private pool keeps us clear of descriptors grpcio-reflection
or grpcio-health-checking register in the default pool.

Usage:
    .venv/bin/python Deploy/contract/make_vectors.py --proto-root Protos [--proto-root DIR ...]
        [--out DIR] [--descriptor-out FILE] [--extra-file google/protobuf/timestamp.proto ...]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

# The pure-Python runtime, not upb: upb's deterministic serialization does not sort map entries
# the way protoc's C++, Java and Go runtimes do (it emits integer keys in descending unsigned
# order and puts a string key after every key it is a prefix of; protobuf 6.33). Pure Python
# sorts keys like C++ (signed/unsigned value, false < true, strings bytewise) and otherwise writes
# the same bytes as upb (checked on every vector when this was written). Set before any import.
os.environ["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = "python"

import grpc_tools  # noqa: E402
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory  # noqa: E402
from google.protobuf.descriptor import FieldDescriptor as FD  # noqa: E402
from google.protobuf.internal import api_implementation  # noqa: E402

assert api_implementation.Type() == "python", api_implementation.Type()

GRPC_TOOLS_INCLUDE = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")

LONG_COUNT = 300          # elements per repeated field in `long_repeated`
NESTED_DEPTH = 6          # message levels in `nested`
NESTED_BUDGET = 400       # at most this many sub-messages filled in one `nested` vector
NESTED_REPEAT = 2         # elements per repeated message field in `nested`
NESTED_MAP_KEYS = 3       # keys per map in `nested`

# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------

VIETNAMESE = [
    "Làng gốm Bát Tràng – đồ gốm sứ",
    "Mây tre đan Phú Vinh",
    "Lụa Vạn Phúc, Hà Đông",
    "Sơn mài Hạ Thái",
    "Khảm trai Chuyên Mỹ",
    "Nón lá Chuông",
    "Đúc đồng Ngũ Xã",
    "Tăm hương Quảng Phú Cầu",
    "Thêu Quất Động",
    "Quạt Chàng Sơn",
    "Gỗ mỹ nghệ Sơn Đồng",
    "Cốm làng Vòng",
]

EDGE_STRINGS = [
    "Làng gốm Bát Tràng – đồ gốm sứ",             # 2- and 3-byte UTF-8
    "🏺🧺🪡 mây tre đan 🇻🇳",                       # 4-byte UTF-8 (emoji, flag sequence)
    "",                                             # empty (repeated only)
    "Ha\u0300 No\u0302\u0323i",                     # combining marks (NFD "Hà Nội")
    "\u0000nul\u0000",                              # embedded NUL
    "\U0010ffff\ufeff\u200b",                        # last code point, BOM, zero-width space
    "x" * 200,                                      # length prefix over one byte
]

EDGE_BYTES = [b"\x00\xff\xfe\x80", b"", bytes(range(256)), "đồ gốm".encode("utf-8")]

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
UINT32_MAX, UINT64_MAX = 2**32 - 1, 2**64 - 1

FLOAT_MAX = struct.unpack("<f", struct.pack("<I", 0x7F7FFFFF))[0]
FLOAT_MIN_SUB = struct.unpack("<f", struct.pack("<I", 0x00000001))[0]

EDGE_NUMBERS = {
    FD.TYPE_INT32: [-1, INT32_MIN, INT32_MAX, -300, 1],
    FD.TYPE_SINT32: [INT32_MIN, INT32_MAX, -1, 1],
    FD.TYPE_SFIXED32: [INT32_MIN, INT32_MAX, -1],
    FD.TYPE_INT64: [-1, INT64_MIN, INT64_MAX, -123456789012],
    FD.TYPE_SINT64: [INT64_MIN, INT64_MAX, -1, 1],
    FD.TYPE_SFIXED64: [INT64_MIN, INT64_MAX, -1],
    FD.TYPE_UINT32: [UINT32_MAX, 2**31, 1, 127, 128],
    FD.TYPE_FIXED32: [UINT32_MAX, 2**31, 1],
    FD.TYPE_UINT64: [UINT64_MAX, 2**63, 1, 2**32],
    FD.TYPE_FIXED64: [UINT64_MAX, 2**63, 1],
    FD.TYPE_DOUBLE: [math.nan, -0.0, math.inf, -math.inf, 5e-324, 1.7976931348623157e308, -1.5],
    FD.TYPE_FLOAT: [math.nan, -0.0, math.inf, -math.inf, FLOAT_MIN_SUB, FLOAT_MAX, -1.5],
    FD.TYPE_BOOL: [True, False],
}

RANDOM_RANGES = {
    FD.TYPE_INT32: (INT32_MIN, INT32_MAX),
    FD.TYPE_SINT32: (INT32_MIN, INT32_MAX),
    FD.TYPE_SFIXED32: (INT32_MIN, INT32_MAX),
    FD.TYPE_INT64: (INT64_MIN, INT64_MAX),
    FD.TYPE_SINT64: (INT64_MIN, INT64_MAX),
    FD.TYPE_SFIXED64: (INT64_MIN, INT64_MAX),
    FD.TYPE_UINT32: (0, UINT32_MAX),
    FD.TYPE_FIXED32: (0, UINT32_MAX),
    FD.TYPE_UINT64: (0, UINT64_MAX),
    FD.TYPE_FIXED64: (0, UINT64_MAX),
}


def random_int(rng: random.Random, ftype: int) -> int:
    """A non-zero integer whose size (varint length) varies: small, medium or full range."""
    lo, hi = RANDOM_RANGES[ftype]
    pick = rng.randrange(3)
    if pick == 0:
        v = rng.randint(1, 127)
    elif pick == 1:
        v = rng.randint(128, 10_000_000)
    else:
        v = rng.randint(lo, hi)
    if lo < 0 and pick < 2 and rng.random() < 0.3:
        v = -v
    return v if v != 0 else 1


def random_scalar(rng: random.Random, field) -> object:
    """A random non-default value for a scalar or enum field."""
    t = field.type
    if t in RANDOM_RANGES:
        return random_int(rng, t)
    if t == FD.TYPE_DOUBLE:
        return rng.choice([1250.5, 0.875, -3.25, 1e-9, 123456789.0625, rng.uniform(-1e6, 1e6)])
    if t == FD.TYPE_FLOAT:
        # values exactly representable as float32, so Python's float → float32 is lossless
        return rng.choice([0.5, -2.25, 1024.0, 0.15625, 3.5])
    if t == FD.TYPE_BOOL:
        return True
    if t == FD.TYPE_STRING:
        return rng.choice(VIETNAMESE)
    if t == FD.TYPE_BYTES:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 12)))
    if t == FD.TYPE_ENUM:
        nonzero = [v.number for v in field.enum_type.values if v.number != 0]
        return rng.choice(nonzero) if nonzero else field.enum_type.values[0].number
    raise AssertionError(f"unexpected type {t} for {field.full_name}")


def edge_values(field) -> list:
    """Edge values for a scalar or enum field, as a list (repeated fields take all of them)."""
    t = field.type
    if t in EDGE_NUMBERS:
        return list(EDGE_NUMBERS[t])
    if t == FD.TYPE_STRING:
        return list(EDGE_STRINGS)
    if t == FD.TYPE_BYTES:
        return list(EDGE_BYTES)
    if t == FD.TYPE_ENUM:
        numbers = [v.number for v in field.enum_type.values]
        if field.enum_type.is_closed:
            return [max(numbers), min(numbers)]
        # open enums keep values the schema does not name, negative ones included
        return [99, max(numbers), -1, INT32_MAX]
    raise AssertionError(f"unexpected type {t} for {field.full_name}")


def default_value(field) -> object:
    t = field.type
    if t == FD.TYPE_STRING:
        return ""
    if t == FD.TYPE_BYTES:
        return b""
    if t == FD.TYPE_BOOL:
        return False
    if t in (FD.TYPE_DOUBLE, FD.TYPE_FLOAT):
        return 0.0
    return 0


def is_scalar_default(v) -> bool:
    if isinstance(v, float):
        return v == 0.0 and math.copysign(1.0, v) > 0
    return v in (0, "", b"", False) and not isinstance(v, float)


# --------------------------------------------------------------------------------------------
# Descriptor helpers
# --------------------------------------------------------------------------------------------


def is_map(field) -> bool:
    return (
        field.type == FD.TYPE_MESSAGE
        and field.message_type.GetOptions().map_entry
        and field.is_repeated
    )


def is_message(field) -> bool:
    return field.type in (FD.TYPE_MESSAGE, FD.TYPE_GROUP)


class Schema:
    """The parts of the descriptors Python's runtime does not expose directly."""

    def __init__(self, fds: descriptor_pb2.FileDescriptorSet):
        # (message full name, field name) of proto3 `optional` fields (synthetic oneofs)
        self.proto3_optional: set[tuple[str, str]] = set()
        for f in fds.file:
            prefix = f.package + "." if f.package else ""
            for m in f.message_type:
                self._walk(prefix + m.name, m)

    def _walk(self, name: str, m: descriptor_pb2.DescriptorProto):
        for fld in m.field:
            if fld.proto3_optional:
                self.proto3_optional.add((name, fld.name))
        for n in m.nested_type:
            self._walk(name + "." + n.name, n)

    def real_oneofs(self, desc):
        out = []
        for o in desc.oneofs:
            members = self.members(desc, o)
            if len(members) == 1 and (desc.full_name, members[0].name) in self.proto3_optional:
                continue
            out.append(o)
        return out

    @staticmethod
    def members(desc, oneof) -> list:
        """A oneof's fields in declaration order (the order `oneof.fields` reports differs
        between Python's upb and pure-Python runtimes)."""
        return [f for f in desc.fields
                if f.containing_oneof is not None and f.containing_oneof.name == oneof.name]

    def is_proto3_optional(self, field) -> bool:
        return (field.containing_type.full_name, field.name) in self.proto3_optional

    def plain_fields(self, desc):
        """Fields outside real oneofs (proto3 `optional` fields count as plain)."""
        real = {o.name for o in self.real_oneofs(desc)}
        return [
            f for f in desc.fields
            if f.containing_oneof is None or f.containing_oneof.name not in real
        ]


# --------------------------------------------------------------------------------------------
# Filling messages
# --------------------------------------------------------------------------------------------


class Builder:
    def __init__(self, schema: Schema, classes):
        self.schema = schema
        self.classes = classes  # full name -> message class

    def new(self, desc):
        return self.classes[desc.full_name]()

    # -- one field ------------------------------------------------------------------------

    def set_field(self, msg, field, value_fn, *, count: int, depth: int, mode: str,
                  rng: random.Random, budget: list):
        """Sets `field` of `msg`. value_fn(field, index) gives scalar values; message values are
        filled with `mode` at depth+1."""
        if is_map(field):
            self.set_map(msg, field, value_fn, count=count, depth=depth, mode=mode, rng=rng,
                         budget=budget)
            return
        if field.is_repeated:
            container = getattr(msg, field.name)
            for i in range(count):
                if is_message(field):
                    sub = container.add()
                    self.fill(sub, mode, rng, depth + 1, budget)
                else:
                    container.append(value_fn(field, i))
            return
        if is_message(field):
            sub = getattr(msg, field.name)
            sub.SetInParent()
            self.fill(sub, mode, rng, depth + 1, budget)
        else:
            setattr(msg, field.name, value_fn(field, 0))

    def set_map(self, msg, field, value_fn, *, count, depth, mode, rng, budget):
        entry = field.message_type
        kf, vf = entry.fields_by_name["key"], entry.fields_by_name["value"]
        container = getattr(msg, field.name)
        keys = []
        seen = set()
        i = 0
        attempts = 0
        while len(keys) < count and attempts < count * 20:
            attempts += 1
            k = map_key(kf, i, rng)
            i += 1
            if k in seen:
                continue
            seen.add(k)
            keys.append(k)
        for n, k in enumerate(keys):
            if is_message(vf):
                sub = container[k]  # indexing creates the entry
                self.fill(sub, mode, rng, depth + 1, budget)
            else:
                container[k] = value_fn(vf, n)

    # -- whole messages -------------------------------------------------------------------

    def fill(self, msg, mode: str, rng: random.Random, depth: int, budget: list):
        """Fills a (sub-)message. Modes:
        - "flat": scalar fields only (the nested level of `all_fields`)
        - "all": every field, sub-messages filled "flat"
        - "edge": every field with edge values, sub-messages "edge" one level down only
        - "nested": every field, sub-messages recursively up to NESTED_DEPTH / NESTED_BUDGET
        - "long": repeated fields with LONG_COUNT elements, sub-messages "flat"
        """
        desc = msg.DESCRIPTOR
        if mode == "nested":
            budget[0] -= 1
        oneofs = self.schema.real_oneofs(desc)
        fields = list(self.schema.plain_fields(desc))
        # each real oneof: its first member in "all"/"edge"/"flat"; rotating member in "nested"
        for o in oneofs:
            members = self.schema.members(desc, o)
            if mode == "nested":
                fields.append(members[(depth + budget[0]) % len(members)])
            else:
                fields.append(members[0])
        fields.sort(key=lambda f: f.number)

        for field in fields:
            if mode == "flat":
                if is_message(field) or is_map(field):
                    continue
                self.set_field(msg, field, lambda f, i: random_scalar(rng, f), count=2,
                               depth=depth, mode="flat", rng=rng, budget=budget)
            elif mode == "all":
                self.set_field(msg, field, lambda f, i: random_scalar(rng, f), count=2,
                               depth=depth, mode="flat", rng=rng, budget=budget)
            elif mode == "long":
                self.set_field(msg, field, lambda f, i: long_value(rng, f, i),
                               count=LONG_COUNT, depth=depth, mode="flat", rng=rng, budget=budget)
            elif mode == "nested":
                if is_message(field) or (is_map(field) and is_message(
                        field.message_type.fields_by_name["value"])):
                    if depth + 1 >= NESTED_DEPTH or budget[0] <= 0:
                        continue
                count = NESTED_MAP_KEYS if is_map(field) else NESTED_REPEAT
                self.set_field(msg, field, lambda f, i: random_scalar(rng, f), count=count,
                               depth=depth, mode="nested", rng=rng, budget=budget)
            else:
                raise AssertionError(mode)

    def fill_edge(self, msg, rotation: int, depth: int = 0):
        """Edge values: repeated fields get every edge value, singular ones the value at
        `rotation`; sub-messages get the same treatment one level down."""
        desc = msg.DESCRIPTOR
        fields = list(self.schema.plain_fields(desc))
        for o in self.schema.real_oneofs(desc):
            fields.append(self.schema.members(desc, o)[0])
        fields.sort(key=lambda f: f.number)
        for field in fields:
            if is_map(field):
                entry = field.message_type
                kf, vf = entry.fields_by_name["key"], entry.fields_by_name["value"]
                keys = edge_map_keys(kf)
                container = getattr(msg, field.name)
                for i, k in enumerate(keys):
                    if is_message(vf):
                        sub = container[k]
                        if depth < 1:
                            self.fill_edge(sub, rotation + i, depth + 1)
                    else:
                        vals = edge_values(vf)
                        container[k] = vals[(rotation + i) % len(vals)]
            elif is_message(field):
                if field.is_repeated:
                    container = getattr(msg, field.name)
                    for i in range(2):
                        sub = container.add()
                        if depth < 1:
                            self.fill_edge(sub, rotation + i, depth + 1)
                else:
                    sub = getattr(msg, field.name)
                    sub.SetInParent()
                    if depth < 1:
                        self.fill_edge(sub, rotation, depth + 1)
            else:
                vals = edge_values(field)
                if field.is_repeated:
                    getattr(msg, field.name).extend(vals)
                else:
                    v = vals[rotation % len(vals)]
                    in_oneof = field.containing_oneof is not None
                    if is_scalar_default(v) and not in_oneof and not self.schema.is_proto3_optional(field):
                        v = vals[(rotation + 1) % len(vals)]
                    setattr(msg, field.name, v)


def map_key(kf, i: int, rng: random.Random):
    t = kf.type
    if t == FD.TYPE_STRING:
        base = VIETNAMESE[i % len(VIETNAMESE)]
        return base if i < len(VIETNAMESE) else f"{base} #{i}"
    if t == FD.TYPE_BOOL:
        return bool(i % 2)
    lo, _ = RANDOM_RANGES[t]
    if lo < 0 and i % 2 == 1:
        return -(i * 7919 + 1)
    return i * 7919 + (i % 5)


def edge_map_keys(kf) -> list:
    t = kf.type
    if t == FD.TYPE_STRING:
        # "" and "a" are prefixes of other keys; "Ha\u0300" (NFD) sorts before "Hb" bytewise
        # but after it as a normalized Swift String
        return ["", "Làng gốm Bát Tràng – đồ gốm sứ", "🏺", "a", "ab", "Ha\u0300", "Hb"]
    if t == FD.TYPE_BOOL:
        return [False, True]
    return sorted(set([0] + EDGE_NUMBERS[t]))


def long_value(rng: random.Random, field, i: int):
    t = field.type
    if t == FD.TYPE_STRING:
        return "" if i % 37 == 0 else f"{VIETNAMESE[i % len(VIETNAMESE)]} {i}"
    if t == FD.TYPE_BYTES:
        return bytes([i % 256]) * (i % 5)
    if t == FD.TYPE_BOOL:
        return i % 3 == 0
    if t == FD.TYPE_ENUM:
        nums = [v.number for v in field.enum_type.values]
        return nums[i % len(nums)]
    if t == FD.TYPE_DOUBLE:
        return i * 0.25 - 30.0
    if t == FD.TYPE_FLOAT:
        return float(i) - 100.5
    lo, hi = RANDOM_RANGES[t]
    # a mix of varint lengths across the list; deterministic per index
    v = (i * 2654435761) % (hi + 1) if lo == 0 else ((i * 2654435761) % (2**31)) * (-1 if i % 2 else 1)
    if i % 10 == 0:
        v = rng.randint(lo, hi)
    return max(lo, min(hi, v))


# --------------------------------------------------------------------------------------------
# Hand-built wire bytes
# --------------------------------------------------------------------------------------------


def varint(v: int) -> bytes:
    if v < 0:
        v += 1 << 64
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def tag(number: int, wire_type: int) -> bytes:
    return varint((number << 3) | wire_type)


def length_delimited(number: int, payload: bytes) -> bytes:
    return tag(number, 2) + varint(len(payload)) + payload


def unknown_tail(desc) -> bytes:
    """Unknown fields of every wire type, with field numbers the message does not use."""
    used = {f.number for f in desc.fields}
    # the largest valid number, large multi-byte ones, and numbers next to the known ones
    candidates = [536_870_911, 536_870_910, 262_143, 100_000, 19_999, 2_047, 1_000, 16, 15]
    candidates += range(500_000, 500_100)  # spares, should a message use the numbers above
    numbers = [n for n in candidates if n not in used]
    n = iter(numbers)
    out = bytearray()
    out += tag(next(n), 0) + varint(2**64 - 1)                 # varint, 10 bytes
    out += tag(next(n), 1) + struct.pack("<d", -0.0)          # fixed64
    out += length_delimited(next(n), "Làng gốm – 🏺".encode())   # length-delimited
    g = next(n)                                               # group with nested contents
    out += tag(g, 3)
    out += tag(1, 0) + varint(150)
    out += length_delimited(2, b"\x00\x01")
    out += tag(3, 3) + tag(4, 5) + struct.pack("<I", 7) + tag(3, 4)
    out += tag(g, 4)
    out += tag(next(n), 5) + struct.pack("<f", float("inf"))  # fixed32
    out += tag(next(n), 0) + varint(0)                        # varint zero
    out += length_delimited(next(n), b"")                     # empty length-delimited
    return bytes(out)


def wrong_wire_type_tail(desc) -> bytes:
    """Known field numbers with a wire type their type does not use."""
    out = bytearray()
    for field in sorted(desc.fields, key=lambda f: f.number):
        t = field.type
        if t in (FD.TYPE_STRING, FD.TYPE_BYTES, FD.TYPE_MESSAGE):
            out += tag(field.number, 0) + varint(1)
        elif t in (FD.TYPE_DOUBLE, FD.TYPE_FIXED64, FD.TYPE_SFIXED64):
            out += tag(field.number, 5) + struct.pack("<I", 1)
        elif t in (FD.TYPE_FLOAT, FD.TYPE_FIXED32, FD.TYPE_SFIXED32):
            out += tag(field.number, 1) + struct.pack("<Q", 1)
        else:  # varint types (incl. enum, bool)
            out += tag(field.number, 1) + struct.pack("<Q", 1)
    return bytes(out)


# --------------------------------------------------------------------------------------------
# Compilation
# --------------------------------------------------------------------------------------------


def proto_files(roots: list[Path]) -> list[tuple[Path, str]]:
    """(absolute path, import path) of every .proto under the roots, sorted by import path."""
    out = {}
    for root in roots:
        for p in sorted(root.rglob("*.proto")):
            rel = p.relative_to(root).as_posix()
            if rel in out:
                sys.exit(f"make_vectors: {rel} is in more than one proto root")
            out[rel] = p
    return sorted(((p, rel) for rel, p in out.items()), key=lambda x: x[1])


def protoc(args: list[str]) -> None:
    """Runs grpc_tools.protoc in a subprocess (clean diagnostics and exit status); any output
    on stderr (errors or warnings) fails the run."""
    cmd = [sys.executable, "-m", "grpc_tools.protoc", f"-I{GRPC_TOOLS_INCLUDE}"] + args
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or r.stderr.strip():
        sys.stderr.write(r.stderr)
        sys.exit(f"make_vectors: protoc failed (exit {r.returncode}): {' '.join(cmd[1:])}")


def compile_descriptor_set(roots: list[Path], extra_files: list[str], tmp: Path
                           ) -> tuple[bytes, list[str]]:
    files = proto_files(roots)
    if not files:
        sys.exit("make_vectors: no .proto files under " + ", ".join(map(str, roots)))
    out = tmp / "descriptors.binpb"
    args = [f"-I{r}" for r in roots]
    args += ["--include_imports", f"--descriptor_set_out={out}"]
    args += [rel for _, rel in files] + list(extra_files)
    protoc(args)
    return out.read_bytes(), [rel for _, rel in files] + list(extra_files)


# --------------------------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------------------------


def all_messages(file_desc):
    def walk(d):
        if d.GetOptions().map_entry:
            return
        yield d
        for n in d.nested_types:
            yield from walk(n)

    for d in file_desc.message_types_by_name.values():
        yield from walk(d)


def seeded(name: str, case: str) -> random.Random:
    return random.Random(zlib.crc32(f"{name}/{case}".encode()))


def serialize_checked(msg, where: str) -> bytes:
    data = msg.SerializeToString(deterministic=True)
    again = type(msg).FromString(data).SerializeToString(deterministic=True)
    if again != data:
        raise AssertionError(f"{where}: Python parse/re-serialize is not byte-identical")
    return data


def roundtrips(cls, data: bytes) -> bool:
    try:
        m = cls.FromString(data)
    except Exception:  # noqa: BLE001
        return False
    return m.SerializeToString(deterministic=True) == data


def vectors_for(desc, cls, builder: Builder) -> dict[str, bytes]:
    schema = builder.schema
    name = desc.full_name
    cases: dict[str, bytes] = {}

    def add(case: str, msg, *, dedupe: bool = False):
        data = serialize_checked(msg, f"{name}/{case}")
        if dedupe and data in cases.values():
            return
        cases[case] = data

    add("default", cls())

    m = cls()
    builder.fill(m, "all", seeded(name, "all_fields"), 0, [0])
    add("all_fields", m)

    for o in schema.real_oneofs(desc):
        for member in schema.members(desc, o):
            rng = seeded(name, f"oneof_{o.name}_{member.name}")
            m = cls()
            if is_message(member):
                sub = getattr(m, member.name)
                sub.SetInParent()
                builder.fill(sub, "flat", rng, 1, [0])
            else:
                setattr(m, member.name, random_scalar(rng, member))
            add(f"oneof_{o.name}_{member.name}", m)
            m = cls()
            if is_message(member):
                getattr(m, member.name).SetInParent()
            else:
                setattr(m, member.name, default_value(member))
            add(f"oneof_{o.name}_{member.name}_default", m)

    optional_fields = [f for f in desc.fields if schema.is_proto3_optional(f)]
    if optional_fields:
        m = cls()
        for f in optional_fields:
            if is_message(f):
                getattr(m, f.name).SetInParent()
            else:
                setattr(m, f.name, default_value(f))
        add("presence_defaults", m)

    # edge: rotate singular fields through every edge value of their kind
    rotations = 1
    for f in desc.fields:
        if not is_message(f) and not is_map(f):
            rotations = max(rotations, len(edge_values(f)))
    if desc.fields:
        for r in range(rotations):
            m = cls()
            builder.fill_edge(m, r)
            add("edge" if r == 0 else f"edge_{r}", m, dedupe=r > 0)

    if any(f.is_repeated for f in desc.fields):
        m = cls()
        builder.fill(m, "long", seeded(name, "long_repeated"), 0, [0])
        add("long_repeated", m)

    if any(is_message(f) for f in desc.fields):
        m = cls()
        builder.fill(m, "nested", seeded(name, "nested"), 0, [NESTED_BUDGET])
        add("nested", m)

    # unknown fields: all_fields followed by unknown fields of every wire type
    base = cases["all_fields"]
    data = base + unknown_tail(desc)
    if roundtrips(cls, data):
        cases["unknown_fields"] = data
    else:
        print(f"make_vectors: note: {name}/unknown_fields not kept (Python re-serializes it "
              "differently)", file=sys.stderr)

    if desc.fields:
        data = base + wrong_wire_type_tail(desc)
        if roundtrips(cls, data):
            cases["wrong_wire_type"] = data

    return cases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--proto-root", action="append", required=True, type=Path,
                    help="directory of .proto files (repeatable)")
    ap.add_argument("--out", type=Path, help="vector directory (its contents are replaced)")
    ap.add_argument("--descriptor-out", type=Path,
                    help="write the FileDescriptorSet (--include_imports) of the proto roots here")
    ap.add_argument("--extra-file", action="append", default=[],
                    help="an import path found on the include path (e.g. "
                         "google/protobuf/timestamp.proto) whose messages also get vectors")
    args = ap.parse_args()
    roots = [r.resolve() for r in args.proto_root]
    for r in roots:
        if not r.is_dir():
            sys.exit(f"make_vectors: no such proto root: {r}")

    with tempfile.TemporaryDirectory(prefix="make_vectors.") as tmp_name:
        tmp = Path(tmp_name)
        if args.descriptor_out:
            fds_bytes, _ = compile_descriptor_set(roots, [], tmp)
            args.descriptor_out.parent.mkdir(parents=True, exist_ok=True)
            args.descriptor_out.write_bytes(fds_bytes)
        if not args.out:
            return 0
        fds_bytes, targets = compile_descriptor_set(roots, args.extra_file, tmp)

    fds = descriptor_pb2.FileDescriptorSet.FromString(fds_bytes)
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)
    schema = Schema(fds)

    descs = []
    for path in targets:
        descs.extend(all_messages(pool.FindFileByName(path)))
    classes = {}
    for f in fds.file:
        for d in all_messages(pool.FindFileByName(f.name)):
            classes[d.full_name] = message_factory.GetMessageClass(d)
    builder = Builder(schema, classes)

    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    manifest = []
    total = 0
    for desc in sorted(descs, key=lambda d: d.full_name):
        cases = vectors_for(desc, classes[desc.full_name], builder)
        folder = out / desc.full_name
        folder.mkdir()
        for case, data in sorted(cases.items()):
            (folder / f"{case}.bin").write_bytes(data)
        manifest.append(f"{desc.full_name} {len(cases)}")
        total += len(cases)
    header = [
        "# Test vectors: <type> <number of cases>. Generated by Deploy/contract/make_vectors.py;",
        "# regenerate with Deploy/contract/generate.sh, do not edit.",
        f"# {len(manifest)} types, {total} vectors",
    ]
    (out / "MANIFEST.txt").write_text("\n".join(header + manifest) + "\n", encoding="utf-8")
    print(f"make_vectors: {len(manifest)} types, {total} vectors in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
