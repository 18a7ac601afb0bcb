#!/usr/bin/env bash
# One entry point for a fresh Debian machine (Python 3.11+, git; root may install system packages).
#
#   bash dev.sh site   set everything up, ingest seeds/ and build the sample site into output/
#   bash dev.sh test   set everything up (browser and npm packages included) and run the tests
#
# Idempotent: a second run reuses .venv, node_modules and the installed packages.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
    # Install Debian packages when a command is missing; needs root (or sudo).
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "installing Debian packages: $*"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

setup_python() {
    if [ ! -x "$PY" ]; then
        say "creating $VENV"
        python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; }
    fi
    say "installing the project and its dependencies into $VENV"
    "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
    "$PY" -m pip install -q --disable-pip-version-check -e ".[test]"
}

setup_browser() {
    # Browser tests drive Debian's Chromium through Playwright; no tool downloads a browser.
    command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || apt_install chromium
    command -v npm >/dev/null || apt_install nodejs npm
    say "installing npm packages from package-lock.json"
    npm ci --silent --no-audit --no-fund >/dev/null
}

build_site() {
    say "ingesting seeds/ into content/"
    "$VENV/bin/timeline" ingest seeds/ --content content
    say "building the site into output/"
    "$VENV/bin/timeline" build
    say "open output/index.html in a browser (or: $VENV/bin/invoke serve, then http://localhost:8000/)"
}

run_tests() {
    say "ruff"
    "$VENV/bin/ruff" check .
    say "pytest"
    "$VENV/bin/pytest" -q -p no:cacheprovider "$@"
}

case "${1:-}" in
    site) setup_python; build_site ;;
    test) shift; setup_python; setup_browser; run_tests "$@" ;;
    *) echo "usage: bash dev.sh site|test [pytest args]" >&2; exit 2 ;;
esac
