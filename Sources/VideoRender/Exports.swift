// VideoRender: scene renderers, drawing, encoding and the assembled pipeline.
@_exported import VideoAI
