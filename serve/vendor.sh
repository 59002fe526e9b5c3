#!/usr/bin/env bash
# Puts the explorer's chart libraries into the jar's resources: Vega, Vega-Lite and vega-embed,
# their browser bundles and licences, from the npm registry at the versions package-lock.json
# pins. Run by Maven in generate-resources; `npm ci` runs only when the lock file changed.
#
#   vendor.sh DIR    copies the bundles into DIR
set -euo pipefail
cd "$(dirname "$0")"
out="${1:?usage: vendor.sh DIR}"

fail() {
  echo "xyz-serve: $1" >&2
  echo "  the explorer page serves Vega, Vega-Lite and vega-embed from the jar; the build" >&2
  echo "  fetches them once with npm (the versions in serve/package-lock.json)" >&2
  echo "  fix: $2" >&2
  exit 1
}

command -v npm >/dev/null || fail "npm is not installed" \
  "install Node.js and npm (on Debian: apt-get install nodejs npm), then build again"

stamp=node_modules/.xyz-lock
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  if ! npm ci --ignore-scripts --no-audit --no-fund >npm-ci.log 2>&1; then
    cat npm-ci.log >&2
    fail "npm ci failed (its output above; also in serve/npm-ci.log)" \
      "make the npm registry reachable (npm config get registry), then build again"
  fi
  rm -f npm-ci.log
  cp package-lock.json "$stamp"
fi

mkdir -p "$out"
for pkg in vega vega-lite vega-embed; do
  bundle="node_modules/$pkg/build/$pkg.min.js"
  [ -f "$bundle" ] || fail "$bundle is missing after npm ci" \
    "delete serve/node_modules and build again"
  cp "$bundle" "$out/"
  cp "node_modules/$pkg/LICENSE" "$out/$pkg.LICENSE"
done
