#!/usr/bin/env bash
# scripts/setup.sh — installs every tool chiso's build and tests need, pinned, and only what is
# missing; safe to run again and again (`make setup`, and the first step of `make test` / CI).
#
# A fresh machine has Rust (with the wasm32 target), Node and npm, and nothing else we need.
# Everything comes from crates.io, npm, or Debian: trunk's own downloader (GitHub releases) is not
# reachable from our machines, so trunk runs offline with the tools installed here.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/env.sh

say()  { printf 'setup: %s\n' "$*"; }
skip() { printf 'setup: %s (already there, skipping)\n' "$*"; }

# as_root CMD...: apt needs root; CI and our machines run as root, a developer may have sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Node and npm: expected on the machine (Node >= 20 for playwright-core). ---
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: node and npm are required (Node >= 20); install them first" >&2
  exit 1
fi

# --- Chromium for the browser tests (Debian's packages; never a browser download). ---
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  skip "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') + chromium-driver"
else
  say "installing chromium and chromium-driver with apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium chromium-driver
fi

# --- Rust's wasm target. ---
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skip "rust target wasm32-unknown-unknown"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- trunk, pinned: 0.22 needs a newer rustc than we have. (~11 min from cold.) ---
trunk_have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$trunk_have" = "$CHISO_TRUNK_VERSION" ]; then
  skip "trunk $CHISO_TRUNK_VERSION"
else
  say "installing trunk $CHISO_TRUNK_VERSION (found: ${trunk_have:-none}); this takes ~11 minutes"
  cargo install trunk --version "$CHISO_TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock. ---
# The CLI must match the crate to the patch version, so the lock file decides. `--locked` is left
# out on purpose: wasm-bindgen-cli's own lock file does not build here, its latest semver-
# compatible dependencies do. (~3.5 min from cold.)
wasm_bindgen_want="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
if [ -z "$wasm_bindgen_want" ]; then
  echo "setup: no wasm-bindgen package in Cargo.lock; cannot pick a wasm-bindgen-cli version" >&2
  exit 1
fi
wasm_bindgen_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$wasm_bindgen_have" = "$wasm_bindgen_want" ]; then
  skip "wasm-bindgen-cli $wasm_bindgen_want"
else
  say "installing wasm-bindgen-cli $wasm_bindgen_want (found: ${wasm_bindgen_have:-none}); this takes ~4 minutes"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_want" --force
fi

# --- npm packages from package-lock.json: echarts, esbuild, binaryen (wasm-opt), playwright-core. ---
# The lock's SHA-256 is kept in node_modules after an install: another lock means another tree.
# (Comparing modification times was not enough: a git checkout or merge can give the lock the
# same second as the last install, and a package added by the merge was then never installed.)
lock_sha="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.chiso-lock-sha256 ] && [ "$(cat node_modules/.chiso-lock-sha256)" = "$lock_sha" ]; then
  skip "npm packages (node_modules matches package-lock.json)"
else
  say "installing npm packages with npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_sha" > node_modules/.chiso-lock-sha256
fi
wasm_opt_have="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_have" in
  *"(version_132)"*) ;;
  *) echo "setup: expected node_modules/.bin/wasm-opt version_132 on PATH, found: ${wasm_opt_have:-none}" >&2
     exit 1 ;;
esac

# --- Our ECharts bundle (generated, gitignored). ---
echarts_out=public/vendor/echarts.min.js
if [ -f "$echarts_out" ] \
  && ! [ package-lock.json -nt "$echarts_out" ] \
  && ! [ scripts/echarts-entry.js -nt "$echarts_out" ] \
  && ! [ scripts/build-echarts.mjs -nt "$echarts_out" ]; then
  skip "$echarts_out"
else
  say "building $echarts_out"
  npm run --silent build:echarts
fi

# --- Be Vietnam Pro for the page (generated, gitignored): from npm's @fontsource/be-vietnam-pro
# (pinned in package-lock.json), the Vietnamese and Latin subsets of the two weights the CSS uses
# (400, 600), cut further by scripts/subset-fonts.mjs to the characters Vietnamese and the page
# need (about 49 kB in all instead of 67 kB), plus the font's licence (SIL OFL 1.1). Trunk copies
# public/fonts/ into dist/fonts/.
fonts_src=node_modules/@fontsource/be-vietnam-pro
fonts_out=public/fonts
fonts_files=()
for weight in 400 600; do
  for subset in vietnamese latin; do
    fonts_files+=("be-vietnam-pro-$subset-$weight-normal.woff2")
  done
done
fonts_fresh=true
for f in "${fonts_files[@]}" OFL.txt; do
  if ! [ -f "$fonts_out/$f" ] || [ package-lock.json -nt "$fonts_out/$f" ] \
    || [ scripts/subset-fonts.mjs -nt "$fonts_out/$f" ] || [ style.css -nt "$fonts_out/$f" ]; then
    fonts_fresh=false
  fi
done
if $fonts_fresh; then
  skip "$fonts_out (Be Vietnam Pro, ${#fonts_files[@]} woff2 files)"
else
  say "cutting Be Vietnam Pro into $fonts_out"
  rm -rf "$fonts_out"
  mkdir -p "$fonts_out"
  node scripts/subset-fonts.mjs "$fonts_out"
  cp "$fonts_src/LICENSE" "$fonts_out/OFL.txt"
fi

# --- Crates, so that trunk (offline = true) and later builds need no network. ---
# On CI the lock file must already be right: --locked fails instead of rewriting it.
say "cargo fetch${CI:+ --locked} (quick when everything is already downloaded)"
cargo fetch --quiet ${CI:+--locked}

say "done: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version), node $(node --version)"
