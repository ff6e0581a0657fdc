// VideoAI: narration writers, captions, metadata, music analysis and edit planning.
@_exported import VideoCore
