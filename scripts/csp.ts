/**
 * The Content-Security-Policy of the built site (issue 16): scripts and workers from the site
 * itself only — no inline script, no eval — so an injected string can never run. Images may be
 * data:/blob: URLs (the PNG export draws the SVG through one), styles may be set inline (React
 * and D3 set element styles; a <style> attribute in markup is the only thing this allows).
 * Only the build gets it: Vite's dev server injects an inline script for hot reload.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Puts the policy into the built index.html as a <meta http-equiv> (a static host needs no headers). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'macroscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
