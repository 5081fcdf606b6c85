"""The deployment files (Deploy/Dockerfile, compose.yaml, envoy/envoy.yaml, k8s/, systemd/)
checked against each other, against Protos/ and against the built craftd's own --help: every
file parses; every flag, subcommand and CRAFTD_* variable they use is one craftd has; ports,
service names, gRPC service names in routes, health checks and probes agree. A renamed flag or
variable, a moved port or a new service without a route fails here. No Docker engine is needed.

craftd is .build/debug/craftd (override with CRAFTD=path)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "Deploy"
CRAFTD = os.environ.get("CRAFTD", str(ROOT / ".build/debug/craftd"))
NAMES = ["catalogue", "orders", "matching"]


# --- what craftd and the contract say -----------------------------------------------------

def proto_services() -> dict[str, str]:
    """craft service directory → fully qualified gRPC service name, read from Protos/."""
    found = {}
    for proto in sorted((ROOT / "Protos/craft").glob("*/v1/*.proto")):
        text = proto.read_text()
        package = re.search(r"^package\s+([\w.]+);", text, re.M).group(1)
        for service in re.findall(r"^service\s+(\w+)\s*\{", text, re.M):
            found[proto.parent.parent.name] = f"{package}.{service}"
    return found


SERVICES = proto_services()


class Help:
    """The flags, environment variables and subcommands of one craftd (sub)command's --help."""

    def __init__(self, path: tuple[str, ...]):
        out = subprocess.run([CRAFTD, *path, "--help"], capture_output=True, text=True, check=True)
        self.text = out.stdout
        self.flags = set(re.findall(r"(?<![\w-])--([a-z][a-z0-9-]*)", self.text))
        self.env = set(re.findall(r"\bCRAFTD_[A-Z0-9_]+\b", self.text))
        section = self.text.split("SUBCOMMANDS:", 1)[1] if "SUBCOMMANDS:" in self.text else ""
        self.subcommands = set(re.findall(r"^\s{2}([a-z][a-z-]*)", section, re.M)) - {"help"}
        default = re.search(r"^\s{2}([a-z][a-z-]*) \(default\)", section, re.M)
        self.default = default.group(1) if default else None


@pytest.fixture(scope="module")
def craftd() -> dict[tuple[str, ...], Help]:
    """Every (sub)command's help, by its path: (), ("serve",), ("token", "issue"), …"""
    if not os.access(CRAFTD, os.X_OK):
        pytest.fail(f"{CRAFTD} missing: run swift build")
    helps, pending = {}, [()]
    while pending:
        path = pending.pop()
        helps[path] = Help(path)
        pending += [path + (sub,) for sub in helps[path].subcommands]
    return helps


def check_command(craftd, argv: list[str], where: str):
    """A craftd command line: its subcommands exist and the command takes every flag given."""
    assert Path(argv[0]).name == "craftd", f"{where}: {argv} is not a craftd command"
    path, rest = (), argv[1:]
    while rest and not rest[0].startswith("-") and rest[0] in craftd[path].subcommands:
        path, rest = path + (rest[0],), rest[1:]
    assert path, f"{where}: craftd has no subcommand {rest[:1]} ({sorted(craftd[()].subcommands)})"
    if craftd[path].default and (not rest or rest[0].startswith("-")):
        path += (craftd[path].default,)
    for arg in rest:
        if arg.startswith("--"):
            flag = arg[2:].split("=", 1)[0]
            assert flag in craftd[path].flags, f"{where}: craftd {' '.join(path)} has no --{flag}"


def check_env(craftd, names, where: str):
    known = set().union(*(h.env for h in craftd.values()))
    unknown = sorted(n for n in names if n.startswith("CRAFTD_") and n not in known)
    assert not unknown, f"{where}: craftd reads no {unknown} (known: {sorted(known)})"


def flag_value(argv: list[str], flag: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == flag and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


def port_of(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


def check_peers(env: dict[str, str], running: str, address_of: dict[str, str], where: str):
    """Every CRAFTD_<SERVICE>_ADDR names where that service runs; orders and matching are told
    where the catalogue is (they call it), matching where orders is."""
    needs = {"catalogue": set(), "orders": {"catalogue"}, "matching": {"catalogue", "orders"}}[running]
    for peer in NAMES:
        key = f"CRAFTD_{peer.upper()}_ADDR"
        if peer in needs:
            assert env.get(key) == address_of[peer], f"{where}: {key}={env.get(key)}, want {address_of[peer]}"
        else:
            assert key not in env or peer != running, f"{where}: {key} names its own service"


def test_the_contract_has_the_three_services():
    assert sorted(SERVICES) == sorted(NAMES), SERVICES


def test_every_yaml_file_parses():
    files = sorted(DEPLOY.rglob("*.yaml")) + sorted(DEPLOY.rglob("*.yml"))
    assert files
    for path in files:
        docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        assert docs, f"{path} is empty"


# --- Dockerfile ---------------------------------------------------------------------------

def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    lines, current = [], ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if line.startswith("#") or not line:
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        lines.append(current + line)
        current = ""
    assert not current, "a continuation line runs off the end"
    out = []
    for line in lines:
        instruction, _, rest = line.partition(" ")
        out.append((instruction.upper(), rest.strip()))
    return out


def exec_form(args: str) -> list[str]:
    import json
    return json.loads(args) if args.startswith("[") else shlex.split(args)


def test_dockerfile_stages_and_runtime(craftd):
    instructions = dockerfile_instructions(DEPLOY / "Dockerfile")
    stages: list[dict] = []
    for instruction, args in instructions:
        if instruction == "FROM":
            parts = args.split()
            name = parts[2] if len(parts) == 3 and parts[1].upper() == "AS" else None
            stages.append({"image": parts[0], "name": name, "steps": []})
        else:
            assert stages, "an instruction before FROM"
            stages[-1]["steps"].append((instruction, args))
    assert len(stages) == 2, [s["image"] for s in stages]
    build, runtime = stages
    assert build["image"].startswith("swift:6.3") and build["name"] == "build"
    assert runtime["image"] == "debian:12-slim"
    build_runs = " ".join(a for i, a in build["steps"] if i == "RUN")
    for product in ("craftd", "craftctl"):
        assert re.search(rf"swift build -c release [^&]*--product {product}\b", build_runs), product
    assert "lang-nghe-connect_craftd.resources" in build_runs, "craftd's resource bundle is not copied"

    runs = " ".join(a for i, a in runtime["steps"] if i == "RUN")
    installed = set(re.search(r"apt-get install -y --no-install-recommends ([^&]*)", runs).group(1).split())
    # Our C modules' libraries, and the C++ runtime the static Swift runtime links dynamically.
    assert installed == {"libnghttp2-14", "libsqlite3-0", "zlib1g", "libstdc++6"}, installed
    names = {s["name"] for s in stages if s["name"]}
    for instruction, args in runtime["steps"]:
        if instruction == "COPY" and "--from=" in args:
            assert re.search(r"--from=(\S+)", args).group(1) in names

    env = {}
    for instruction, args in runtime["steps"]:
        if instruction == "ENV":
            env.update(dict(re.findall(r"(\w+)=(\S+)", args)))
    check_env(craftd, env, "Dockerfile ENV")
    exposed = {int(p) for i, a in runtime["steps"] if i == "EXPOSE" for p in a.split()}
    assert exposed == {int(env["CRAFTD_PORT"]), int(env["CRAFTD_METRICS_PORT"])}
    steps = dict(runtime["steps"])
    health = exec_form(steps["HEALTHCHECK"].split("CMD", 1)[1].strip())
    check_command(craftd, health, "Dockerfile HEALTHCHECK")
    assert port_of(flag_value(health, "--addr")) == int(env["CRAFTD_PORT"])
    command = exec_form(steps["ENTRYPOINT"]) + exec_form(steps["CMD"])
    check_command(craftd, command, "Dockerfile ENTRYPOINT+CMD")
    assert Path(env["CRAFTD_DATA_DIR"]).as_posix() in steps["VOLUME"]


# --- compose + Envoy ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def running(env: dict) -> str:
    services = str(env.get("CRAFTD_SERVICES", "")).split(",")
    assert len(services) == 1 and services[0] in NAMES, services
    return services[0]


def test_compose_services_agree_with_craftd(craftd, compose):
    services = compose["services"]
    by_service = {running(s["environment"]): name for name, s in services.items()
                  if "environment" in s and "CRAFTD_SERVICES" in s["environment"]}
    assert sorted(by_service) == sorted(NAMES), "each service runs in exactly one compose service"
    address_of = {svc: f"{name}:{services[name]['environment']['CRAFTD_PORT']}" for svc, name in by_service.items()}
    data_volumes = set()
    for svc, name in by_service.items():
        service = services[name]
        env = {k: str(v) for k, v in service["environment"].items()}
        check_env(craftd, env, f"compose {name}")
        check_peers(env, svc, address_of, f"compose {name}")
        test = service["healthcheck"]["test"]
        assert test[0] == "CMD"
        check_command(craftd, test[1:], f"compose {name} healthcheck")
        assert flag_value(test, "--service") == SERVICES[svc]
        assert port_of(flag_value(test, "--addr")) == int(env["CRAFTD_PORT"])
        mounts = dict(reversed(v.split(":")[:2]) for v in service["volumes"])
        data_volumes.add(mounts[env["CRAFTD_DATA_DIR"]])
        assert mounts[env["CRAFTD_AUTH_DIR"]] == "auth", f"{name}: the auth directory is not the shared volume"
        assert set(mounts.values()) <= set(compose["volumes"])
        for dependency in service.get("depends_on", {}):
            assert dependency in services
    assert len(data_volumes) == 3, "each service needs a volume of its own"


@pytest.fixture(scope="module")
def envoy():
    return yaml.safe_load((DEPLOY / "envoy/envoy.yaml").read_text())


def test_envoy_routes_every_grpc_service_to_its_container(compose, envoy):
    services = compose["services"]
    listener = envoy["static_resources"]["listeners"][0]
    chain = listener["filter_chains"][0]
    tls = chain["transport_socket"]["typed_config"]
    assert tls["@type"].endswith("DownstreamTlsContext")
    certificate = tls["common_tls_context"]["tls_certificates"][0]
    hcm = chain["filters"][0]["typed_config"]
    filters = [f["name"] for f in hcm["http_filters"]]
    assert "envoy.filters.http.grpc_web" in filters and filters[-1] == "envoy.filters.http.router"

    # Envoy in compose: its config and certificates are mounted where envoy.yaml reads them.
    edge = services["envoy"]
    mounts = {v.split(":")[1]: v.split(":")[0] for v in edge["volumes"]}
    config = flag_value(edge["command"], "--config-path")
    assert (DEPLOY / mounts[config]).resolve() == (DEPLOY / "envoy/envoy.yaml").resolve()
    cert_dir = str(Path(certificate["certificate_chain"]["filename"]).parent)
    assert cert_dir in mounts and Path(certificate["private_key"]["filename"]).parent == Path(cert_dir)
    published = {int(p.split(":")[-1]) for p in edge["ports"]}
    assert listener["address"]["socket_address"]["port_value"] in published

    clusters = {c["name"]: c for c in envoy["static_resources"]["clusters"]}
    routes = hcm["route_config"]["virtual_hosts"][0]["routes"]
    routed = {r["match"]["prefix"]: r["route"]["cluster"] for r in routes}
    assert sorted(routed) == sorted(f"/{name}/" for name in SERVICES.values())
    for svc, grpc_name in SERVICES.items():
        cluster = clusters[routed[f"/{grpc_name}/"]]
        address = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"][0]["endpoint"]["address"]["socket_address"]
        target = services[address["address"]]
        assert running(target["environment"]) == svc, f"{grpc_name} is routed to {address['address']}"
        assert address["port_value"] == int(target["environment"]["CRAFTD_PORT"])
        assert cluster["health_checks"][0]["grpc_health_check"]["service_name"] == grpc_name
        options = cluster["typed_extension_protocol_options"]["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]
        assert "http2_protocol_options" in options["explicit_http_config"], "gRPC upstreams need HTTP/2"


# --- Kubernetes ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def k8s():
    kustomization = yaml.safe_load((DEPLOY / "k8s/kustomization.yaml").read_text())
    docs = []
    for resource in kustomization["resources"]:
        docs += [d for d in yaml.safe_load_all((DEPLOY / "k8s" / resource).read_text()) if d]
    return docs


def of_kind(docs, kind):
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def test_kubernetes_statefulsets_services_probes_and_budgets(craftd, k8s):
    config = of_kind(k8s, "ConfigMap")["craftd"]["data"]
    check_env(craftd, config, "k8s ConfigMap craftd")
    port, metrics_port = int(config["CRAFTD_PORT"]), int(config["CRAFTD_METRICS_PORT"])
    services, budgets = of_kind(k8s, "Service"), of_kind(k8s, "PodDisruptionBudget")
    claims = of_kind(k8s, "PersistentVolumeClaim")
    sets = of_kind(k8s, "StatefulSet")
    by_service = {}
    for name, sts in sets.items():
        pod = sts["spec"]["template"]
        labels = pod["metadata"]["labels"]
        assert sts["spec"]["selector"]["matchLabels"].items() <= labels.items()
        container = next(c for c in pod["spec"]["containers"] if c["name"] == "craftd")
        assert {"configMapRef": {"name": "craftd"}} in container["envFrom"]
        env = {**config, **{e["name"]: str(e["value"]) for e in container.get("env", [])}}
        check_env(craftd, env, f"k8s {name}")
        svc = running(env)
        by_service[svc] = (name, env, labels)
        check_command(craftd, ["craftd", *container.get("args", [])], f"k8s {name} args")
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports == {"grpc": port, "metrics": metrics_port}
        assert int(pod["metadata"]["annotations"]["prometheus.io/port"]) == metrics_port
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            assert container[probe]["grpc"]["port"] == port, f"{name} {probe}"
        assert container["readinessProbe"]["grpc"]["service"] == SERVICES[svc]
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][kind]), f"{name} {kind}"
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        templates = {t["metadata"]["name"] for t in sts["spec"]["volumeClaimTemplates"]}
        assert mounts[env["CRAFTD_DATA_DIR"]] in templates, f"{name}: data directory not on its own volume"
        volumes = {v["name"]: v for v in pod["spec"]["volumes"]}
        auth = volumes[mounts[env["CRAFTD_AUTH_DIR"]]]
        assert auth["persistentVolumeClaim"]["claimName"] in claims
        governing = services[sts["spec"]["serviceName"]]
        assert governing["spec"]["clusterIP"] == "None"
        assert governing["spec"]["selector"].items() <= labels.items()
        budget = budgets[name]
        assert budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
        # The auth key comes from a Secret into the shared auth directory.
        init = pod["spec"]["initContainers"][0]
        init_mounts = {m["mountPath"]: m["name"] for m in init["volumeMounts"]}
        assert init_mounts[env["CRAFTD_AUTH_DIR"]] == mounts[env["CRAFTD_AUTH_DIR"]]
        assert any("secret" in volumes[v] for v in init_mounts.values())
    assert sorted(by_service) == sorted(NAMES)

    address_of = {}
    for svc, (name, _, labels) in by_service.items():
        service = services[name]
        assert service["spec"]["selector"].items() <= labels.items()
        grpc_port = next(p for p in service["spec"]["ports"] if p["name"] == "grpc")
        assert grpc_port["targetPort"] in ("grpc", port)
        address_of[svc] = f"{name}:{grpc_port['port']}"
    for svc, (name, env, _) in by_service.items():
        check_peers(env, svc, address_of, f"k8s {name}")


# --- systemd ------------------------------------------------------------------------------

def unit_file(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sections → (key, value) in order; systemd allows a key more than once (Environment=)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
            continue
        key, sep, value = line.partition("=")
        assert sep and current, f"{path}: {raw!r}"
        sections[current].append((key.strip(), value.strip()))
    return sections


HARDENING = {
    "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
    "PrivateDevices": "yes", "RestrictNamespaces": "yes", "MemoryDenyWriteExecute": "yes",
    "CapabilityBoundingSet": "", "SystemCallArchitectures": "native",
}


def test_systemd_units(craftd):
    units = {p.name: unit_file(p) for p in sorted((DEPLOY / "systemd").glob("*.service"))}
    target = unit_file(DEPLOY / "systemd/craftd.target")
    wants = " ".join(v for k, v in target["Unit"] if k == "Wants").split()
    assert sorted(wants) == sorted(units)
    by_service, address_of = {}, {}
    for name, unit in units.items():
        service = dict(unit["Service"])
        env = dict(v.split("=", 1) for k, v in unit["Service"] if k == "Environment")
        check_env(craftd, env, name)
        svc = running(env)
        by_service[svc] = (name, env)
        address_of[svc] = f"{env['CRAFTD_HOST']}:{env['CRAFTD_PORT']}"
        check_command(craftd, shlex.split(service["ExecStart"]), f"{name} ExecStart")
        for key, value in HARDENING.items():
            assert service.get(key) == value, f"{name}: {key}={service.get(key)!r}, want {value!r}"
        assert ("PartOf", "craftd.target") in unit["Unit"]
        assert ("WantedBy", "craftd.target") in unit["Install"]
        state = service["StateDirectory"].split()
        assert env["CRAFTD_DATA_DIR"] == f"/var/lib/{state[0]}" and f"/var/lib/{state[1]}" == env["CRAFTD_AUTH_DIR"]
    assert sorted(by_service) == sorted(NAMES)
    ports = [int(e["CRAFTD_PORT"]) for _, e in by_service.values()] + \
        [int(e["CRAFTD_METRICS_PORT"]) for _, e in by_service.values()]
    assert len(set(ports)) == len(ports), "units on one host need distinct ports"
    assert len({e["CRAFTD_AUTH_DIR"] for _, e in by_service.values()}) == 1, "one shared auth directory"
    for svc, (name, env) in by_service.items():
        check_peers(env, svc, address_of, name)


def test_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    # The units name the installed binary; verify them against the built one.
    for path in (DEPLOY / "systemd").iterdir():
        if path.suffix in (".service", ".target"):
            (tmp_path / path.name).write_text(path.read_text().replace("/usr/local/bin/craftd", str(Path(CRAFTD).resolve())))
    units = sorted(str(p) for p in tmp_path.iterdir())
    result = subprocess.run([analyze, "verify", "--man=no", *units], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and not result.stderr.strip() and not result.stdout.strip(), \
        result.stdout + result.stderr


# --- README -------------------------------------------------------------------------------

def test_readme_names_only_real_variables_and_commands(craftd):
    text = (DEPLOY / "README.md").read_text()
    check_env(craftd, set(re.findall(r"\bCRAFTD_[A-Z0-9_]+\b", text)), "Deploy/README.md")
    for line in re.findall(r"^\s*(?:\$ )?((?:\S*/)?craftd [^\n#|]*)", text, re.M):
        argv = shlex.split(line.replace("\\", " "))
        if Path(argv[0]).name == "craftd" and len(argv) > 1:
            check_command(craftd, argv, f"Deploy/README.md: {line}")
