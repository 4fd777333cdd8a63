#!/bin/sh
# Renders a layout to SVG and PNG: sh packages/layout/scripts/render.sh <model.onnx|synthetic:N> <all|none|g1,g2> <out.svg> [LR]
set -e
cd "$(dirname "$0")/../../.."
npx esbuild packages/layout/scripts/render.ts --bundle --platform=node --format=esm --outfile=/tmp/nnlens-layout-render.mjs --log-level=warning
node /tmp/nnlens-layout-render.mjs "$@"
