# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
DATA ?= data
LISTEN ?= 127.0.0.1:8080
JOBS ?= 2
FUZZ_SECONDS ?= 10

.PHONY: run test deps build build-test web lint e2e fuzz clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target xuncha

build-test: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

web: deps
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

run: build web
	@if [ ! -f $(DATA)/xuncha.db ]; then build/release/xuncha init --data $(DATA) --demo; fi
	build/release/xuncha serve --data $(DATA) --listen $(LISTEN)

test: build-test web
	@bash scripts/lint.sh
	ctest --preset asan
	@bash fuzz/run.sh $(FUZZ_SECONDS)
	@if [ -f web/package.json ]; then cd web && npm run --silent test:unit; fi
	@$(MAKE) --no-print-directory e2e

e2e:
	@if [ -f web/package.json ]; then \
	  cd web && XUNCHA_BIN=$(CURDIR)/build/asan/xuncha npm run --silent e2e; \
	fi

fuzz: deps
	@bash fuzz/run.sh 60

lint: deps
	@bash scripts/lint.sh

clean:
	rm -rf build web/dist
