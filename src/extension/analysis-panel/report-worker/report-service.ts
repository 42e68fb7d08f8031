import {
  visibleStudy,
  type FileSystemPort,
  type MergedSurvey,
  SurveyCache,
  type Study,
  type VisibleCoders,
} from '../../../core/index';
import type { ReportRequestState } from '../../../../webview/protocol';
import { overlappingPairs } from '../overlaps';
import { buildPanelReport } from '../report-builder';
import { encodeOutcome, type EncodedOutcome } from './encoded-report';
import type { OverlapsResult } from './messages';

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

  overlaps(study: Study, visible: VisibleCoders, request: ReportRequestState, a: string, b: string): OverlapsResult {
    return overlappingPairs(visibleStudy(study, visible), this.lastSurvey, request, a, b);
  }
}
