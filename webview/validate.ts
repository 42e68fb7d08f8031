/**
 * Runtime checks of every message crossing the webview boundary, against the allowlist in protocol.ts.
 * The host runs parseWebviewMessage on everything the webview posts (a page rendering quotes and CSV cells
 * must not be able to steer the host with a malformed or unknown message); the webview runs
 * parseHostMessage on everything it receives. Both return undefined for anything not exactly allowed.
 */
import { REPORT_FORMAT } from '../src/core/analysis/report-types';
import { UNCODED_MODES } from '../src/core/model';
import {
  CO_METRICS,
  LIMITS,
  SECTION_IDS,
  type CsvValue,
  type HostMessage,
  type OverlapPair,
  type PanelState,
  type QuoteRef,
  type ReportFilter,
  type ReportRequestState,
  type StudyFacts,
  type WebviewMessage,
} from './protocol';

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only these keys (a message with extra keys is not one we sent or expect). */
function hasOnlyKeys(value: Obj, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isString(value: unknown, max: number = LIMITS.column): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isStringArray(value: unknown, maxItems: number, maxLength: number = LIMITS.column): value is string[] {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => isString(item, maxLength));
}

function isFilter(value: unknown): value is ReportFilter {
  return (
    isObject(value) &&
    hasOnlyKeys(value, ['column', 'value']) &&
    isString(value.column) &&
    value.column !== '' &&
    isString(value.value)
  );
}

export function isReportRequest(value: unknown): value is ReportRequestState {
  return (
    isObject(value) &&
    hasOnlyKeys(value, ['by', 'coders', 'filters', 'uncoded']) &&
    (value.uncoded === undefined || (UNCODED_MODES as readonly unknown[]).includes(value.uncoded)) &&
    (value.by === null || (isString(value.by) && value.by !== '')) &&
    (value.coders === null || isStringArray(value.coders, LIMITS.coders)) &&
    Array.isArray(value.filters) &&
    value.filters.length <= LIMITS.filters &&
    value.filters.every(isFilter)
  );
}

function isCsvValue(value: unknown): value is CsvValue {
  return value === null || isString(value, LIMITS.cell) || (typeof value === 'number' && Number.isFinite(value));
}

function isName(value: unknown): value is string {
  return isString(value, LIMITS.name) && value.trim() !== '';
}

/** A relative path inside the study as the report writes them: no scheme, no parent steps. */
function isRelativePath(value: unknown): value is string {
  return (
    isString(value, LIMITS.path) &&
    value !== '' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(value) &&
    !value.startsWith('/') &&
    !value.split(/[\\/]/).includes('..')
  );
}

/** Checks a message from the webview; undefined when it is not one the host accepts. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  const keys = (...names: string[]) => hasOnlyKeys(value, ['type', ...names]);
  switch (value.type) {
    case 'ready':
      return keys() ? { type: 'ready' } : undefined;
    case 'setRequest':
      return keys('request') && isReportRequest(value.request)
        ? { type: 'setRequest', request: value.request }
        : undefined;
    case 'openCoding':
      return keys('transcript', 'start', 'end', 'codingId') &&
        isRelativePath(value.transcript) &&
        isCount(value.start) &&
        isCount(value.end) &&
        value.start <= value.end &&
        isString(value.codingId, LIMITS.name)
        ? {
            type: 'openCoding',
            transcript: value.transcript,
            start: value.start,
            end: value.end,
            codingId: value.codingId,
          }
        : undefined;
    case 'openProblem':
      return keys('file', 'line', 'column') &&
        isString(value.file, LIMITS.path) &&
        value.file !== '' &&
        isCount(value.line) &&
        isCount(value.column)
        ? { type: 'openProblem', file: value.file, line: value.line, column: value.column }
        : undefined;
    case 'requestOverlaps':
      return keys('a', 'b', 'group') &&
        isString(value.a) &&
        isString(value.b) &&
        (value.group === undefined || isString(value.group))
        ? {
            type: 'requestOverlaps',
            a: value.a,
            b: value.b,
            ...(value.group !== undefined ? { group: value.group } : {}),
          }
        : undefined;
    case 'openDisagreements':
      return keys('first', 'second', 'code') &&
        isString(value.first, LIMITS.name) &&
        isString(value.second, LIMITS.name) &&
        isString(value.code, LIMITS.name) &&
        value.first !== '' &&
        value.second !== '' &&
        value.code !== ''
        ? { type: 'openDisagreements', first: value.first, second: value.second, code: value.code }
        : undefined;
    case 'exportTable': {
      if (
        !keys('name', 'header', 'rows') ||
        !isName(value.name) ||
        !isStringArray(value.header, LIMITS.tableColumns, LIMITS.cell)
      )
        return undefined;
      const width = value.header.length;
      const rows = value.rows;
      if (!Array.isArray(rows) || rows.length > LIMITS.tableRows) return undefined;
      if (!rows.every((row) => Array.isArray(row) && row.length === width && row.every(isCsvValue))) return undefined;
      return { type: 'exportTable', name: value.name, header: value.header, rows: rows as CsvValue[][] };
    }
    case 'exportSvg':
      return keys('name', 'svg') &&
        isName(value.name) &&
        isString(value.svg, LIMITS.svg) &&
        /^<svg[\s>]/.test(value.svg)
        ? { type: 'exportSvg', name: value.name, svg: value.svg }
        : undefined;
    case 'exportPng':
      return keys('name', 'dataUrl') &&
        isName(value.name) &&
        isString(value.dataUrl, LIMITS.png) &&
        /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(value.dataUrl)
        ? { type: 'exportPng', name: value.name, dataUrl: value.dataUrl }
        : undefined;
    case 'exportR':
      return keys() ? { type: 'exportR' } : undefined;
    case 'exportReport':
      return keys('format') && (value.format === 'markdown' || value.format === 'html')
        ? { type: 'exportReport', format: value.format }
        : undefined;
    case 'retrieveCode':
      return keys('code', 'group') &&
        isString(value.code, LIMITS.name) &&
        value.code !== '' &&
        (value.group === null || isString(value.group))
        ? { type: 'retrieveCode', code: value.code, group: value.group }
        : undefined;
    case 'exportNetwork':
      return keys('format', 'cooccurrence', 'group') &&
        (value.group === undefined || isString(value.group)) &&
        (value.format === 'graphml' || value.format === 'mermaid') &&
        (value.cooccurrence === null || isThreshold(value.cooccurrence))
        ? {
            type: 'exportNetwork',
            format: value.format,
            cooccurrence: value.cooccurrence,
            ...(value.group !== undefined ? { group: value.group } : {}),
          }
        : undefined;
    default:
      return undefined;
  }
}

function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isProblem(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.file, LIMITS.path) &&
    isCount(value.line) &&
    isCount(value.column) &&
    (value.severity === 'error' || value.severity === 'warning' || value.severity === 'info') &&
    typeof value.message === 'string' &&
    typeof value.kind === 'string'
  );
}

function isStudyFacts(value: unknown): value is StudyFacts {
  return (
    isObject(value) &&
    typeof value.root === 'string' &&
    isCount(value.transcripts) &&
    Array.isArray(value.problems) &&
    value.problems.every(isProblem)
  );
}

function isQuoteRef(value: unknown): value is QuoteRef {
  return (
    isObject(value) &&
    typeof value.text === 'string' &&
    typeof value.truncated === 'boolean' &&
    typeof value.participant === 'string' &&
    typeof value.transcript === 'string' &&
    isCount(value.start) &&
    isCount(value.end) &&
    typeof value.code === 'string' &&
    typeof value.codingId === 'string' &&
    typeof value.coder === 'string'
  );
}

function isOverlapPair(value: unknown): value is OverlapPair {
  return isObject(value) && isQuoteRef(value.a) && isQuoteRef(value.b);
}

/**
 * The report's top level: the sections the panel reads must be arrays or objects of the right kind. The
 * report comes from our own host, so this guards against a confused or foreign sender rather than
 * re-validating every statistic; the view model treats every figure as possibly null anyway.
 */
function isReportShape(value: unknown): boolean {
  if (!isObject(value) || value.format !== REPORT_FORMAT || typeof value.title !== 'string') return false;
  const arrays = [
    'variables',
    'comparisons',
    'codes',
    'codesByGroup',
    'codeComparisons',
    'coOccurrence',
    'problems',
    'methods',
    'surveyFiles',
  ];
  return (
    arrays.every((key) => Array.isArray(value[key])) &&
    isObject(value.options) &&
    isObject(value.coders) &&
    isObject(value.participants) &&
    isObject(value.progress) &&
    (value.jointDisplay === null || isObject(value.jointDisplay))
  );
}

/**
 * The report as an object: the host sends it as UTF-8 JSON bytes (cheap for its thread to pass on); an
 * object is taken as it is. Bytes that are not JSON give undefined, and the message is refused.
 */
function reportOf(value: unknown): unknown {
  if (!(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) return value;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(value));
  } catch {
    return undefined;
  }
}

/** Checks a message from the host; undefined when it is not one the webview accepts. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'report': {
      const report = reportOf(value.report);
      return isReportShape(report) && isReportRequest(value.request) && isStudyFacts(value.study)
        ? ({ ...value, report } as unknown as HostMessage)
        : undefined;
    }
    case 'reportError':
      return typeof value.message === 'string' &&
        isReportRequest(value.request) &&
        (value.study === null || isStudyFacts(value.study))
        ? (value as unknown as HostMessage)
        : undefined;
    case 'overlaps':
      return typeof value.a === 'string' &&
        typeof value.b === 'string' &&
        (value.group === undefined || typeof value.group === 'string') &&
        isCount(value.total) &&
        Array.isArray(value.pairs) &&
        value.pairs.every(isOverlapPair)
        ? (value as unknown as HostMessage)
        : undefined;
    default:
      return undefined;
  }
}

const DEFAULT_REQUEST: ReportRequestState = { by: null, coders: null, filters: [] };

export function defaultPanelState(): PanelState {
  return {
    version: 1,
    tab: 'overview',
    request: { ...DEFAULT_REQUEST, filters: [] },
    studyRoot: null,
    pages: {},
    coMetric: 'participants',
    coCell: null,
    codeVariable: null,
    netThreshold: null,
    netEdge: null,
  };
}

/**
 * A stored state, repaired field by field: state written by an older panel (or tampered with) falls back
 * to defaults where it does not fit, rather than breaking the restore.
 */
export function parsePanelState(value: unknown): PanelState {
  const state = defaultPanelState();
  if (!isObject(value)) return state;
  if (typeof value.tab === 'string' && (SECTION_IDS as readonly string[]).includes(value.tab))
    state.tab = value.tab as PanelState['tab'];
  if (isReportRequest(value.request)) state.request = value.request;
  if (typeof value.studyRoot === 'string' && value.studyRoot.length <= LIMITS.path) state.studyRoot = value.studyRoot;
  if (isObject(value.pages)) {
    for (const [key, page] of Object.entries(value.pages))
      if (isCount(page) && key.length <= LIMITS.name) state.pages[key] = page;
  }
  if (typeof value.coMetric === 'string' && (CO_METRICS as readonly string[]).includes(value.coMetric))
    state.coMetric = value.coMetric as PanelState['coMetric'];
  if (isObject(value.coCell) && isString(value.coCell.a) && isString(value.coCell.b))
    state.coCell = { a: value.coCell.a, b: value.coCell.b };
  if (isString(value.codeVariable)) state.codeVariable = value.codeVariable;
  if (isThreshold(value.netThreshold)) state.netThreshold = value.netThreshold;
  if (isString(value.netEdge, LIMITS.path)) state.netEdge = value.netEdge;
  return state;
}
