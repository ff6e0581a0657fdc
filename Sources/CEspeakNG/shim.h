#ifndef CESPEAKNG_SHIM_H
#define CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
/* Converts 16-bit samples to floats in -1...1 (a hot loop kept out of Swift debug builds). */
static inline void CEspeakNG_samples_to_float(float *destination, const short *source, int count) {
    for (int i = 0; i < count; i++) destination[i] = (float)source[i] * (1.0f / 32768.0f);
}
#endif
