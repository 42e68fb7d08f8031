import type * as vscode from 'vscode';
import type { GroundedServices } from '../services';
import type { CompareCoders } from './comparison';
import type { DecisionMemory } from './decision-memory';
import type { DisagreementsNode, DisagreementsTree } from './disagreements-tree';
import type { QuickPicks } from '../shared/quick-pick-choice';

/** What the Compare Coders commands share: the services, the comparison on screen, its view and pickers. */
export interface CompareContext {
  readonly services: GroundedServices;
  readonly compare: CompareCoders;
  readonly memory: DecisionMemory;
  readonly picks: QuickPicks;
  readonly tree: DisagreementsTree;
  readonly view: vscode.TreeView<DisagreementsNode>;
}
