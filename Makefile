# Folio's commands. `make demo` and `make test` install what they need first (scripts/setup.sh,
# idempotent), so both work on a fresh machine.
PORT ?= 8080
BASE ?= /

.PHONY: setup build demo test bench clean

setup:
	scripts/setup.sh

build: setup
	scripts/build.sh

demo: build
	node scripts/serve.mjs --port $(PORT) --base $(BASE)

test: build
	scripts/test.sh

bench: build
	node bench/run.mjs
	node bench/editor.mjs

clean:
	rm -rf pkg target
