"""Python stubs generated at run time from the *upstream* .proto files.

The interop suite deliberately does not use this repository's Protos/: it compiles grpc/grpc's own
definitions (Debian package grpc-proto, /usr/share/grpc-proto) with grpc_tools.protoc, so a passing
run proves that our server agrees with upstream on the wire.

Two kinds of output, because of two clashes with what grpcio ships:

* grpc/testing/{empty,messages,test}.proto -> ordinary generated modules (`*_pb2`, `*_pb2_grpc`).
  protoc names them after the proto path (`grpc.testing.test_pb2`), but a top-level package `grpc`
  would shadow grpcio itself. They are therefore written under the top-level package
  `upstream_grpc` (`upstream_grpc.testing.test_pb2`), with the generated cross-imports rewritten to
  match. The proto *file names* registered in the descriptor pool stay "grpc/testing/test.proto".

* grpc/health/v1/health.proto and grpc/reflection/{v1,v1alpha}/reflection.proto -> a
  FileDescriptorSet loaded into a private DescriptorPool (see `upstream_pool()`), from which message
  classes are made on demand. They cannot go into the default pool: grpcio-health-checking and
  grpcio-reflection already register the same symbols there (from files named
  "grpc_health/v1/health.proto" etc.), and protobuf refuses duplicate symbols.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

UPSTREAM_PROTO_ROOT = Path(os.environ.get("CRAFT_UPSTREAM_PROTOS", "/usr/share/grpc-proto"))
PACKAGE = "upstream_grpc"

TESTING_PROTOS = [
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
]
STANDARD_PROTOS = [
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
]
DESCRIPTOR_SET = "upstream_descriptors.binpb"


def _protoc(args: list[str]) -> None:
    from grpc_tools import protoc  # imported lazily: heavy
    import importlib.resources

    well_known = str(importlib.resources.files("grpc_tools") / "_proto")
    argv = ["grpc_tools.protoc", f"-I{UPSTREAM_PROTO_ROOT}", f"-I{well_known}", *args]
    rc = protoc.main(argv)
    if rc != 0:
        raise RuntimeError(f"protoc failed ({rc}): {' '.join(argv)}")


def generate(dest: str | os.PathLike) -> Path:
    """Generates all stubs into `dest` (created if needed) and returns it. Idempotent."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for proto in TESTING_PROTOS + STANDARD_PROTOS:
        if not (UPSTREAM_PROTO_ROOT / proto).is_file():
            raise FileNotFoundError(
                f"upstream proto {UPSTREAM_PROTO_ROOT / proto} missing (apt package grpc-proto)"
            )

    raw = dest / "_raw"
    raw.mkdir(exist_ok=True)
    _protoc([f"--python_out={raw}", f"--grpc_python_out={raw}", *TESTING_PROTOS])

    # Move raw/grpc/testing/* -> dest/upstream_grpc/testing/*, rewriting imports.
    pkg = dest / PACKAGE / "testing"
    pkg.mkdir(parents=True, exist_ok=True)
    (dest / PACKAGE / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    for src in sorted((raw / "grpc" / "testing").glob("*.py")):
        text = src.read_text()
        text = re.sub(r"^from grpc\.testing import ", f"from {PACKAGE}.testing import ", text,
                      flags=re.M)
        text = re.sub(r"^import grpc\.testing\.", f"import {PACKAGE}.testing.", text, flags=re.M)
        (pkg / src.name).write_text(text)

    _protoc([f"--descriptor_set_out={dest / DESCRIPTOR_SET}", "--include_imports",
             *STANDARD_PROTOS])
    return dest


def load(dest: str | os.PathLike):
    """Puts `dest` on sys.path and returns (empty_pb2, messages_pb2, test_pb2, test_pb2_grpc)."""
    dest = str(Path(dest).resolve())
    if dest not in sys.path:
        sys.path.insert(0, dest)
    import importlib

    empty_pb2 = importlib.import_module(f"{PACKAGE}.testing.empty_pb2")
    messages_pb2 = importlib.import_module(f"{PACKAGE}.testing.messages_pb2")
    test_pb2 = importlib.import_module(f"{PACKAGE}.testing.test_pb2")
    test_pb2_grpc = importlib.import_module(f"{PACKAGE}.testing.test_pb2_grpc")
    return empty_pb2, messages_pb2, test_pb2, test_pb2_grpc


class UpstreamPool:
    """Health and reflection message classes from the upstream protos, in a private pool."""

    def __init__(self, dest: str | os.PathLike):
        from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

        fds = descriptor_pb2.FileDescriptorSet.FromString((Path(dest) / DESCRIPTOR_SET).read_bytes())
        self.file_set = fds
        self.pool = descriptor_pool.DescriptorPool()
        for f in fds.file:
            self.pool.Add(f)
        self._factory = message_factory

    def message(self, full_name: str):
        return self._factory.GetMessageClass(self.pool.FindMessageTypeByName(full_name))

    def file_proto(self, name: str):
        for f in self.file_set.file:
            if f.name == name:
                return f
        raise KeyError(name)
