# certaudit — the two commands: `make report` (set up, build, run the sample job) and `make test`.
SWIFT ?= swift
# The sample estate in inputs/ is dated relative to this as-of time (see inputs/README.md).
AS_OF ?= 2026-11-28T00:00:00+08:00
N ?= 100000
# Where make install puts the binary, man page and completions; DESTDIR stages it for packagers.
PREFIX ?= /usr/local
DESTDIR ?=
# Seconds each fuzz target runs (make fuzz SECONDS=600).
SECONDS ?= 60

# The default job on the sample estate: what make report writes to output/ and make golden to
# Tests/Golden/sample/ (GoldenOutputTests runs these same arguments, read from this line).
SAMPLE_RUN = run --inputs inputs --templates templates --as-of $(AS_OF) --timezone Asia/Shanghai

.PHONY: report test bench fuzz deps build format lint fixtures sample-estate rules-reference builtin-templates golden \
	install uninstall clean

deps:
	@scripts/ensure_deps.sh

build: deps
	$(SWIFT) build -c release --product certaudit

## Build in release mode and run the default job: inputs/ -> output/.
report: build
	.build/release/certaudit $(SAMPLE_RUN) --output output
	@echo "open output/report.html"

## Regenerate the golden outputs (Tests/Golden/sample/, what make report writes) after a change to
## what users see was meant; GoldenOutputTests compares every byte with them.
## The folder is emptied first: the golden run has no baseline (a first run), as GoldenOutputTests' run has none.
golden: build
	rm -rf Tests/Golden/sample
	.build/release/certaudit $(SAMPLE_RUN) --output Tests/Golden/sample
	@# The run's duration is the one value that differs between runs (the tests mask it): pin it to 0.
	sed -i 's/^certaudit_run_duration_seconds .*/certaudit_run_duration_seconds 0/' Tests/Golden/sample/metrics.prom

## Run every test: the formatting lint and the Python tests first (the estate generators, metrics.prom
## read by Prometheus's parser, every HTML page in headless Chromium: screenshots and PDFs in
## .build/browser/), then the Swift suites (after a build, so the
## command-line tests find the certaudit binary beside them; the release build too, because the
## optimiser can fail where a debug build does not, and make report builds in release), with
## make install / make uninstall tried on a temporary PREFIX in between (scripts/test_install.sh).
test:
	@scripts/ensure_deps.sh --test
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz Package.swift
	python3 -m unittest discover -s scripts -p 'test_*.py'
	$(SWIFT) build -c release --product certaudit
	$(SWIFT) build
	scripts/test_install.sh
	$(SWIFT) test

## Generate an estate of N certificates; time the naive C reference (bench/reference/, 2 threads) and a
## full certaudit run on it, alternately 3 times; print both medians, the ratio and the peak memory.
bench: deps
	scripts/bench.sh $(N)

## Run the libFuzzer targets (CSV reader, bundle reader) for SECONDS each; not part of make test.
fuzz: deps
	scripts/fuzz.sh $(SECONDS)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Fuzz Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz Package.swift

## Regenerate the sample estate (inputs/) and the rule ID list from the spec.
sample-estate:
	python3 scripts/make_sample_estate.py

## Install the release binary, its man page (generated from the command definitions) and the bash,
## zsh and fish completions under $(DESTDIR)$(PREFIX); make uninstall removes them.
install: build
	scripts/install.sh "$(DESTDIR)$(PREFIX)"

uninstall:
	scripts/install.sh --uninstall "$(DESTDIR)$(PREFIX)"

## Regenerate the templates compiled into the binary (Sources/CertAuditReport/BuiltinTemplateFiles.swift)
## from templates/ after changing a template; BuiltinTemplatesTests fails until this is run.
builtin-templates:
	python3 scripts/gen_builtin_templates.py

## Regenerate docs/rules.md, the rule reference, from the catalogue.
rules-reference: build
	scripts/gen_rules_reference.sh .build/release/certaudit > docs/rules.md

clean:
	rm -rf .build output
