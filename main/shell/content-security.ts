// Runs in: main process (both shells).
// One strict CSP for the renderer. Mantine writes CSS variables into <style> tags, hence
// style-src 'unsafe-inline'; scripts come only from the app itself.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
