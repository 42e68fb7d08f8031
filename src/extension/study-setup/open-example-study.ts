import * as vscode from 'vscode';
import type { GroundedServices } from '../services';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { copyFolder } from './copy-folder';

/** The example study ships inside the extension (.vscodeignore keeps examples/mentorship-study/**). */
const EXAMPLE = ['examples', 'mentorship-study'] as const;

/**
 * grounded.openExampleStudy: copies the bundled example study (transcripts, sidecars of two coders, codebook,
 * survey, memos) into a folder the person picks, so they can code in it freely, then opens it. An existing
 * folder of that name is never overwritten: the copy gets a numbered name instead. A script passes `target`
 * (the folder to copy into, a Uri or URI string: skips the dialog; the copy is `<target>/mentorship-study`)
 * and `open: false` to copy without switching the window to the copy (tests).
 */
export async function openExampleStudy(services: GroundedServices, arg?: unknown): Promise<vscode.Uri | undefined> {
  const args = commandArgs(arg);
  const given = args.resource() ? undefined : args.uri('target');
  const parent =
    given instanceof vscode.Uri
      ? given
      : typeof given === 'string'
        ? vscode.Uri.parse(given, true)
        : await chooseParent();
  if (!parent) return undefined;
  const source = vscode.Uri.joinPath(services.context.extensionUri, ...EXAMPLE);
  try {
    await vscode.workspace.fs.stat(source);
  } catch {
    throw new UserError('The example study is missing from this installation of Grounded.');
  }
  const target = await freeName(parent, EXAMPLE[1]);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Copying the example study…' },
    () => copyFolder(source, target),
  );
  if (args.unknown('open') !== false)
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
  return target;
}

async function chooseParent(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Copy Example Here',
    title: 'Where should the example study be copied? (a folder "mentorship-study" is made inside)',
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function freeName(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let attempt = 1; attempt < 100; attempt++) {
    const candidate = vscode.Uri.joinPath(parent, attempt === 1 ? name : `${name}-${attempt}`);
    if (!(await exists(candidate))) return candidate;
  }
  throw new UserError(`${parent.fsPath} already holds many copies of the example study.`);
}
