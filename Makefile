# boardpack: two commands set everything up on a fresh Debian machine with Swift 6.3.
#   make pack   install what is missing, build, regenerate output/ from content/
#   make test   the same set-up, then every test
#   make fuzz   the parsers' libFuzzer targets, FUZZ_SECONDS (300) each (Fuzz/README.md)
#   make install  the boardpack command in $(PREFIX)/bin (/usr/local/bin), on the PATH
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/boardpack

PREFIX ?= /usr/local

.PHONY: setup build pack test fuzz bench clean install

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product boardpack

pack: build
	$(BIN) build --content content --templates templates --output output

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/boardpack

test: setup
	$(SWIFT) format lint --strict -r Sources Tests Package.swift
	$(SWIFT) build -c release --product boardpack
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/swift-test.log
	scripts/fuzz-replay.sh
	scripts/check-output.sh $(BIN)
	scripts/check-confidentiality.sh output
	scripts/check-one-voice-test.sh
	scripts/check-one-voice.py output
	scripts/test-sources-databases.sh $(BIN)
	scripts/validate-html.sh output
	scripts/browser-check.sh output trattoria-rapida/2026-10 RISERVATO "Scheda di sintesi" "Sintesi per il board" \
		"Decisioni e azioni" "Performance" "Playbook di settore" "Strategia e rischi" "Governance" "Appendice"
	@n=$$(grep -oE 'Test run with [0-9]+ tests' .build/swift-test.log | grep -oE '[0-9]+' | tail -1); echo "tests: $$n passed, 0 failed"

# SPEC §7: each parser's libFuzzer target for FUZZ_SECONDS, built in .build-fuzz; stops at
# the first crash and prints the input. `make test` replays the seed corpora (fuzz-replay.sh).
fuzz: setup
	scripts/fuzz.sh

# The benchmark of SPEC §8: a generated 1,000-note, 1,000,000-row workspace against
# cmark-gfm, Hugo, pandas, polars, duckdb and cat, in one run (installs its peers).
bench: build
	scripts/bench/run.sh $(BIN)

clean:
	rm -rf .build
