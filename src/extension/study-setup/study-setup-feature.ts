import * as vscode from 'vscode';
import type { Feature } from '../services';
import { toVscodeUri } from '../platform/workspace-file-system';
import { bindCommands, commandArgs } from '../shared/register-command';
import { STUDY_SETUP_COMMANDS } from './commands';
import { createdMessage, createStudy } from './create-study';
import { openExampleStudy } from './open-example-study';

/** Starting out: create a study in the open folder, or open a copy of the bundled example study. */
export const studySetupFeature: Feature = (services) => {
  const { context } = services;
  const create = async (arg?: unknown) => {
    const created = await createStudy(services, arg);
    // A script that passed arguments gets the result, not a message.
    if (created && !commandArgs(arg).isObject) {
      const open = 'Open grounded.yaml';
      void vscode.window.showInformationMessage(createdMessage(created), open).then(async (answer) => {
        if (answer === open) await vscode.window.showTextDocument(toVscodeUri(created.settings));
      });
    }
    return created;
  };
  bindCommands(context, STUDY_SETUP_COMMANDS, {
    createStudy: create,
    openExampleStudy: (arg?: unknown) => openExampleStudy(services, arg),
  });
};
