"""The deployment files in deploy/: a hub on one server (TLJH layout) and Zero to JupyterHub.

Neither can run here (no systemd, no Kubernetes): these tests check what can be checked without them. The
hub's configuration loads and sets the spawner, the people and the exchange; the set-up script's dry run lists
every step, changes nothing and notices what is already done; the Helm values hold the keys the chart reads;
the single-user image is built from files that exist in a freshly built learner edition.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from traitlets.config import Config

from caiokit.learner_edition import DEFAULT_EXCHANGE

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "deploy" / "jupyterhub"
Z2JH = ROOT / "deploy" / "z2jh"
# The top-level keys of the chart's values.schema.yaml (Zero to JupyterHub 4.x).
CHART_KEYS = {
    "enabled", "fullnameOverride", "nameOverride", "imagePullSecret", "imagePullSecrets", "hub", "proxy",
    "singleuser", "scheduling", "ingress", "httpRoute", "prePuller", "custom", "cull", "debug", "rbac", "global",
}  # fmt: skip
STEPS = 11


def load_setup_hub():
    spec = importlib.util.spec_from_file_location("setup_hub", HUB / "setup_hub.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["setup_hub"] = module
    spec.loader.exec_module(module)
    return module


setup_hub = load_setup_hub()


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, Path]:
    """Two learner editions, built as the README says: for the default exchange, and for a scratch one."""
    base = tmp_path_factory.mktemp("editions")
    exchange = base / "exchange"
    exchange.mkdir()
    exchange.chmod(0o1777)
    built = {"default": base / "default", "scratch": base / "scratch"}
    for name, options in (("default", []), ("scratch", [f"--exchange={exchange}"])):
        result = subprocess.run(
            [sys.executable, "-m", "caiokit.authoring", "learner-edition", str(built[name]), *options],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
    return {**built, "exchange": exchange}


def dry_run(*options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HUB / "setup_hub.py"), "--dry-run", *options],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


# --- one server ------------------------------------------------------------------------------------------------


def hub_config(settings: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Config:
    """The hub's configuration as JupyterHub loads it, with caiokit_hub.json holding ``settings``."""
    path = tmp_path / "caiokit_hub.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    monkeypatch.setenv("CAIOKIT_HUB_SETTINGS", str(path))
    config = Config()
    exec(
        (HUB / "jupyterhub_config.py").read_text(encoding="utf-8"),
        {"get_config": lambda: config, "__file__": str(HUB / "jupyterhub_config.py")},
    )  # noqa: S102 - the project's own config
    return config


def hub_options(edition: Path, course: Path = ROOT) -> object:
    return setup_hub.Options(
        edition=edition, instructor="ada", learners=("bob", "eve"), course=course, prefix=Path("/opt/caiokit"),
        exchange=Path(DEFAULT_EXCHANGE), repo="file:///opt/caiokit/learner-edition", hub_url="http://127.0.0.1:8000",
        course_id="caio101",
    )  # fmt: skip


def test_the_hub_config_sets_spawner_people_and_exchange(editions, monkeypatch, tmp_path):
    config = hub_config(setup_hub.settings(hub_options(editions["default"])), monkeypatch, tmp_path)
    assert config.JupyterHub.spawner_class == "jupyterhub.spawner.LocalProcessSpawner"
    assert config.JupyterHub.authenticator_class == "jupyterhub.auth.PAMAuthenticator"
    assert config.Authenticator.allowed_users == {"ada", "bob", "eve"}
    assert config.Authenticator.admin_users == {"ada"}
    assert config.JupyterHub.bind_url.startswith("http://127.0.0.1:")
    assert config.JupyterHub.hub_ip == "127.0.0.1"
    assert config.Spawner.cmd == ["/opt/caiokit/user/bin/jupyterhub-singleuser"]
    assert config.Spawner.environment["CAIOKIT_EXCHANGE"] == DEFAULT_EXCHANGE
    assert config.Spawner.environment["PATH"].startswith("/opt/caiokit/user/bin:")
    assert config.JupyterHub.db_url == "sqlite:////opt/caiokit/state/jupyterhub.sqlite"


def test_only_the_instructor_runs_from_the_course_environment(editions, monkeypatch, tmp_path):
    config = hub_config(setup_hub.settings(hub_options(editions["default"])), monkeypatch, tmp_path)
    spawners = {
        name: SimpleNamespace(user=SimpleNamespace(name=name), cmd=list(config.Spawner.cmd),
                              environment=dict(config.Spawner.environment))
        for name in ("ada", "bob")
    }  # fmt: skip
    for spawner in spawners.values():
        config.Spawner.pre_spawn_hook(spawner)
    assert spawners["ada"].cmd == [str(ROOT / ".venv" / "bin" / "jupyterhub-singleuser")]
    assert spawners["ada"].environment["PATH"].startswith(f"{ROOT / '.venv' / 'bin'}:")
    assert spawners["bob"].cmd == config.Spawner.cmd
    assert spawners["bob"].environment == config.Spawner.environment


def test_the_dry_run_lists_every_step_and_changes_nothing(editions, tmp_path):
    prefix = tmp_path / "opt"
    result = dry_run("--edition", str(editions["default"]), "--instructor", "ada", "--learner", "bob",
                     "--learner", "eve", "--course", str(ROOT), "--prefix", str(prefix))  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Dry run: nothing is changed. {STEPS} steps")
    titles = re.findall(rf"^\[(\d+)/{STEPS}\] (.+)$", out, flags=re.M)
    assert [int(number) for number, _ in titles] == list(range(1, STEPS + 1))
    for expected in ("configurable-http-proxy", "jupyterhub==6.1.1", "Exchange", "/etc/jupyter/nbgrader_config.py",
                     "Accounts ada, bob, eve", "Instructor ada", "nbgitpuller", "Service caiokit-hub"):  # fmt: skip
        assert any(expected in title for _, title in titles), expected
    commands = [shlex.split(line.strip()[2:]) for line in out.splitlines() if line.strip().startswith("$ ")]
    assert [str(prefix / "user" / "bin" / "jupyter"), "labextension", "disable", "--level=sys_prefix",
            "@jupyter/nbgrader:formgrader"] in commands  # fmt: skip
    assert "/hub/user-redirect/git-pull?repo=file%3A%2F%2F" in out
    assert "urlpath=lab%2Ftree%2Fcaio101%2Fnotebooks%2F00_start_here.ipynb" in out
    assert not prefix.exists()


def test_the_dry_run_skips_what_is_already_done(editions, tmp_path):
    """The exchange made with its mode and the hub's configuration already in place are left as they are."""
    prefix = tmp_path / "opt"
    options = setup_hub.options_from(
        SimpleNamespace(edition=str(editions["scratch"]), instructor="ada", learner=["bob"], course=str(ROOT),
                        prefix=str(prefix), exchange=str(editions["exchange"]), repo=None, hub_url="http://127.0.0.1:8000")
    )  # fmt: skip
    (prefix / "config").mkdir(parents=True)
    (prefix / "config" / "jupyterhub_config.py").write_text((HUB / "jupyterhub_config.py").read_text())
    (prefix / "config" / "caiokit_hub.json").write_text(
        json.dumps(setup_hub.settings(options), indent=1) + "\n"
    )
    result = dry_run("--edition", str(editions["scratch"]), "--instructor", "ada", "--learner", "bob", "--course",
                     str(ROOT), "--prefix", str(prefix), "--exchange", str(editions["exchange"]))  # fmt: skip
    assert result.returncode == 0, result.stderr
    steps = re.findall(r"^\[\d+/\d+\] (.+)\n(    already done$)?", result.stdout, flags=re.M)
    done = [title for title, mark in steps if mark]
    assert any(title.startswith(f"Exchange {editions['exchange']}: mode 1777") for title in done)
    assert any(title.startswith("Hub configuration") for title in done)
    assert not any(title.startswith("Accounts") for title in done)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"--edition": str(ROOT)}, "is not a learner edition"),
        ({"--exchange": "/srv/elsewhere"}, "was built for the exchange /srv/nbgrader/exchange, not /srv/elsewhere"),
        ({"--instructor": "Ada Lovelace"}, "'Ada Lovelace' is not a usable account name"),
        ({"--course": "/nonexistent"}, "/nonexistent is not the course directory"),
    ],
    ids=["not an edition", "other exchange", "bad account name", "no course"],
)  # fmt: skip
def test_the_setup_script_refuses_bad_input_clearly(editions, change, message):
    options = {"--edition": str(editions["default"]), "--instructor": "ada", "--course": str(ROOT)} | change
    result = dry_run(*(part for pair in options.items() for part in pair))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


# --- Zero to JupyterHub ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((Z2JH / "values.yaml").read_text(encoding="utf-8"))


def test_the_helm_values_hold_the_keys_the_chart_reads(values):
    assert set(values) <= CHART_KEYS
    singleuser = values["singleuser"]
    assert singleuser["image"]["name"] and singleuser["image"]["tag"]
    volumes = {v["name"] for v in singleuser["storage"]["extraVolumes"]}
    mounts = {m["mountPath"]: m["name"] for m in singleuser["storage"]["extraVolumeMounts"]}
    assert mounts[DEFAULT_EXCHANGE] in volumes
    assert singleuser["extraEnv"]["CAIOKIT_EXCHANGE"] == DEFAULT_EXCHANGE
    assert values["hub"]["config"]["Authenticator"]["admin_users"] == ["INSTRUCTOR"]


def test_only_the_instructor_pod_gets_the_gradebook_and_each_pod_its_own_uid(values):
    config = Config()
    exec(values["hub"]["extraConfig"]["caiokit"], {"c": config})  # noqa: S102 - the project's own config
    pods = {}
    for number, name in enumerate(("INSTRUCTOR", "learner1", "learner2"), start=1):
        pods[name] = SimpleNamespace(user=SimpleNamespace(name=name, id=number), environment={}, volumes=[],
                                     volume_mounts=[], uid=None, gid=None)  # fmt: skip
        config.KubeSpawner.pre_spawn_hook(pods[name])
    assert len({pod.uid for pod in pods.values()}) == 3
    secret = pods["INSTRUCTOR"].environment["CAIOKIT_GRADEBOOK_URL"]["valueFrom"]["secretKeyRef"]
    assert secret == {"name": "caio101-gradebook", "key": "url"}
    assert [m["mountPath"] for m in pods["INSTRUCTOR"].volume_mounts] == ["/home/jovyan/caio101"]
    for learner in ("learner1", "learner2"):
        assert pods[learner].environment == {} and pods[learner].volume_mounts == []


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (Z2JH / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_the_image_installs_the_learner_edition(editions):
    instructions = dockerfile_instructions()
    copies = [args.split() for kind, args in instructions if kind == "COPY"]
    assert copies, "the Dockerfile copies nothing from the learner edition"
    for *sources, _ in copies:
        for source in sources:
            assert (editions["default"] / source).exists(), f"COPY {source}: not in the learner edition"
    assert {source.rstrip("/") for *sources, _ in copies for source in sources} >= {
        "requirements.txt",
        "wheels",
    }
    runs = " ".join(args for kind, args in instructions if kind == "RUN")
    assert "pip install --no-cache-dir -r requirements.txt" in runs
    assert "@jupyter/nbgrader:formgrader" in runs
    exchange = re.search(
        r'c\.Exchange\.root = "(.+)"', (editions["default"] / "nbgrader_config.py").read_text()
    )
    assert exchange[1] == DEFAULT_EXCHANGE
