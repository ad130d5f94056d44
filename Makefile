# Makefile — the commands a developer and CI use. Every recipe runs in the environment of
# scripts/env.sh (cargo and npm tools on PATH, trunk offline), and `setup` installs what is missing.
#
#   make setup   install pinned tools (trunk, wasm-bindgen, chromium, npm packages) if missing
#   make build   release build of the site into dist/       (PUBLIC_URL=/sub/ for a sub-path)
#   make run     build, then serve dist/ at http://127.0.0.1:8080/
#   make test    native tests, dataset check, build, browser tests  (what CI runs: .ci/run)
#   make bench   what a first visit downloads, raw and gzip
#   make data    regenerate public/data/ with the importer

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
ENV := . scripts/env.sh &&

# Sub-path hosting: `make build PUBLIC_URL=/chiso/` (or PUBLIC_URL=./ for a relative build).
PUBLIC_URL ?=
HOST ?= 127.0.0.1
PORT ?= 8080
# Trunk, then scripts/postbuild.mjs: it moves the loader Trunk inlines into index.html out into a
# file, so the page's Content-Security-Policy can forbid inline scripts.
TRUNK_BUILD := $(ENV) trunk build --release $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL)) \
	&& node scripts/postbuild.mjs dist

.PHONY: setup build run test bench data

setup:
	bash scripts/setup.sh

build: setup
	$(TRUNK_BUILD)

run: build
	$(ENV) node scripts/serve.mjs --host $(HOST) --port $(PORT) dist

test: setup
	$(ENV) cargo test -p chiso-engine -p chiso-importer
	$(ENV) cargo run -p chiso-importer -- --check
	$(TRUNK_BUILD)
	$(ENV) node --test tests/

bench: build
	$(ENV) node scripts/size-report.mjs dist

data:
	$(ENV) cargo run -p chiso-importer
