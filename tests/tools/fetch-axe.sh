#!/usr/bin/env bash
# Fetches axe-core (the accessibility checker the browser tests run in each page) from the
# npm registry into target/axe-core/axe.min.js, checking the tarball against its pinned
# SHA-1 (the registry's `shasum`). CI runs it; locally, without it, the accessibility checks
# skip with a printed reason.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=4.14.1
SHA1=14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99
URL="https://registry.npmjs.org/axe-core/-/axe-core-$VERSION.tgz"

dir=target/axe-core
mkdir -p "$dir"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
curl -fsSL --retry 3 -o "$tmp" "$URL"
echo "$SHA1  $tmp" | sha1sum -c --quiet -
tar -xzf "$tmp" -C "$dir" --strip-components=1 package/axe.min.js
echo "axe-core $VERSION in $dir/axe.min.js"
