import * as vscode from 'vscode';
import type { Feature } from '../services';
import { toVscodeUri } from '../platform/workspace-file-system';
import { registerCommand } from '../shared/register-command';
import { createdMessage, createStudy } from './create-study';
import { openExampleStudy } from './open-example-study';

/** Starting out: create a study in the open folder, or open a copy of the bundled example study. */
export const studySetupFeature: Feature = (services) => {
  const { context } = services;
  registerCommand(context, 'grounded.createStudy', async (arg?: unknown) => {
    const created = await createStudy(services, arg);
    if (created && !(typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri))) {
      const open = 'Open grounded.yaml';
      void vscode.window.showInformationMessage(createdMessage(created), open).then(async (answer) => {
        if (answer === open) await vscode.window.showTextDocument(toVscodeUri(created.settings));
      });
    }
    return created;
  });
  registerCommand(context, 'grounded.openExampleStudy', (arg?: unknown) => openExampleStudy(services, arg));
};
