// The preview's initial page. The only HTML string the extension builds: every interpolation goes through
// escapeHtml, scripts and style elements run only with the per-load nonce, and both come only from the extension's
// own files. Those files are written into the page itself when their text cannot end its element early (see
// inlineable), so the page fetches nothing before its first paint; otherwise they load from their webview URIs.
// The host's first messages may ride along as JSON text in an inert <template>, so the first paint needs no round trip.
import { randomBytes } from 'node:crypto';
import { INITIAL_STATE_ID } from '../../common/initialState';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** 128 bits from the OS CSPRNG, base64 (a valid CSP nonce-value). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PreviewHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(dist/webview.js) and (media/preview.css), as strings. */
  scriptUri: string;
  styleUri: string;
  title: string;
  loadingText: string;
  lang?: string;
  /** The host's first messages as JSON (common/initialState.ts), rendered as soon as the script runs. */
  initialJson?: string;
  /** The texts of the script and of the stylesheets (same order as the URIs), to write into the page. */
  inline?: InlineAssets;
}

/** The extension's own script and stylesheet texts, written into the page instead of fetched. */
export interface InlineAssets { script: string; styles: string[] }

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource};`;
}

/**
 * True if the texts can go inside <script> and <style> as they are. HTML cannot escape raw text: a script's
 * element ends at the first `</script`, and `<!--` or `<script` inside it change where that is; a style ends at
 * `</style`. Our bundles contain none of these (a unit test checks the built ones); anything else loads by URI.
 */
export function inlineable(a: InlineAssets): boolean {
  return !/<\/script|<!--|<script/i.test(a.script) && a.styles.every((css) => !/<\/style/i.test(css));
}

export function buildPreviewHtml(p: PreviewHtmlInput): string {
  return buildPageHtml({ ...p, styleUris: [p.styleUri] });
}

export interface PageHtmlInput extends Omit<PreviewHtmlInput, 'styleUri'> {
  /** Stylesheets in cascade order (the .npz page adds its own after the shared preview.css). */
  styleUris: string[];
  /** Optional class on <body>, e.g. 'npz'. */
  bodyClass?: string;
}

/** The one page skeleton both previews use, so CSP, nonce and escaping are written once. */
export function buildPageHtml(p: PageHtmlInput): string {
  const e = escapeHtml;
  const inline = p.inline && p.inline.styles.length === p.styleUris.length && inlineable(p.inline) ? p.inline : undefined;
  const styles = inline ? inline.styles.map((css) => `<style nonce="${e(p.nonce)}">${css}</style>`)
    : p.styleUris.map((u) => `<link rel="stylesheet" href="${e(u)}">`);
  const script = inline ? `<script nonce="${e(p.nonce)}">${inline.script}</script>` : `<script nonce="${e(p.nonce)}" src="${e(p.scriptUri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="${e(p.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>${e(p.title)}</title>
</head>
<body data-state="loading"${p.bodyClass ? ` class="${e(p.bodyClass)}"` : ''}>
<main id="root" aria-live="polite"><p class="loading">${e(p.loadingText)}</p></main>
${p.initialJson === undefined ? '' : `<template id="${INITIAL_STATE_ID}">${e(p.initialJson)}</template>\n`}${script}
</body>
</html>
`;
}
