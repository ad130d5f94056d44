# Makefile — the commands a developer and CI use. Every recipe runs in the environment of
# scripts/env.sh (cargo and npm tools on PATH, trunk offline), and `setup` installs what is missing.
#
#   make setup   install pinned tools (trunk, wasm-bindgen, chromium, npm packages) if missing
#   make build   release build of the site into dist/       (PUBLIC_URL=/sub/ for a sub-path)
#   make run     build, then serve dist/ at http://127.0.0.1:8080/
#   make test    fmt and clippy gates, native tests, dataset check, build, browser tests (.ci/run)
#   make bench   what a first visit downloads (raw, gzip, brotli), the wasm by crate, Lighthouse,
#                what-if slider input to the next frame;
#                then engine speed natively, as wasm in headless Chromium and against a JavaScript
#                peer (figures only, no assertions)
#   make bench-speed  the speed half of `make bench` alone (native, wasm, JS peer)
#   make data    regenerate public/data/ with the importer

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
ENV := . scripts/env.sh &&

# Sub-path hosting: `make build PUBLIC_URL=/chiso/` (or PUBLIC_URL=./ for a relative build).
PUBLIC_URL ?=
HOST ?= 127.0.0.1
PORT ?= 8080
# Trunk twice — the explorer (index.html) into dist/, the own-data page (data.html, its own wasm)
# into target/dist-data/ — then chiso-prerender (natively, the same components with Leptos's
# `ssr`) renders the first screen of the most-opened links from dist/data/, and
# scripts/postbuild.mjs merges the second build into dist/, puts the snapshots into index.html, and
# moves the loader Trunk inlines into each page out into a file, so the pages'
# Content-Security-Policy can forbid inline scripts.
TRUNK_BUILD := $(ENV) trunk build --release $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL)) \
	&& trunk build --release $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL)) --dist target/dist-data data.html \
	&& cargo run --quiet --no-default-features --features ssr --bin chiso-prerender -- dist target/snapshots.json \
	&& node scripts/postbuild.mjs dist target/dist-data=data.html --snapshots=target/snapshots.json

.PHONY: setup build run test bench bench-speed data

setup:
	bash scripts/setup.sh

build: setup
	$(TRUNK_BUILD)

run: build
	$(ENV) node scripts/serve.mjs --host $(HOST) --port $(PORT) dist

test: setup
	$(ENV) cargo fmt --all --check
	$(ENV) cargo clippy --workspace --all-targets -- -D warnings
	$(ENV) cargo clippy -p chiso --no-default-features --features ssr --lib --bin chiso-prerender -- -D warnings
	$(ENV) cargo test -p chiso-engine -p chiso-importer -p chiso
	$(ENV) cargo run -p chiso-importer -- --check
	$(TRUNK_BUILD)
	$(ENV) node --test tests/

# Speed half of `make bench` (README "Benchmarks"): crates/bench times the engine natively and
# writes target/bench/native.json; crates/bench-wasm is the same workloads as wasm, built twice —
# profile bench-o3 (opt-level 3) + wasm-opt -O3, and the app's own release profile (opt-level z)
# + wasm-opt -Oz as trunk ships it — then scripts/bench.mjs times both in headless Chromium with
# the JavaScript sensitivity peer and prints the table.
BENCH_DIR := target/bench
BENCH_WASM := target/wasm32-unknown-unknown
BENCH_NATIVE_NOTE := profile bench-o3: opt-level 3, fat LTO, 1 codegen unit, x86-64 baseline
BENCH_O3_NOTE := profile bench-o3 + wasm-opt -O3
BENCH_Z_NOTE := profile release (opt-level z, as the app ships) + wasm-opt -Oz

bench: build
	$(ENV) node scripts/size-report.mjs dist
	$(ENV) node scripts/wasm-crates.mjs
	$(ENV) node scripts/lighthouse.mjs --runs 3 --dist dist '' '?group=districts' '?ds=pci' '?ds=pci&view=whatif' '?embed=1'
	$(ENV) node scripts/whatif-bench.mjs --dist dist
	$(MAKE) --no-print-directory bench-speed

# The engine's speed alone (no site build, no Lighthouse): natively, as wasm, against the JS peer.
bench-speed: setup
	$(ENV) cargo run --quiet --profile bench-o3 -p chiso-bench -- \
		--json $(BENCH_DIR)/native.json --build "$(BENCH_NATIVE_NOTE)"
	$(ENV) cargo build --quiet --profile bench-o3 --target wasm32-unknown-unknown -p chiso-bench-wasm
	$(ENV) cargo build --quiet --release --target wasm32-unknown-unknown -p chiso-bench-wasm
	$(ENV) wasm-bindgen --target web --no-typescript --out-dir $(BENCH_DIR)/pkg-o3 \
		$(BENCH_WASM)/bench-o3/chiso_bench_wasm.wasm
	$(ENV) wasm-opt -O3 $(BENCH_DIR)/pkg-o3/chiso_bench_wasm_bg.wasm -o $(BENCH_DIR)/pkg-o3/chiso_bench_wasm_bg.wasm
	$(ENV) wasm-bindgen --target web --no-typescript --out-dir $(BENCH_DIR)/pkg-z \
		$(BENCH_WASM)/release/chiso_bench_wasm.wasm
	$(ENV) wasm-opt -Oz $(BENCH_DIR)/pkg-z/chiso_bench_wasm_bg.wasm -o $(BENCH_DIR)/pkg-z/chiso_bench_wasm_bg.wasm
	$(ENV) node scripts/bench.mjs --native $(BENCH_DIR)/native.json \
		--pkg "o3=$(BENCH_DIR)/pkg-o3=$(BENCH_O3_NOTE)" --pkg "z=$(BENCH_DIR)/pkg-z=$(BENCH_Z_NOTE)"

data:
	$(ENV) cargo run -p chiso-importer
