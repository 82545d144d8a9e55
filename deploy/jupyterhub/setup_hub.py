"""Set up JupyterHub for the CAIO course on one Linux server (Debian or Ubuntu), in the layout of The Littlest
JupyterHub: a hub environment and one shared user environment under /opt/caiokit, system users, the exchange.

    sudo python3 deploy/jupyterhub/setup_hub.py --edition ../caio101-learner --instructor ada \\
        --learner bob --learner eve [--course /home/ada/caio101] [--repo URL] [--port 8000] [--dry-run]

``--edition`` is a learner edition (``python -m caiokit.authoring learner-edition OUT``); ``--course`` the
instructor's clone of the course repository. Every step is printed; a step already done is skipped, so running
the script again (for a new learner, a new edition) changes only what differs. ``--dry-run`` prints what it
would do and changes nothing. ``--no-system-packages`` only checks that the system packages and
configurable-http-proxy are there (and stops, saying what is missing) instead of installing them;
``--no-service`` installs no systemd unit (the script then prints how to start the hub). Only the Python
standard library is used, so the system's python3 runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUPYTERHUB = "jupyterhub==6.1.1"
NBGITPULLER = "nbgitpuller==1.3.0"
# The installer of the three environments: pip puts it in the hub's environment, then it installs JupyterHub
# there and the other two environments from PyPI (downloads in parallel, each wheel unpacked once in its user's
# cache), about four times as fast as pip. It reads its index from UV_INDEX_URL, not from pip's settings, and
# trusts the system's certificates (--system-certs), as pip does, so that a proxy the machine trusts works.
UV = "uv==0.13.9"
PROXY = "configurable-http-proxy@5.3.0"
SYSTEM_PACKAGES = ("python3-venv", "git", "rsync", "nodejs", "npm", "bubblewrap")
EDITION_MARKER = ".caiokit-learner-edition.json"
# Learners must not see the instructor's tools (nbgrader documents these commands to hide them).
INSTRUCTOR_EXTENSIONS = (
    ["labextension", "disable", "--level=sys_prefix", "@jupyter/nbgrader:formgrader"],
    ["labextension", "disable", "--level=sys_prefix", "@jupyter/nbgrader:create-assignment"],
    ["server", "extension", "disable", "--sys-prefix", "nbgrader.server_extensions.formgrader"],
)
USER_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
SERVICE = "caiokit-hub"
# The hub listens on PORT; its own API and the proxy's API take PORT + 81 and PORT + 1 (JupyterHub's defaults,
# 8081 and 8001, for the default 8000). All three on 127.0.0.1 only.
DEFAULT_PORT = 8000
HUB_API_OFFSET, PROXY_API_OFFSET = 81, 1


class SetupError(Exception):
    """The server cannot be set up as asked; the message says what to change."""


@dataclass(frozen=True)
class Options:
    edition: Path
    instructor: str
    learners: tuple[str, ...]
    course: Path
    prefix: Path
    exchange: Path
    repo: str
    hub_url: str
    course_id: str
    port: int = DEFAULT_PORT
    install_packages: bool = True
    install_service: bool = True


class Host:
    """The machine: every change goes through ``run`` or ``write``, which only print in a dry run."""

    def __init__(self, dry_run: bool):
        self.dry_run = dry_run

    def run(self, *command: str, user: str | None = None, cwd: Path | None = None) -> None:
        full = ["runuser", "-u", user, "--", *command] if user else list(command)
        print(f"    $ {'cd ' + shlex.quote(str(cwd)) + ' && ' if cwd else ''}{shlex.join(full)}")
        if not self.dry_run:
            subprocess.run(full, cwd=cwd, check=True)

    def write(self, path: Path, text: str, mode: int = 0o644) -> None:
        print(f"    write {path} (mode {mode:o})")
        if not self.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            path.chmod(mode)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _mode(path: Path) -> int | None:
    return path.stat().st_mode & 0o7777 if path.exists() else None


def _account(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


# What the system packages provide, as the script checks it: the tools on PATH (and python3's venv module).
SYSTEM_TOOLS = ("git", "rsync", "node", "npm", "bwrap")


def _has(tool: str) -> bool:
    return shutil.which(tool) is not None


def _has_venv() -> bool:
    return _output(["python3", "-c", "import ensurepip, venv; print('ok')"]) == "ok"


def _output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def settings(options: Options) -> dict:
    """What jupyterhub_config.py reads from caiokit_hub.json."""
    return {
        "prefix": str(options.prefix),
        "instructor": options.instructor,
        "learners": list(options.learners),
        "course": str(options.course),
        "exchange": str(options.exchange),
        "bind_url": f"http://127.0.0.1:{options.port}",
        "hub_port": options.port + HUB_API_OFFSET,
        "proxy_api_url": f"http://127.0.0.1:{options.port + PROXY_API_OFFSET}",
        "proxy": shutil.which("configurable-http-proxy") or "/usr/local/bin/configurable-http-proxy",
    }


def git_config(options: Options) -> str:
    """The git settings of every single-user server where the edition is published on this server
    (config/gitconfig, named by GIT_CONFIG_SYSTEM in jupyterhub_config.py).

    Learners clone the published edition, which root owns: git refuses a repository another account owns
    unless it is a safe.directory of the system or global settings. Git 2.39 (Debian 12) checks the .git
    folder when it serves a clone, newer versions the work tree: both are listed. The server's own
    /etc/gitconfig still applies, through the include.
    """
    published = options.prefix / "learner-edition"
    return (
        "# Written by setup_hub.py: the git settings of the hub's users.\n"
        f"[include]\n\tpath = /etc/gitconfig\n[safe]\n\tdirectory = {published}\n\tdirectory = {published / '.git'}\n"
    )


def nbgitpuller_link(options: Options) -> str:
    """The link that gives a learner the lessons: it clones (then updates) the edition into ~/caio101."""
    query = urllib.parse.urlencode(
        {
            "repo": options.repo,
            "branch": "main",
            "targetPath": options.course_id,
            "urlpath": f"lab/tree/{options.course_id}/notebooks/00_start_here.ipynb",
        }
    )
    return f"{options.hub_url}/hub/user-redirect/git-pull?{query}"


def instructor_config(options: Options) -> str:
    """The instructor's ~/.jupyter/nbgrader_config.py: the course's own settings, so the Formgrader uses them."""
    return (
        "c = get_config()  # noqa: F821\n"
        "# The course directory's settings: its root, the grading sandbox, the late policy, the exchange.\n"
        f'load_subconfig("{options.course / "nbgrader_config.py"}")  # noqa: F821\n'
    )


def start_command(options: Options) -> str:
    """How to start the hub by hand (as root, from its state folder), where no systemd unit runs it."""
    hub, config = options.prefix / "hub", options.prefix / "config"
    return (
        f"start the hub as root with `cd {options.prefix / 'state'} && {hub / 'bin' / 'jupyterhub'} "
        f"-f {config / 'jupyterhub_config.py'}` (PATH starting with {hub / 'bin'})"
    )


def service_unit(options: Options) -> str:
    hub = options.prefix / "hub"
    return f"""[Unit]
Description=JupyterHub for the CAIO course ({options.course_id})
After=network.target

[Service]
User=root
Environment=PATH={hub / "bin"}:/usr/local/bin:/usr/bin:/bin
WorkingDirectory={options.prefix / "state"}
ExecStart={hub / "bin" / "jupyterhub"} -f {options.prefix / "config" / "jupyterhub_config.py"}
Restart=on-failure

[Install]
WantedBy=multi-user.target
"""


@dataclass(frozen=True)
class Step:
    title: str
    done: Callable[[], bool]
    apply: Callable[[Host], None]
    skipped: str = ""  # why the step is left out on this run, if it is


def steps(options: Options) -> list[Step]:
    """Every step of the set-up, in order; each knows whether it is already done."""
    hub, user_env, config = options.prefix / "hub", options.prefix / "user", options.prefix / "config"
    edition_stamp = user_env / "caiokit-edition-requirements.txt"
    requirements = (options.edition / "requirements.txt").read_text(encoding="utf-8")
    learner_settings = (options.edition / "nbgrader_config.py").read_text(encoding="utf-8")
    # In the shared environment's own Jupyter settings folder (sys.prefix/etc/jupyter), which every program
    # run from that environment reads: every learner's JupyterLab and nbgrader, and nothing else on the server.
    learner_settings_file = user_env / "etc" / "jupyter" / "nbgrader_config.py"
    course_env = options.course / ".venv"
    published = options.prefix / "learner-edition"
    hub_settings = json.dumps(settings(options), indent=1) + "\n"
    people = (options.instructor, *options.learners)

    uv = str(hub / "bin" / "uv")

    def install(host: Host, environment: Path, *requirements: str, **where: object) -> None:
        """Install into an environment with the hub's uv, compiled to bytecode as pip does by default."""
        python = str(environment / "bin" / "python")
        host.run(
            uv,
            "pip",
            "install",
            "-q",
            "--system-certs",
            "--compile-bytecode",
            "--python",
            python,
            *requirements,
            **where,
        )

    def hub_environment(host: Host) -> None:
        host.run("python3", "-m", "venv", str(hub))
        host.run(str(hub / "bin" / "pip"), "install", "-q", UV)
        install(host, hub, JUPYTERHUB)

    def exchange(host: Host) -> None:
        host.run("mkdir", "-p", str(options.exchange))
        host.run("chmod", "1777", str(options.exchange))

    def packages(host: Host) -> None:
        if not options.install_packages:
            missing = [tool for tool in SYSTEM_TOOLS if not _has(tool)]
            missing += [] if _has_venv() else ["python3's venv module"]
            raise SetupError(
                f"--no-system-packages, but this is missing: {', '.join(missing)}. Install it with "
                f"`apt-get install {' '.join(SYSTEM_PACKAGES)}`, or run the script without --no-system-packages."
            )
        host.run("apt-get", "update", "-q")
        host.run("apt-get", "install", "-y", "-q", *SYSTEM_PACKAGES)

    def proxy(host: Host) -> None:
        if not options.install_packages:
            raise SetupError(
                f"--no-system-packages, but configurable-http-proxy is missing: npm install -g {PROXY}, "
                "or run the script without --no-system-packages."
            )
        host.run("npm", "install", "-g", PROXY)

    def user_environment(host: Host) -> None:
        if not (user_env / "bin" / "python").exists():
            host.run("python3", "-m", "venv", str(user_env))
        install(host, user_env, "-r", "requirements.txt", JUPYTERHUB, NBGITPULLER, cwd=options.edition)
        for command in INSTRUCTOR_EXTENSIONS:
            host.run(str(user_env / "bin" / "jupyter"), *command)
        host.write(edition_stamp, requirements)

    def accounts(host: Host) -> None:
        for name in people:
            if _account(name) is None:
                host.run("useradd", "--create-home", "--shell", "/bin/bash", name)
                print(f"    (then give {name} a password: passwd {name})")
            host.run("chmod", "700", f"/home/{name}")

    def instructor_environment(host: Host) -> None:
        host.run("chown", "-R", f"{options.instructor}:", str(options.course))
        host.run("chmod", "700", str(options.course))
        if not (course_env / "bin" / "python").exists():
            host.run("python3", "-m", "venv", str(course_env), user=options.instructor)
        install(
            host,
            course_env,
            "-r",
            "requirements.txt",
            JUPYTERHUB,
            user=options.instructor,
            cwd=options.course,
        )
        target = Path(f"/home/{options.instructor}/.jupyter/nbgrader_config.py")
        host.write(target, instructor_config(options))
        host.run("chown", "-R", f"{options.instructor}:", str(target.parent))

    def publish_edition(host: Host) -> None:
        if not (published / ".git").is_dir():
            host.run("git", "init", "-q", "-b", "main", str(published))
        host.run("rsync", "-a", "--delete", "--exclude=.git", f"{options.edition}/", f"{published}/")
        host.run("git", "-C", str(published), "add", "-A")
        host.run("git", "-C", str(published), "-c", "user.name=caiokit", "-c", "user.email=caiokit@localhost",
                 "commit", "-q", "--allow-empty", "-m", "Learner edition")  # fmt: skip
        host.write(config / "gitconfig", git_config(options))

    def hub_configuration(host: Host) -> None:
        host.write(
            config / "jupyterhub_config.py", (HERE / "jupyterhub_config.py").read_text(encoding="utf-8")
        )
        host.write(config / "caiokit_hub.json", hub_settings)
        host.run("install", "-d", "-m", "700", str(options.prefix / "state"))

    def service(host: Host) -> None:
        host.write(Path(f"/etc/systemd/system/{SERVICE}.service"), service_unit(options))
        if Path("/run/systemd/system").is_dir():
            host.run("systemctl", "daemon-reload")
            host.run("systemctl", "enable", SERVICE)
            host.run("systemctl", "restart", SERVICE)
        else:
            print(f"    no systemd here: {start_command(options)}")

    def edition_is_published() -> bool:
        if options.repo != published.as_uri():
            return True  # the learners pull from the instructor's own repository
        changes = _output(["git", "-C", str(published), "status", "--porcelain"])
        return (
            (published / ".git").is_dir()
            and not changes
            and _read(published / EDITION_MARKER) == _read(options.edition / EDITION_MARKER)
            and _read(config / "gitconfig") == git_config(options)
        )

    only_checked = "" if options.install_packages else " (--no-system-packages: checked, not installed)"
    return [
        Step(
            f"System packages: {', '.join(SYSTEM_PACKAGES)}{only_checked}",
            lambda: all(_has(tool) for tool in SYSTEM_TOOLS) and _has_venv(),
            packages,
        ),
        Step(
            f"configurable-http-proxy from npm ({PROXY}){only_checked}",
            lambda: _has("configurable-http-proxy"),
            proxy,
        ),
        Step(
            f"Hub environment {hub} ({JUPYTERHUB}, {UV})",
            lambda: (
                _output([str(hub / "bin" / "jupyterhub"), "--version"]) == JUPYTERHUB.split("==")[1]
                and _output([uv, "--version"]).split(" ")[1:2] == UV.split("==")[1:]
            ),
            hub_environment,
        ),
        Step(
            f"Shared user environment {user_env}: the learner edition, {JUPYTERHUB}, {NBGITPULLER}",
            lambda: _read(edition_stamp) == requirements,
            user_environment,
        ),
        Step(
            f"Exchange {options.exchange}: mode 1777 (nbgrader's `chmod ugo+rw`, with the sticky bit)",
            lambda: _mode(options.exchange) == 0o1777,
            exchange,
        ),
        Step(
            f"Learners' nbgrader settings {learner_settings_file} (course id and exchange)",
            lambda: _read(learner_settings_file) == learner_settings,
            lambda host: host.write(learner_settings_file, learner_settings),
        ),
        Step(
            f"Accounts {', '.join(people)}: homes only their owner reads",
            lambda: all(_account(n) and _mode(Path(f"/home/{n}")) == 0o700 for n in people),
            accounts,
        ),
        Step(
            f"Instructor {options.instructor} grades in {options.course} (course environment, Formgrader settings)",
            lambda: (
                (course_env / "bin" / "jupyterhub-singleuser").exists()
                and _read(Path(f"/home/{options.instructor}/.jupyter/nbgrader_config.py"))
                == instructor_config(options)
                and _mode(options.course) == 0o700
            ),
            instructor_environment,
        ),
        Step(
            f"Learner edition published for nbgitpuller at {options.repo}",
            edition_is_published,
            publish_edition,
        ),
        Step(
            f"Hub configuration in {config}",
            lambda: (
                _read(config / "caiokit_hub.json") == hub_settings
                and _read(config / "jupyterhub_config.py") == _read(HERE / "jupyterhub_config.py")
            ),
            hub_configuration,
        ),
        Step(
            f"Service {SERVICE}",
            lambda: _read(Path(f"/etc/systemd/system/{SERVICE}.service")) == service_unit(options),
            service,
            skipped="" if options.install_service else f"--no-service: {start_command(options)}",
        ),
    ]


def options_from(args: argparse.Namespace) -> Options:
    """Check the command line against the edition and the system; raise SetupError with what to fix."""
    edition = Path(args.edition).resolve()
    marker = _read(edition / EDITION_MARKER)
    if marker is None:
        raise SetupError(
            f"{edition} is not a learner edition (no {EDITION_MARKER}): build one with "
            "`python -m caiokit.authoring learner-edition OUT` in the course repository."
        )
    built = json.loads(marker)
    if built["exchange"] != args.exchange:
        raise SetupError(
            f"the edition in {edition} was built for the exchange {built['exchange']}, not {args.exchange}: "
            f"build it again with --exchange {args.exchange}."
        )
    for name in (args.instructor, *args.learner):
        if not USER_NAME.match(name):
            raise SetupError(f"{name!r} is not a usable account name: lower-case letters, digits, - and _.")
    course = Path(args.course or f"/home/{args.instructor}/{built['course_id']}")
    if not (course / "nbgrader_config.py").is_file():
        raise SetupError(
            f"{course} is not the course directory (no nbgrader_config.py): clone the course repository there "
            "as the instructor, or give its place with --course."
        )
    prefix = Path(args.prefix)
    return Options(
        edition=edition,
        instructor=args.instructor,
        learners=tuple(dict.fromkeys(n for n in args.learner if n != args.instructor)),
        course=course.resolve(),
        prefix=prefix,
        exchange=Path(args.exchange),
        repo=args.repo or (prefix / "learner-edition").as_uri(),
        hub_url=args.hub_url.rstrip("/"),
        course_id=built["course_id"],
    )


def _port(text: str) -> int:
    """An argparse type: a port for the hub that leaves room above it for its API and the proxy's."""
    highest = 65535 - HUB_API_OFFSET
    if not text.isdigit() or not 1024 <= int(text) <= highest:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port from 1024 to {highest}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", required=True, help="a learner edition folder")
    parser.add_argument("--instructor", required=True, help="the instructor's account (the hub's admin)")
    parser.add_argument("--learner", action="append", default=[], help="a learner's account (repeatable)")
    parser.add_argument("--course", help="the instructor's course directory (default: ~INSTRUCTOR/caio101)")
    parser.add_argument(
        "--prefix", default="/opt/caiokit", help="where the environments go (default /opt/caiokit)"
    )
    parser.add_argument("--exchange", default="/srv/nbgrader/exchange", help="nbgrader's exchange folder")
    parser.add_argument(
        "--repo", help="git URL learners pull the edition from (default: published on this server)"
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=f"the hub's port on 127.0.0.1 (default {DEFAULT_PORT}); its API takes PORT+{HUB_API_OFFSET}, the proxy's PORT+{PROXY_API_OFFSET}",
    )
    parser.add_argument(
        "--hub-url", help="the hub's public address, for links (default http://127.0.0.1:PORT)"
    )
    parser.add_argument(
        "--no-system-packages",
        action="store_true",
        help="do not apt-get or npm install: check that the tools are there, and stop if one is missing",
    )
    parser.add_argument(
        "--no-service", action="store_true", help="install no systemd unit (start the hub yourself)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; change nothing")
    args = parser.parse_args(argv)
    # Each line out before the commands it announces, also into a pipe or a log (`| tee setup.log`).
    sys.stdout.reconfigure(line_buffering=True)
    if args.hub_url is None:
        args.hub_url = f"http://127.0.0.1:{args.port}"
    try:
        options = replace(
            options_from(args),
            port=args.port,
            install_packages=not args.no_system_packages,
            install_service=not args.no_service,
        )
        if not args.dry_run and os.geteuid() != 0:
            raise SetupError(
                "setting up the hub changes the system: run it as root (sudo), or with --dry-run."
            )
        plan = steps(options)
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    host = Host(args.dry_run)
    print(f"{'Dry run: nothing is changed. ' if args.dry_run else ''}{len(plan)} steps")
    for number, step in enumerate(plan, start=1):
        print(f"[{number}/{len(plan)}] {step.title}")
        if step.skipped:
            print(f"    skipped ({step.skipped})")
            continue
        if step.done():
            print("    already done")
            continue
        try:
            step.apply(host)
        except SetupError as exc:
            print(f"error: step {number}: {exc}", file=sys.stderr)
            return 2
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"error: step {number} failed: {exc}", file=sys.stderr)
            return 1
    print(f"\nLessons for learners (nbgitpuller link):\n  {nbgitpuller_link(options)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
