#!/usr/bin/env bash
# Install Debian's Chromium (and its driver) for the browser tests in tests/ui/.
# Idempotent: does nothing when /usr/bin/chromium already exists. Uses apt only: the
# tests drive this Chromium through Python playwright with executable_path=/usr/bin/chromium,
# so `playwright install` (which downloads browsers at run time) is never needed.
set -euo pipefail

if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "install_browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk

if [ ! -x /usr/bin/chromium ]; then
  echo "install_browser: apt-get finished but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "install_browser: installed $(/usr/bin/chromium --version)"
