#!/bin/bash
# Builds the two programs of the command line: `vgen-engine`, which does the work, and the
# front `vgen` that users run, which answers help and usage errors itself and execs the
# engine beside it (Docs/Startup.md). `swift build --product vgen` alone builds only the
# front. Arguments go to both `swift build` runs; without any, the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT:-swift}
if [ $# -eq 0 ]; then set -- -c release; fi
"$swift" build "$@" --product vgen-engine
"$swift" build "$@" --product vgen
