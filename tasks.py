"""Invoke tasks in the style pelican-quickstart writes, plus ``ingest`` and ``watch``.

    invoke build | rebuild | regenerate | serve | reserve | preview | publish | clean
    invoke ingest ARTICLES...   merge articles into content/, then build
    invoke watch [--inbox DIR]  ingest each article dropped into the inbox, then rebuild
"""

import os
import shlex
import shutil
import sys

from invoke import task
from invoke.main import program
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(SETTINGS_FILE_BASE)}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "content_path": SETTINGS["PATH"],
    "host": "localhost",
    "port": 8000,
}


@task
def clean(c):
    """Remove generated files"""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])
        os.makedirs(CONFIG["deploy_path"])


@task
def build(c):
    """Build local version of site"""
    pelican_run("-s {settings_base}".format(**CONFIG))


@task
def rebuild(c):
    """`build` with the delete switch"""
    pelican_run("-d -s {settings_base}".format(**CONFIG))


@task
def regenerate(c):
    """Automatically regenerate site upon file modification"""
    pelican_run("-r -s {settings_base}".format(**CONFIG))


@task
def serve(c):
    """Serve site at http://$HOST:$PORT/ (default is localhost:8000)"""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        CONFIG["deploy_path"], (CONFIG["host"], CONFIG["port"]), ComplexHTTPRequestHandler
    )
    sys.stderr.write("Serving at {host}:{port} ...\n".format(**CONFIG))
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`"""
    build(c)
    serve(c)


@task
def preview(c):
    """Build production version of site"""
    pelican_run("-s {settings_publish}".format(**CONFIG))


@task
def publish(c):
    """Build the production site into the output folder, ready to upload"""
    pelican_run("-d -s {settings_publish}".format(**CONFIG))


@task(help={"articles": "article files or folders, space-separated (or give them after --)"})
def ingest(c, articles="", published=None):
    """Merge articles into content/, then rebuild what changed"""
    from timeline.cli import main as timeline_main

    paths = shlex.split(articles) + shlex.split(program.core.remainder)
    if not paths:
        sys.exit("invoke ingest: name the articles: invoke ingest 'a.md b.html' or invoke ingest -- a.md")
    args = ["ingest", *paths, "--content", CONFIG["content_path"]]
    if published:
        args += ["--published", published]
    refused = timeline_main(args)  # the readable articles are in even when some were refused
    failed = timeline_main(["build", "--settings", CONFIG["settings_base"]])
    if refused or failed:
        sys.exit(refused or failed)


def pelican_run(cmd):
    pelican_main(shlex.split(cmd))


@task(
    help={
        "inbox": "the folder to watch (default: inbox)",
        "settle": "seconds a new file must stay unchanged before it is read (default: 1)",
    }
)
def watch(c, inbox="inbox", settle="1"):
    """Ingest each article dropped into the inbox and regenerate the site (Ctrl-C stops)"""
    import logging
    from functools import partial
    from pathlib import Path

    from timeline.incremental import regenerate as regenerate_site
    from timeline.watch import Watcher
    from timeline.watch import watch as watch_inbox

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Path(CONFIG["settings_base"])
    content = Path(CONFIG["content_path"])
    # keep=True: the build record stays in memory between articles instead of being read again
    rebuild = partial(regenerate_site, settings, keep=True)
    watch_inbox(Watcher(Path(inbox), content, rebuild, settle=float(settle)))
