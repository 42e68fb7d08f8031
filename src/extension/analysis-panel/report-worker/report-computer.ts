import type {
  Codebook,
  CodeNetwork,
  FileSystemPort,
  RefiExportOptions,
  Study,
  VisibleCoders,
} from '../../../core/index';
import type { ReportRequestState } from '../../../../webview/protocol';
import type { EncodedOutcome } from './encoded-report';
import type { OverlapsResult } from './messages';
import type { RefiProjectOutcome, RPackageOutcome } from './outcomes';
import { ReportService } from './report-service';

/**
 * Where the analysis panel's reports are computed: in a worker (the extension host's thread stays free for
 * decorations, hovers and the next coding) or in-process where workers are unavailable. Both give the same
 * results: they run the same ReportService over the same study.
 */
export interface ReportComputer {
  /** 'worker', or 'in-process' with the reason (logged once when the worker could not be used). */
  readonly where: string;
  report(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<EncodedOutcome>;
  overlaps(
    study: Study,
    visible: VisibleCoders,
    request: ReportRequestState,
    a: string,
    b: string,
  ): Promise<OverlapsResult>;
  /** The files of Export for R's package (built where the reports are). */
  rPackage(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<RPackageOutcome>;
  /** The network a panel export writes (co-occurrence at `threshold`). */
  network(
    study: Study,
    visible: VisibleCoders,
    request: ReportRequestState,
    threshold: number | null,
  ): Promise<CodeNetwork>;
  /** Export Study as REFI-QDA Project's archive (the codebook with its GUIDs already stored). */
  refiProject(study: Study, codebook: Codebook, options: RefiExportOptions): Promise<RefiProjectOutcome>;
  dispose(): void;
}

export class InProcessReportComputer implements ReportComputer {
  private readonly service: ReportService;

  constructor(
    fs: FileSystemPort,
    readonly where = 'in-process',
  ) {
    this.service = new ReportService(fs);
  }

  report(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<EncodedOutcome> {
    return this.service.report(study, visible, request);
  }

  rPackage(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<RPackageOutcome> {
    return this.service.rPackage(study, visible, request);
  }

  refiProject(study: Study, codebook: Codebook, options: RefiExportOptions): Promise<RefiProjectOutcome> {
    return this.service.refiProject(study, codebook, options);
  }

  network(study: Study, visible: VisibleCoders, request: ReportRequestState, threshold: number | null) {
    return this.service.network(study, visible, request, threshold);
  }

  async overlaps(study: Study, visible: VisibleCoders, request: ReportRequestState, a: string, b: string) {
    return this.service.overlaps(study, visible, request, a, b);
  }

  dispose(): void {
    // Nothing held.
  }
}
