#!/bin/sh
# Regenerates src/onnx/generated/ from src/onnx/onnx.proto3 with protobufjs-cli (pbjs + pbts).
# Decode-only static code; the field table (onnx-fields.ts) feeds the error locator's wire walker.
set -eu
cd "$(dirname "$0")/.."
OUT=src/onnx/generated
mkdir -p "$OUT"
npx pbjs -t static-module -w esm --no-encode --no-verify --no-create --no-delimited --no-convert \
  --no-typeurl --no-service -o "$OUT/onnx.js" src/onnx/onnx.proto3
npx pbts -o "$OUT/onnx.d.ts" "$OUT/onnx.js"
npx pbjs -t json src/onnx/onnx.proto3 > "$OUT/onnx.json"
node scripts/fields-from-json.mjs "$OUT/onnx.json" > "$OUT/onnx-fields.ts"
rm "$OUT/onnx.json"
