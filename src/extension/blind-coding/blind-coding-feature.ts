import * as vscode from 'vscode';
import { describeVisibleCoders } from '../../core/index';
import type { Feature } from '../services';
import { bindCommands } from '../shared/register-command';
import { BLIND_CODING_COMMANDS } from './commands';
import { BlindStatusBar } from './blind-status-bar';

/** The blind-coding toggle: the command and its status bar item. What is hidden is decided in study/blind-coding.ts. */
export const blindCodingFeature: Feature = (services) => {
  const statusBar = new BlindStatusBar(services.blind);
  services.context.subscriptions.push(statusBar);
  bindCommands(services.context, BLIND_CODING_COMMANDS, {
    toggleBlindCoding: async () => {
      await services.blind.toggle();
      vscode.window.setStatusBarMessage(`Grounded: ${describeVisibleCoders(services.blind.visible)}`, 5000);
      return services.blind.visible;
    },
  });
  services.testHooks = { ...services.testHooks, blindCoding: { service: services.blind, statusBar: statusBar.item } };
};
