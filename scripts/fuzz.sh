#!/usr/bin/env bash
# Runs vgen's libFuzzer targets (Docs/Fuzzing.md): scripts/fuzz.sh BINARY SECONDS [TARGET...]
# Each target starts from the seeds the binary generates plus the corpus kept from earlier runs
# (.build-asan/fuzz/corpus/TARGET), runs SECONDS seconds under AddressSanitizer, and leaves any
# finding in .build-asan/fuzz/findings/TARGET/. Two targets run at a time (FUZZ_JOBS). The
# exit status is 1 when any target found something.
set -uo pipefail
binary=$1 seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown yaml decoders transcript wav image)
[ -x "$binary" ] || { echo "fuzz: no fuzz binary at $binary (make test-asan builds it)" >&2; exit 2; }
work=$(dirname "$(dirname "$(readlink -f "$binary")")")/../fuzz
work=$(readlink -m "$work")
jobs=${FUZZ_JOBS:-2}

run_one() {
    local target=$1 seeds="$work/seeds/$1" corpus="$work/corpus/$1" findings="$work/findings/$1"
    rm -rf "$seeds" "$findings"
    mkdir -p "$corpus" "$findings"
    VGEN_FUZZ_TARGET=$target VGEN_FUZZ_SEEDS=$seeds "$binary" || { echo "fuzz: $target: no seeds" >&2; return 2; }
    # A thrown VideoError is a clean refusal; traps, sanitizer reports, inputs slower than
    # -timeout and runs past -rss_limit_mb are findings. Leak checking is off: Foundation's
    # caches look like leaks to LeakSanitizer (the test runs check leaks, Docs/Sanitizers.md).
    VGEN_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=64:malloc_context_size=20 \
        "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1536 -max_len=16384 \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$seeds" \
        >"$work/$target.log" 2>&1
    local status=$?
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
    if [ $status -eq 0 ] && [ -z "$(ls -A "$findings")" ]; then
        echo "fuzz: $target: ${runs:-0} inputs in ${seconds} s, corpus $(ls "$corpus" | wc -l) files, no finding"
        return 0
    fi
    echo "fuzz: $target: FINDING (exit $status) — $(ls "$findings" | head -3 | tr '\n' ' ')" >&2
    grep -m1 -E "ERROR|Fatal error|deadly signal|timeout|out-of-memory" "$work/$target.log" >&2
    grep -A30 -m1 -E "ERROR|Fatal error|deadly signal" "$work/$target.log" | grep -E "#[0-9]+ .* in " | head -12 >&2
    echo "fuzz: the log is $work/$target.log" >&2
    return 1
}

mkdir -p "$work"
failed=0
pids=()
for target in "${targets[@]}"; do
    run_one "$target" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed
