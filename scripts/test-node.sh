#!/usr/bin/env bash
# Runs knot's tests with a given Node binary, to check the versions knot supports:
#   scripts/test-node.sh /path/to/node              the whole suite (it builds dist/ first)
#   scripts/test-node.sh /path/to/node tests/x.ts   only these (vitest's own arguments)
#   SKIP_BUILD=1 scripts/test-node.sh ...           with the dist/ already built
# That node comes first on the PATH, so every process the tests start (knot itself, the
# shells' `knot`, npm's scripts) runs on it too. Type-checking is left to `npm run typecheck`:
# it does not depend on the Node version.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: scripts/test-node.sh /path/to/node [vitest arguments]" >&2
  exit 2
fi
node_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
export PATH="$(dirname "$node_bin"):$PATH"
echo "testing with Node $("$node_bin" --version) ($node_bin)"
[ "${SKIP_BUILD:-}" = 1 ] || "$node_bin" scripts/build.mjs
exec "$node_bin" node_modules/vitest/vitest.mjs run "$@"
