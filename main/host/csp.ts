// The Content-Security-Policy of every SockLab page, in the desktop app and in web mode.
// WebAssembly (tree-sitter) needs 'wasm-unsafe-eval'; xterm and Svelte set inline styles.

/** contentSecurityPolicy is the CSP header value for the renderer. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
