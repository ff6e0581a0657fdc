#ifndef CRSVG_SHIM_H
#define CRSVG_SHIM_H
#include <librsvg/rsvg.h>

/// Renders a whole SVG document into the viewport (x, y, width, height) of a cairo context
/// passed as an opaque pointer (so Swift never sees cairo's types through this module).
/// Returns 1 on success; on failure 0 and *message holds librsvg's message (free it with
/// CRsvg_free).
static inline int CRsvg_render(RsvgHandle *handle, void *cairo, double x, double y, double width, double height,
                               char **message) {
    RsvgRectangle viewport = {x, y, width, height};
    GError *error = NULL;
    gboolean ok = rsvg_handle_render_document(handle, (cairo_t *)cairo, &viewport, &error);
    if (!ok) {
        *message = g_strdup(error ? error->message : "unknown error");
        if (error) g_error_free(error);
        return 0;
    }
    return 1;
}

/// Opens an SVG file; NULL on failure with *message set (free it with CRsvg_free).
static inline RsvgHandle *CRsvg_open(const char *path, char **message) {
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_file(path, &error);
    if (!handle) {
        *message = g_strdup(error ? error->message : "unknown error");
        if (error) g_error_free(error);
    }
    return handle;
}

/// The document's intrinsic size in pixels at 96 DPI; 0 when it has none (only a viewBox).
static inline int CRsvg_size(RsvgHandle *handle, double *width, double *height) {
    rsvg_handle_set_dpi(handle, 96);
    return rsvg_handle_get_intrinsic_size_in_pixels(handle, width, height) ? 1 : 0;
}

/// The document's viewBox as width and height; 0 when it has none.
static inline int CRsvg_viewbox(RsvgHandle *handle, double *width, double *height) {
    gboolean has_width, has_height, has_viewbox;
    RsvgLength w, h;
    RsvgRectangle box;
    rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &box);
    if (!has_viewbox) return 0;
    *width = box.width;
    *height = box.height;
    return 1;
}

static inline void CRsvg_unref(RsvgHandle *handle) { g_object_unref(handle); }
static inline void CRsvg_free(char *p) { g_free(p); }
#endif
