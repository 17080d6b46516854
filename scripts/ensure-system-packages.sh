#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium (browser tests; never a downloaded browser),
# Pango (WeasyPrint's PDF reports), gettext (compiled translations), and for the cluster and its fault tests
# (issue 14) HAProxy, Redis and PostgreSQL's client tools; Noto fonts for Arabic, Urdu, Bengali, Chinese, Korean.
set -euo pipefail
missing=()
# grep reads all of its input here (no -q): with -q it stops at the first match, the lister before it dies of
# SIGPIPE, and pipefail then reads a found package as missing (measured: 130 of 200 checks), which ran apt-get on
# every `make test`.
[ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p | grep libpangoft2-1.0 >/dev/null || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
fc-list 2>/dev/null | grep -i "Noto Sans Arabic" >/dev/null || missing+=(fonts-noto-core)
# Chinese (Traditional) and Korean pages and PDFs are checked in a browser with real CJK glyphs (issue 13).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd=sudo
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
