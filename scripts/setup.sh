#!/usr/bin/env bash
# Installs EO13 into .venv and its front-end packages into node_modules.
# Idempotent: does nothing when the lock files have not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Django 6 needs Python 3.12 or newer. Prefer one on PATH, then pyenv's.
find_python() {
    local c
    local pyenv="${PYENV_ROOT:-$HOME/.pyenv}"
    # The lock file is resolved for Python 3.12; 3.13 also works.
    for c in "${EO13_PYTHON:-}" python3.12 "$pyenv"/versions/3.12*/bin/python3 \
             python3.13 "$pyenv"/versions/3.13*/bin/python3 python3; do
        [ -n "$c" ] || continue
        if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            command -v "$c"; return 0
        fi
    done
    return 1
}

stamp=.venv/.eo13-installed
want=$(cat requirements.lock pyproject.toml package-lock.json | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/eo13 ] && [ -d node_modules/@uswds ]; then
    exit 0
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    py=$(find_python) || { echo "EO13 needs Python 3.12 or newer (Django 6). Set EO13_PYTHON to one." >&2; exit 1; }
    echo "Creating .venv with $py"
    rm -rf .venv
    "$py" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
.venv/bin/uv pip sync --quiet --compile-bytecode --python .venv/bin/python requirements.lock
.venv/bin/uv pip install --quiet --python .venv/bin/python --no-deps -e .

if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm (for the USWDS package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --silent

echo "$want" > "$stamp"
echo "EO13 installed in .venv"
