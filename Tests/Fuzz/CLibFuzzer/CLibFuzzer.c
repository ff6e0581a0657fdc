// The declaration of libFuzzer's driver only; the fuzzer runtime (`-sanitize=fuzzer`) defines it.
#include "CLibFuzzer.h"
