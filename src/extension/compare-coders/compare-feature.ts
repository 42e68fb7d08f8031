import * as vscode from 'vscode';
import type { Feature } from '../services';
import { bindCommands } from '../shared/register-command';
import { COMPARE_CODERS_COMMANDS } from './commands';
import { CompareDecorations } from './compare-decorations';
import { CompareHoverProvider } from './compare-hover';
import type { CompareContext } from './compare-context';
import { CompareCoders } from './comparison';
import { DecisionMemory } from './decision-memory';
import { DISAGREEMENTS_VIEW, DisagreementsTree } from './disagreements-tree';
import { comparisonOf, showDisagreementCommand, stepCommand } from './go-to-disagreement';
import { QuickPicks } from '../shared/quick-pick-choice';
import { resolveCommand } from './resolve-disagreement';
import { seedConsensusCommand } from './seed-consensus';
import { compareCodersCommand } from './start-comparison';

/**
 * Compare Coders: two coders' codings marked apart in the editor, their disagreements listed in the
 * Disagreements view with next / previous keys, each resolved into the consensus coder's sidecar, and the
 * consensus seeded with what they agree on.
 */
export const compareCodersFeature: Feature = (services) => {
  const memory = new DecisionMemory(services.context.workspaceState);
  const compare = new CompareCoders(services.studies, memory);
  const tree = new DisagreementsTree(compare);
  const view = vscode.window.createTreeView(DISAGREEMENTS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const decorations = new CompareDecorations(compare, services.live, services.texts);
  const picks = new QuickPicks();
  const context: CompareContext = { services, compare, memory, picks, tree, view };
  services.context.subscriptions.push(
    compare,
    tree,
    view,
    decorations,
    vscode.languages.registerHoverProvider('*', new CompareHoverProvider(compare, services.live, services.texts)),
    // Turning blind coding on ends a running comparison: it shows both coders.
    services.blind.onDidChange((visible) => {
      if (visible.blind) compare.stop();
    }),
  );

  bindCommands(services.context, COMPARE_CODERS_COMMANDS, {
    compareCoders: (arg) => compareCodersCommand(context, arg),
    stopComparing: () => {
      comparisonOf(context);
      compare.stop();
    },
    nextDisagreement: () => stepCommand(context, 1),
    previousDisagreement: () => stepCommand(context, -1),
    showDisagreement: (arg) => showDisagreementCommand(context, arg),
    resolve: (arg) => resolveCommand(context, 'ask', arg),
    keepFirst: (arg) => resolveCommand(context, 'first', arg),
    keepSecond: (arg) => resolveCommand(context, 'second', arg),
    keepBoth: (arg) => resolveCommand(context, 'both', arg),
    keepNeither: (arg) => resolveCommand(context, 'neither', arg),
    adjust: (arg) => resolveCommand(context, 'adjusted', arg),
    seedConsensus: (arg) => seedConsensusCommand(context, arg),
  });

  services.testHooks = { ...services.testHooks, compareCoders: { compare, tree, view, decorations, picks } };
};
