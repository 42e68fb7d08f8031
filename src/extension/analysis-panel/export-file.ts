import { renderHtml, renderMarkdown, toCsv } from '../../core/index';
import type { StudyReport, WebviewMessage } from '../../../webview/protocol';

// No 'vscode' here: what an export writes is decided by pure code, unit-tested in plain Node.

export type ExportMessage = Extract<
  WebviewMessage,
  { type: 'exportTable' | 'exportSvg' | 'exportPng' | 'exportReport' }
>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * An SVG the panel drew (Observable Plot output) carries no scripts; one that does was not made by the
 * panel, and a saved SVG opened in a browser would run it. Refused rather than cleaned.
 */
function isInertSvg(svg: string): boolean {
  return !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY/i.test(svg);
}

/** File name, content and dialog filter of an export. */
export function exportFile(
  message: ExportMessage,
  report: StudyReport,
): { fileName: string; bytes: Uint8Array; filters: Record<string, string[]> } | { error: string } {
  const encode = (text: string) => new TextEncoder().encode(text);
  const base = `${report.title}-${'name' in message ? message.name : 'report'}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  switch (message.type) {
    case 'exportTable':
      return { fileName: `${base}.csv`, bytes: encode(toCsv(message.header, message.rows)), filters: { CSV: ['csv'] } };
    case 'exportSvg':
      if (!isInertSvg(message.svg)) return { error: 'the chart contains active content and was not saved' };
      return {
        fileName: `${base}.svg`,
        bytes: encode(`<?xml version="1.0" encoding="UTF-8"?>\n${message.svg}\n`),
        filters: { SVG: ['svg'] },
      };
    case 'exportPng': {
      const bytes = fromBase64(message.dataUrl.slice(message.dataUrl.indexOf(',') + 1));
      if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return { error: 'the image is not a PNG' };
      return { fileName: `${base}.png`, bytes, filters: { PNG: ['png'] } };
    }
    case 'exportReport': {
      const stem = `${report.title}-report`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
      return message.format === 'markdown'
        ? { fileName: `${stem}.md`, bytes: encode(renderMarkdown(report)), filters: { Markdown: ['md'] } }
        : { fileName: `${stem}.html`, bytes: encode(renderHtml(report)), filters: { HTML: ['html', 'htm'] } };
    }
  }
}

export { exportTargetRefusal } from '../shared/export-target';
