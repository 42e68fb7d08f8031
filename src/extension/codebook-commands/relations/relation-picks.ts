import * as vscode from 'vscode';
import { type Code, type CodeRelation, type RelationType, relationsOf, type Study } from '../../../core/index';
import { codeIcon } from '../../shared/code-icons';
import { categoryLabel, codesInTreeOrder } from '../../shared/code-tree';
import { isDirected, relationSentence, typeLabel } from '../../shared/relation-text';
import { QuickPicks } from '../../shared/quick-pick-choice';

export interface CodeItem extends vscode.QuickPickItem {
  readonly code: Code;
}
export interface TypeItem extends vscode.QuickPickItem {
  readonly type: RelationType;
}
export interface RelationItem extends vscode.QuickPickItem {
  readonly relation: CodeRelation;
}

/**
 * The quick picks of the relation commands, one at a time: type to filter, arrows, Enter. The pick on screen
 * is readable while open, so the integration test answers it the way a person does (typing, then Enter).
 */
export class RelationPicks extends QuickPicks {
  private openInput: vscode.InputBox | undefined;

  /** The input box on screen, if any. */
  get showingInput(): vscode.InputBox | undefined {
    return this.openInput;
  }

  /** A line of text (a memo); undefined when dismissed with Escape. */
  input(options: {
    readonly title: string;
    readonly prompt: string;
    readonly value: string;
  }): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.value = options.value;
    return new Promise<string | undefined>((resolve) => {
      let entered: string | undefined;
      box.onDidAccept(() => {
        entered = box.value;
        box.hide();
      });
      box.onDidHide(() => {
        if (this.openInput === box) this.openInput = undefined;
        box.dispose();
        resolve(entered);
      });
      this.openInput = box;
      box.show();
    });
  }
}

/** The codebook's codes in tree order, with colour, category path and definition to search by. */
export function codeItems(study: Study, exclude: ReadonlySet<string> = new Set()): CodeItem[] {
  return codesInTreeOrder(study.codebook)
    .filter(({ code }) => !exclude.has(code.id))
    .map(({ code, path }) => {
      const category = categoryLabel(path);
      return {
        label: code.name,
        description: [code.core ? 'core category' : '', category, code.id].filter(Boolean).join(' · '),
        ...(code.definition ? { detail: code.definition } : {}),
        iconPath: codeIcon(code),
        code,
      };
    });
}

/** The study's relation types; the sentence each would make between the two codes, when the first is known. */
export function typeItems(types: readonly RelationType[], fromName: string): TypeItem[] {
  return types.map((type) => ({
    label: typeLabel(types, type.id),
    description: `${type.directed ? 'directed' : 'undirected'} · ${type.id}`,
    detail: `${fromName} ${type.directed ? '→' : '—'} ${typeLabel(types, type.id)} ${type.directed ? '→' : '—'} …`,
    type,
  }));
}

/** Relations, optionally only those touching a code, read as sentences with their memo to search by. */
export function relationItems(study: Study, code?: string): RelationItem[] {
  const types = study.settings.relationTypes;
  return relationsOf(study.codebook)
    .filter((r) => code === undefined || r.from === code || r.to === code)
    .map((relation) => ({
      label: relationSentence(study.codebook, types, relation),
      description: isDirected(types, relation.type) ? undefined : 'undirected',
      ...(relation.memo ? { detail: relation.memo } : {}),
      relation,
    }));
}
