import {
  buildQdpx,
  buildRPackage,
  RefiExportError,
  loadSurvey,
  ReportRequestError,
  visibleStudy,
  type FileSystemPort,
  type Codebook,
  type CodeNetwork,
  type MergedSurvey,
  type RefiExportOptions,
  SurveyCache,
  type Study,
  type VisibleCoders,
} from '../../../core/index';
import type { ReportRequestState } from '../../../../webview/protocol';
import { overlappingPairs } from '../overlaps';
import { buildPanelReport, reportRequestOf } from '../report-builder';
import { panelNetwork } from '../network-export';
import { encodeOutcome, type EncodedOutcome } from './encoded-report';
import type { OverlapsResult } from './messages';
import type { RefiProjectOutcome, RPackageOutcome } from './outcomes';

/**
 * The report work itself, the same on every thread: the report of the study as displayed (blind coding
 * applied) for the panel's request, and the overlapping codings behind a co-occurrence cell, read against
 * the survey of the last report built (as the panel showed it).
 */
export class ReportService {
  private lastSurvey: MergedSurvey | undefined;
  /** A rebuild after a coding parses the survey again only when its files changed. */
  private readonly surveys = new SurveyCache();

  constructor(private readonly fs: FileSystemPort) {}

  async report(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<EncodedOutcome> {
    const built = await buildPanelReport(this.fs, visibleStudy(study, visible), request, this.surveys);
    this.lastSurvey = built.survey;
    return encodeOutcome(built.ok ? { ok: true, report: built.report } : { ok: false, message: built.message });
  }

  /** The package Export for R writes, for the study as displayed and the panel's request. */
  async rPackage(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<RPackageOutcome> {
    const shown = visibleStudy(study, visible);
    const loaded = await loadSurvey(this.fs, shown, this.surveys);
    if (loaded && !loaded.ok) return { kind: 'survey-problem', problem: loaded.problems[0] };
    try {
      const pack = buildRPackage(shown, loaded?.value, reportRequestOf(request));
      const encoder = new TextEncoder();
      return {
        kind: 'files',
        files: pack.files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })),
      };
    } catch (error) {
      if (error instanceof ReportRequestError) return { kind: 'request-error', messages: error.messages };
      throw error;
    }
  }

  /** Export Study as REFI-QDA Project's archive, for a codebook whose codes all have their GUIDs stored. */
  async refiProject(study: Study, codebook: Codebook, options: RefiExportOptions): Promise<RefiProjectOutcome> {
    const loaded = await loadSurvey(this.fs, study, this.surveys);
    if (loaded && !loaded.ok) return { kind: 'survey-problem', problem: loaded.problems[0] };
    try {
      return { kind: 'archive', archive: buildQdpx(study, codebook, loaded?.value, options) };
    } catch (error) {
      if (error instanceof RefiExportError) return { kind: 'refused', message: error.message };
      throw error;
    }
  }

  /** The network a panel export writes: codes, relations and co-occurrence at `threshold` for the request. */
  async network(
    study: Study,
    visible: VisibleCoders,
    request: ReportRequestState,
    threshold: number | null,
  ): Promise<CodeNetwork> {
    const loaded = await loadSurvey(this.fs, study, this.surveys);
    return panelNetwork(visibleStudy(study, visible), loaded?.ok ? loaded.value : undefined, request, threshold);
  }

  overlaps(study: Study, visible: VisibleCoders, request: ReportRequestState, a: string, b: string): OverlapsResult {
    return overlappingPairs(visibleStudy(study, visible), this.lastSurvey, request, a, b);
  }
}
