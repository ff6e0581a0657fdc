#ifndef VGEN_CPOCKETSPHINX_SHIM_H
#define VGEN_CPOCKETSPHINX_SHIM_H

// pocketsphinx 5prealpha (Debian 12's libpocketsphinx-dev 0.8+5prealpha). cmd_ln_init is
// variadic, which Swift cannot call: the config is built here.
#include <pocketsphinx.h>

/// A decoder configuration for the model files given, with logging sent to `logfn`.
static inline cmd_ln_t *CPocketSphinx_config(const char *hmm, const char *lm, const char *dict, const char *logfn) {
    return cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", hmm, "-lm", lm, "-dict", dict, "-logfn", logfn,
                       "-samprate", "16000", NULL);
}

#endif
