import type { HostMessage, PanelState, StudyFacts, StudyReport } from '../../protocol';
import type { PanelContext } from '../context';

export type OverlapsMessage = Extract<HostMessage, { type: 'overlaps' }>;

/** Everything a section renders from. */
export interface SectionArgs {
  report: StudyReport;
  study: StudyFacts;
  state: PanelState;
  context: PanelContext;
  /** Persist a state change and draw the section again. */
  update(change: Partial<PanelState>): void;
  /** The latest overlap list the host sent (co-occurrence drill-down). */
  overlaps: OverlapsMessage | undefined;
}
