#ifndef CFFMPEG_SHIM_H
#define CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/sha.h>
#include <libavutil/samplefmt.h>
#include <libavutil/display.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

/* Macros that do not import into Swift, re-exported as prefixed functions and constants. */
static inline int CFFmpeg_AVERROR(int e) { return AVERROR(e); }
static const int CFFmpeg_AVERROR_EOF = AVERROR_EOF;
static const int64_t CFFmpeg_AV_NOPTS_VALUE = AV_NOPTS_VALUE;
static inline int CFFmpeg_EAGAIN(void) { return AVERROR(EAGAIN); }
static inline AVRational CFFmpeg_AV_TIME_BASE_Q(void) { return (AVRational){1, AV_TIME_BASE}; }
static inline AVChannelLayout CFFmpeg_layout_mono(void) { AVChannelLayout l = AV_CHANNEL_LAYOUT_MONO; return l; }
static inline AVChannelLayout CFFmpeg_layout_stereo(void) { AVChannelLayout l = AV_CHANNEL_LAYOUT_STEREO; return l; }
static inline void CFFmpeg_error_string(int errnum, char *buf, size_t size) { av_strerror(errnum, buf, size); }
/* Plane accessors: AVFrame.data/linesize import as tuples. */
static inline uint8_t *CFFmpeg_frame_plane(AVFrame *f, int i) { return f->data[i]; }
static inline int CFFmpeg_frame_linesize(AVFrame *f, int i) { return f->linesize[i]; }
static inline uint8_t **CFFmpeg_frame_planes(AVFrame *f) { return f->data; }
static inline int *CFFmpeg_frame_linesizes(AVFrame *f) { return f->linesize; }
static inline const uint8_t **CFFmpeg_frame_const_planes(AVFrame *f) { return (const uint8_t **)f->data; }
/* An anonymous file in memory (Linux memfd_create, close-on-exec) for decoding bytes held in
   memory through a path, /proc/self/fd/N; -1 where the system has none. */
static inline int CFFmpeg_memory_file(void) {
#if defined(__linux__) && defined(SYS_memfd_create)
    return (int)syscall(SYS_memfd_create, "vgen-audio", 1u);
#else
    return -1;
#endif
}
/* glibc's allocator settings for AllocatorPolicy: large blocks mapped on their own above
   mmap_threshold bytes, at most arena_max arenas; 1 when both were accepted, 0 elsewhere. */
#ifdef __GLIBC__
#include <malloc.h>
static inline int CFFmpeg_malloc_policy(int mmap_threshold, int arena_max) {
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_ARENA_MAX, arena_max) == 1;
}
/* The bytes a malloc'd block can hold (a block mapped on its own is rounded up to pages). */
static inline size_t CFFmpeg_malloc_usable_size(void *block) { return malloc_usable_size(block); }
#else
static inline int CFFmpeg_malloc_policy(int mmap_threshold, int arena_max) { return 0; }
static inline size_t CFFmpeg_malloc_usable_size(void *block) { return 0; }
#endif
/* Silence libav's console logging below the given level. */
static inline void CFFmpeg_set_log_level(int level) { av_log_set_level(level); }
/* libav's log lines, formatted, to a sink of vgen's (Swift cannot take a va_list callback). */
typedef void (*CFFmpeg_log_sink)(int level, const char *line);
static inline CFFmpeg_log_sink *CFFmpeg_log_sink_slot(void) {
    static CFFmpeg_log_sink sink;
    return &sink;
}
static void CFFmpeg_log_callback(void *context, int level, const char *format, va_list arguments) {
    CFFmpeg_log_sink sink = *CFFmpeg_log_sink_slot();
    if (level > av_log_get_level() || sink == NULL) return;
    char line[1024];
    int print_prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, (int)sizeof line, &print_prefix);
    sink(level, line);
}
static inline void CFFmpeg_route_log(CFFmpeg_log_sink sink, int level) {
    *CFFmpeg_log_sink_slot() = sink;
    av_log_set_level(level);
    av_log_set_callback(CFFmpeg_log_callback);
}
#endif
