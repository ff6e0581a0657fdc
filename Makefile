# vgen — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
OUT ?= out

.PHONY: deps build demo test bench beats-eval format contact-sheet resolve asan-build test-asan fuzz tsan-build test-tsan

deps:
	scripts/install-deps.sh

## Both programs: the front `vgen` and the engine `vgen-engine` it runs (Docs/Startup.md).
build: deps
	SWIFT=$(SWIFT) scripts/build-cli.sh -c release

## Installs what is missing, builds, and renders this README into out/readme/video.mp4.
demo: build
	.build/release/vgen --document README.md --output-dir $(OUT)

## Installs what is missing and runs the whole test suite, VideoCoreTests again under AddressSanitizer
## and ThreadSanitizer, every fuzz target for 60 s (all six at once: a fuzzer runs for a fixed
## time, so they share the cores with the two sanitized runs), and builds, tests and runs the
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
	$(MAKE) -j2 asan-build tsan-build SAN_SUITES=VideoCoreTests
	$(MAKE) -j3 test-asan test-tsan fuzz SAN_SUITES=VideoCoreTests SECONDS=60 FUZZ_JOBS=6

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

## Sanitizer runs and fuzzing (Docs/Sanitizers.md, Docs/Fuzzing.md). The core libraries and their
## suites are built with VGEN_CORE_ONLY=1, each sanitizer in a scratch folder of its own. The
## AddressSanitizer build (.build-asan) also carries libFuzzer's coverage counters and the
## `vgen-fuzz` program, so one build serves `make test-asan` and `make fuzz`.
SAN_SUITES ?= VideoCoreTests|VideoAITests
SECONDS ?= 60
TARGETS ?=
FUZZER_RUNTIME = $(shell "$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/clang" \
	--print-file-name=libclang_rt.fuzzer_no_main-x86_64.a)
ASAN_ENV = VGEN_CORE_ONLY=1 VGEN_TEST_TARGETS="$(SAN_SUITES)" VGEN_FUZZER_RUNTIME=$(FUZZER_RUNTIME)
TSAN_ENV = VGEN_CORE_ONLY=1 VGEN_TEST_TARGETS="$(SAN_SUITES)"
ASAN_FLAGS = --sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
	--scratch-path .build-asan
TSAN_FLAGS = --sanitize=thread --scratch-path .build-tsan

## The document suites read the READMEs of the resolved dependencies in .build/checkouts.
resolve: deps
	$(SWIFT) package resolve

asan-build: resolve
	@test -f "$(FUZZER_RUNTIME)" || { echo "no libFuzzer runtime in this toolchain ($(FUZZER_RUNTIME))" >&2; exit 2; }
	$(ASAN_ENV) $(SWIFT) build --build-tests $(ASAN_FLAGS)

test-asan: asan-build
	$(ASAN_ENV) LSAN_OPTIONS=suppressions=$(abspath scripts/lsan.supp):print_suppressions=0 \
		$(SWIFT) test --skip-build $(ASAN_FLAGS) --filter "$(SAN_SUITES)"

## Every fuzz target (or TARGETS="markdown yaml") for SECONDS seconds each, FUZZ_JOBS at a time
## (make test runs all six at once: each runs its fixed time, sharing the cores).
FUZZ_JOBS ?= 2
fuzz: asan-build
	FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.sh .build-asan/debug/vgen-fuzz $(SECONDS) $(TARGETS)

tsan-build: resolve
	$(TSAN_ENV) $(SWIFT) build --build-tests $(TSAN_FLAGS)

test-tsan: tsan-build
	$(TSAN_ENV) TSAN_OPTIONS=suppressions=$(abspath scripts/tsan.supp):halt_on_error=1 \
		$(SWIFT) test --skip-build $(TSAN_FLAGS) --filter "$(SAN_SUITES)"
