#ifndef CPANGOCAIRO_SHIM_H
#define CPANGOCAIRO_SHIM_H
#include <cairo.h>
#include <pango/pangocairo.h>
static inline void CPangoCairo_object_unref(void *object) { g_object_unref(object); }
static inline void CPangoCairo_free(void *p) { g_free(p); }
static const int CPangoCairo_PANGO_SCALE = PANGO_SCALE;
#endif
