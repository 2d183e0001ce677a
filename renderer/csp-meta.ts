// Build-only plugin: bakes the strict CSP (macos-electron §2.1 #7) into index.html as a meta tag.
import type { Plugin } from 'vite';

/** The renderer's Content-Security-Policy: no inline script or style, same-origin fetch/EventSource only. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the CSP meta tag to the built page only: the dev server injects inline style and
 * preamble scripts (HMR), which the policy would block. Servers should still send the header
 * (frame-ancestors only works there).
 */
export function cspMeta(): Plugin {
  return {
    name: 'imsg-companion-csp-meta',
    apply: 'build',
    // Right after <meta charset>: a CSP meta tag only governs what comes after it.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = '<meta charset="utf-8" />';
        if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}: the CSP meta tag has no anchor`);
        return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />`);
      },
    },
  };
}
