#ifndef VGEN_CLIBFUZZER_H
#define VGEN_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that has a `main` of its own (compiler-rt's
/// `FuzzerInterface.h`): runs the fuzzer with `argc`/`argv` as libFuzzer's options and calls
/// `callback` once per input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
