#!/bin/sh
# Jupyter kernel launcher: run tslab from the project root so that notebooks
# can import "./src/..." (tslab resolves imports from its working directory).
cd "$(dirname "$0")/.." || exit 1
exec node_modules/.bin/tslab kernel --config-path "$1"
