#!/usr/bin/env bash
# Installs the Debian packages vgen builds against and its tests need, when any is missing.
# The ffmpeg CLI is for the tests (they make a rotated clip with it) and the benchmark peer; vgen
# itself never runs it. postgresql is for the tests of `vgen worker`: they start a private server
# of their own (Tests/VideoTestSupport/Network/PostgresServer.swift); Debian's own cluster is not used.
# chromium is for the test of the service's web page (headless, driven over the DevTools protocol).
# Usage: scripts/install-deps.sh [--bench]   (--bench adds python3-venv, and pocketsphinx + sox for the voice benchmark)
#        --test also makes .venv-test/ with opentimelineio (PyPI) for scripts/check-otio.sh
# (--bench also adds the espeak-ng CLI, python3-dev and gcc for the peers benchmark: its MoviePy and Manim
# peers speak with espeak-ng, and pip builds manimpango and pycairo against libpango1.0-dev and libcairo2-dev)
set -euo pipefail
packages=(
  pkg-config
  libavcodec-dev libavformat-dev libavutil-dev libswresample-dev libswscale-dev
  libfftw3-dev
  libcairo2-dev libpango1.0-dev librsvg2-dev fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-cjk
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libespeak-ng-dev espeak-ng-data
  libflite1 flite1-dev
  libpocketsphinx-dev pocketsphinx-en-us
  ffmpeg
  postgresql
  chromium
)
# libstdc++-12-dev: the fuzz program links libFuzzer's runtime, which needs libstdc++ (Docs/Fuzzing.md).
if [ "${1:-}" = "--test" ]; then packages+=(python3 python3-venv libstdc++-12-dev); fi
if [ "${1:-}" = "--bench" ]; then packages+=(python3-venv pocketsphinx pocketsphinx-en-us sox espeak-ng python3-dev gcc); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The OpenTimelineIO check's package, installed here so that the test itself needs no network.
if [ "${1:-}" = "--test" ] && ! .venv-test/bin/python -c "import opentimelineio" 2>/dev/null; then
  python3 -m venv .venv-test
  .venv-test/bin/pip install -q opentimelineio==0.18.1
fi
