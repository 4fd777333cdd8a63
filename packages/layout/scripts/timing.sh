#!/bin/sh
# Bundles and runs the timing script: sh packages/layout/scripts/timing.sh [sizes]
set -e
cd "$(dirname "$0")/../../.."
npx esbuild packages/layout/scripts/timing.ts --bundle --platform=node --format=esm --outfile=/tmp/nnlens-layout-timing.mjs --log-level=warning
node /tmp/nnlens-layout-timing.mjs "$@"
