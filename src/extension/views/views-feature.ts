import * as vscode from 'vscode';
import type { Feature } from '../services';
import { CodebookTree, type CodeNode } from './codebook/codebook-tree';
import { CodebookDragAndDrop } from './codebook/codebook-drop';
import { registerCodebookViewCommands } from './codebook/codebook-view-commands';
import { CodingsTree } from './codings/codings-tree';
import { RetrieveTree } from './retrieve/retrieve-tree';
import { registerRetrieveCommands } from './retrieve/retrieve-commands';
import { MemosTree } from './memos/memos-tree';
import { registerMemoCommands } from './memos/memo-commands';
import { registerRevealCoding } from './reveal-coding';
import { trackStudyState } from './study-scope';

/** The Grounded activity-bar container: Codebook, Codings (active transcript), Retrieve and Memos views. */
export const viewsFeature: Feature = (services) => {
  const { context, studies, live, fs } = services;
  const codebook = new CodebookTree(studies, services.blind);
  const codebookDrop = new CodebookDragAndDrop(studies);
  const codings = new CodingsTree(live, studies, services.coder, services.blind);
  const retrieve = new RetrieveTree(studies, fs, services.blind, services.surveys);
  const memos = new MemosTree(studies);

  const codebookView = vscode.window.createTreeView('grounded.codebook', {
    treeDataProvider: codebook,
    dragAndDropController: codebookDrop,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const codingsView = vscode.window.createTreeView('grounded.codings', { treeDataProvider: codings });
  const retrieveView = vscode.window.createTreeView('grounded.retrieve', {
    treeDataProvider: retrieve,
    showCollapseAll: true,
  });
  const memosView = vscode.window.createTreeView('grounded.memos', { treeDataProvider: memos });
  codebook.attach(codebookView);
  codings.attach(codingsView);
  retrieve.attach(retrieveView);
  context.subscriptions.push(
    codebook,
    codings,
    retrieve,
    memos,
    codebookView,
    codingsView,
    retrieveView,
    memosView,
    trackStudyState(studies),
  );

  const revealCode = async (node: CodeNode) => {
    // Only when the view is showing: reveal would otherwise open the side bar in the middle of other work.
    if (codebookView.visible) await codebookView.reveal(node, { select: true, focus: false, expand: true });
  };
  registerCodebookViewCommands(services, revealCode);
  registerRetrieveCommands(services, retrieve);
  registerMemoCommands(services);
  registerRevealCoding(services);

  services.testHooks = {
    ...services.testHooks,
    views: {
      codebook,
      codebookDrop,
      codings,
      retrieve,
      memos,
      treeViews: { codebookView, codingsView, retrieveView, memosView },
    },
  };
};
