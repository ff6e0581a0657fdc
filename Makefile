# vgen — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
OUT ?= out

.PHONY: deps build demo test bench beats-eval format contact-sheet

deps:
	scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product vgen

## Installs what is missing, builds, and renders this README into out/readme/video.mp4.
demo: build
	.build/release/vgen --document README.md --output-dir $(OUT)

## Installs what is missing and runs the whole test suite, then builds, tests and runs the
## downstream example package (Examples/QuickStart), which depends on this one by path. The
## example builds in this package's build folder (--scratch-path), so the vgen modules it
## imports, already compiled with the same flags, are reused instead of compiled again.
EXAMPLE_SCRATCH = --scratch-path $(abspath .build)
test: deps
	scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/check-otio.sh .build/debug/vgen
	cd Examples/QuickStart && $(SWIFT) build --build-tests $(EXAMPLE_SCRATCH) && $(SWIFT) test --skip-build $(EXAMPLE_SCRATCH)
	cd Examples/QuickStart && out=$$(mktemp -d) && $(SWIFT) run $(EXAMPLE_SCRATCH) quickstart "$$out" 640x360 && test -s "$$out/quickstart-2-0/video.mp4" && rm -rf "$$out"

## Contact sheets of every scene type (16:9 and 9:16, light and dark, with reveal states)
## into $(OUT)/contact-sheet/, checked for the title-safe area and for text cut with "…".
contact-sheet: deps
	$(SWIFT) build --build-tests
	mkdir -p $(OUT)/contact-sheet
	VGEN_CONTACT_DIR=$(abspath $(OUT))/contact-sheet $(SWIFT) test --skip-build --filter "ContactSheet"

## Benchmarks (figures, not tests): see Benchmarks/README.md.
bench:
	scripts/install-deps.sh --bench
	Benchmarks/render-bench.sh
	Benchmarks/pipeline-bench.sh
	Benchmarks/montage-bench.sh
	Benchmarks/peers-bench.sh
	Benchmarks/pathological-bench.sh

beats-eval:
	scripts/install-deps.sh --bench
	Benchmarks/beats-eval.sh $(DIR)

format:
	$(SWIFT) format --in-place --recursive Sources Tests

## Sanitizer runs (Docs/Sanitizers.md): the core suites (SAN_SUITES) built with VGEN_CORE_ONLY=1 under
## AddressSanitizer or ThreadSanitizer, each in a scratch folder of its own (.build-asan, .build-tsan).
SAN_SUITES ?= VideoCoreTests|VideoAITests
test-asan: deps
	VGEN_CORE_ONLY=1 $(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	VGEN_CORE_ONLY=1 LSAN_OPTIONS=suppressions=$(abspath scripts/lsan.supp):print_suppressions=0 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --filter "$(SAN_SUITES)"

test-tsan: deps
	VGEN_CORE_ONLY=1 $(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	VGEN_CORE_ONLY=1 TSAN_OPTIONS=suppressions=$(abspath scripts/tsan.supp):halt_on_error=1 \
		$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$(SAN_SUITES)"
