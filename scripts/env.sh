# shellcheck shell=bash
# scripts/env.sh — the environment every chiso script and Makefile recipe runs in. Source it:
#   . scripts/env.sh
# It only sets variables (no installs, no output), so sourcing it twice is harmless.

CHISO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CHISO_ROOT

# cargo-installed tools (trunk, wasm-bindgen) and npm-installed tools (wasm-opt from the `binaryen`
# package, esbuild) come first, so they win over anything else on the machine — Debian's own
# binaryen wasm-opt, if installed, fails on our wasm and must not be picked up by trunk.
_chiso_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CHISO_ROOT/node_modules/.bin:"*) ;;
  *) PATH="$CHISO_ROOT/node_modules/.bin:$PATH" ;;
esac
case ":$PATH:" in
  *":$_chiso_cargo_bin:"*) ;;
  *) PATH="$_chiso_cargo_bin:$PATH" ;;
esac
export PATH
unset _chiso_cargo_bin

# Trunk asks a web service whether it is up to date; that host is unreachable here.
export TRUNK_SKIP_VERSION_CHECK=true

# The browser the end-to-end tests drive (Debian's chromium; see scripts/setup.sh).
export CHISO_CHROMIUM="${CHISO_CHROMIUM:-/usr/bin/chromium}"

# Pinned tool versions, read by scripts/setup.sh. wasm-bindgen's version is not here: it must
# match the wasm-bindgen crate in Cargo.lock, so setup.sh reads it from there.
export CHISO_TRUNK_VERSION="0.21.14"
