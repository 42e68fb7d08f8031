import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { BODY_CLASS, themeCss, type ThemeKind } from './themes';

const repoRoot = path.resolve(__dirname, '../..');
const webviewDir = path.join(repoRoot, 'dist/webview');

/**
 * The stand-in for VS Code's webview host: acquireVsCodeApi records every posted message, keeps state in
 * sessionStorage (so a reload restores it, as VS Code's getState does), and CSP violations are collected.
 */
const STUB = `
window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
(() => {
  let state = JSON.parse(sessionStorage.getItem('grounded-state') || 'null');
  const api = {
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => state,
    setState: (next) => { state = next; sessionStorage.setItem('grounded-state', JSON.stringify(next)); },
  };
  // Timing helpers, written here because code passed to page.evaluate from tsx-compiled tests may
  // reference esbuild's __name helper, which does not exist in the page.
  const painted = (started, resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  const until = (ready, started, resolve) => {
    const poll = () => (ready() ? painted(started, resolve) : setTimeout(poll, 1));
    poll();
  };
  window.__timedSend = () => new Promise((resolve) => {
    const before = Number(document.body.dataset.messages || '0');
    const started = performance.now();
    window.postMessage(window.__next, '*');
    until(() => Number(document.body.dataset.messages || '0') > before, started, resolve);
  });
  window.__timedSection = (section) => new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('vscode-tab-header[data-section="' + section + '"]').click();
    until(() => document.querySelector('vscode-tab-panel[data-section="' + section + '"] .section'), started, resolve);
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return api;
  };
})();
`;

/** The page, with the same CSP as the real panel (src/extension/analysis-panel/panel-html.ts) and a fresh nonce. */
function page(theme: ThemeKind): string {
  const nonce = randomBytes(16).toString('hex');
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; font-src 'self'; img-src 'self' data:`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="/theme/${theme}.css">
<link rel="stylesheet" href="/webview/main.css">
<title>Grounded analysis (test)</title>
</head>
<body class="${BODY_CLASS[theme]}" data-vscode-theme-kind="${BODY_CLASS[theme]}">
<div id="app"></div>
<script nonce="${nonce}" src="/stub.js"></script>
<script nonce="${nonce}" src="/webview/main.js"></script>
</body>
</html>
`;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      const theme = /^\/(?:panel|theme)\/(light|dark|high-contrast)(?:\.css)?$/.exec(url.pathname)?.[1] as
        ThemeKind | undefined;
      if (url.pathname.startsWith('/panel/') && theme) return send(200, 'text/html; charset=utf-8', page(theme));
      if (url.pathname.startsWith('/theme/') && theme) return send(200, 'text/css', themeCss(theme));
      if (url.pathname === '/stub.js') return send(200, 'text/javascript', STUB);
      const file = /^\/webview\/(main\.(?:js|css))$/.exec(url.pathname)?.[1];
      if (file)
        return send(
          200,
          file.endsWith('.js') ? 'text/javascript' : 'text/css',
          await readFile(path.join(webviewDir, file)),
        );
      send(404, 'text/plain', 'not found');
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
