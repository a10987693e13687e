#!/bin/sh
# Jupyter kernel launcher: run tslab from the project root (cells import
# "./notebooks/vag.cjs", which loads the compiled library in dist/), with source
# maps on so that stack traces from the library name src/*.ts lines.
cd "$(dirname "$0")/.." || exit 1
exec node --enable-source-maps node_modules/tslab/bin/tslab kernel --config-path "$1"
