"""JupyterHub 6 for the CAIO course on one Linux server, in the layout The Littlest JupyterHub uses.

Installed by setup_hub.py as /opt/caiokit/config/jupyterhub_config.py and started by the caiokit-hub systemd
unit. Each person is a system user of the server with a home folder only they can read; the hub logs them in
with PAM (their system password) and starts their JupyterLab as that user, from the one shared environment
/opt/caiokit/user where the learner edition is installed. The instructor is the hub's admin and grades in
their own JupyterLab, where the Formgrader works on the course directory.

Who is who, and the rest of the class settings, come from caiokit_hub.json beside this file (written by
setup_hub.py; CAIOKIT_HUB_SETTINGS names another file).
"""

import json
import os
from pathlib import Path

c = get_config()  # noqa: F821  (injected by JupyterHub when it loads this file)

SETTINGS = Path(os.environ.get("CAIOKIT_HUB_SETTINGS", Path(__file__).resolve().parent / "caiokit_hub.json"))
settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
prefix = Path(settings["prefix"])

# Only 127.0.0.1: put an HTTPS reverse proxy in front (TLJH uses Traefik on ports 80 and 443) to open it to
# the class. The hub's own API (for the proxy and the single-user servers) and the proxy's API listen on
# 127.0.0.1 too, on the ports setup_hub.py chose beside the hub's (8081 and 8001 beside 8000).
c.JupyterHub.bind_url = settings.get("bind_url", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings.get("hub_port", 8081)
c.ConfigurableHTTPProxy.api_url = settings.get("proxy_api_url", "http://127.0.0.1:8001")

# The hub's state (its SQLite database of users and servers, the cookie secret) in one folder only root reads.
state = prefix / "state"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
# configurable-http-proxy, installed from npm.
c.ConfigurableHTTPProxy.command = [settings.get("proxy", "configurable-http-proxy")]

# People: system users, logged in with their system password. The instructor is the hub's admin.
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.Authenticator.allowed_users = {settings["instructor"], *settings["learners"]}
c.Authenticator.admin_users = {settings["instructor"]}
# Accounts are made by setup_hub.py (useradd), never by the hub: a login name that is not an account fails.
c.LocalAuthenticator.create_system_users = False

# Each person's JupyterLab runs as their own system user, from the shared environment, in their home folder.
user_env = prefix / "user"
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(user_env / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# Kernels, nbgrader and git come from the shared environment first; the learners' nbgrader settings are in
# that environment's etc/jupyter/nbgrader_config.py (course id and the exchange), written by setup_hub.py.
c.Spawner.environment = {
    "PATH": f"{user_env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "CAIOKIT_EXCHANGE": settings["exchange"],
}
# Where the edition is published on this server, git reads the hub's gitconfig: the server's /etc/gitconfig,
# and the published edition as a safe directory, so nbgitpuller may clone it although root owns it.
git_settings = prefix / "config" / "gitconfig"
if git_settings.is_file():
    c.Spawner.environment["GIT_CONFIG_SYSTEM"] = str(git_settings)


def instructor_runs_from_the_course(spawner) -> None:
    """The instructor's JupyterLab runs from the course directory's environment, which has caiokit's grading
    tools (the learner edition leaves them out), so the Formgrader grades with the course's settings."""
    if spawner.user.name == settings["instructor"]:
        course_env = Path(settings["course"]) / ".venv"
        spawner.cmd = [str(course_env / "bin" / "jupyterhub-singleuser")]
        spawner.environment = {
            **spawner.environment,
            "PATH": f"{course_env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        }


c.Spawner.pre_spawn_hook = instructor_runs_from_the_course
# A lesson's heaviest cell takes a few seconds; a server that does not start in this time has failed.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
