#ifndef CFLITE_SHIM_H
#define CFLITE_SHIM_H
#include <flite/flite.h>
/* The voices' registration functions: Debian's flite1-dev ships no header declaring them. */
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);
void unregister_cmu_us_slt(cst_voice *voice);
void unregister_cmu_us_rms(cst_voice *voice);
void unregister_cmu_us_awb(cst_voice *voice);
void unregister_cmu_us_kal16(cst_voice *voice);
#include <flite/flite_version.h>
static const char *const CFlite_version = FLITE_PROJECT_VERSION;
/* Converts 16-bit samples to floats in -1...1 (a hot loop kept out of Swift debug builds). */
static inline void CFlite_samples_to_float(float *destination, const short *source, int count) {
    for (int i = 0; i < count; i++) destination[i] = (float)source[i] * (1.0f / 32768.0f);
}
/* Voice features. flite keeps the name pointer a feature is set with (it expects string
   literals), so names must outlive the voice: these pass literals. */
static inline void CFlite_set_duration_stretch(cst_voice *v, float value) {
    feat_set_float(v->features, "duration_stretch", value);
}
static inline void CFlite_set_pitch_mean(cst_voice *v, float hertz) {
    feat_set_float(v->features, "int_f0_target_mean", hertz);
}
static inline void CFlite_remove_pitch_mean(cst_voice *v) { feat_remove(v->features, "int_f0_target_mean"); }
/* The wave of a synthesized utterance (cst_wave's fields, without the macros). */
static inline int CFlite_wave_rate(const cst_wave *w) { return w ? w->sample_rate : 0; }
static inline int CFlite_wave_count(const cst_wave *w) { return w ? w->num_samples : 0; }
static inline const short *CFlite_wave_samples(const cst_wave *w) { return w ? w->samples : 0; }
#endif
