import * as vscode from 'vscode';
import { bestMatch, type Code, recentFirst, type Study } from '../../core/index';
import { codeIcon } from './code-icons';
import { categoryLabel, codesInTreeOrder } from './code-tree';

/** What the person picked: an existing code, or the name of a code to create (open coding). */
export type CodeChoice = { readonly id: string } | { readonly newName: string };

export interface CodePickerOptions {
  readonly title: string;
  readonly placeholder?: string;
  readonly canPickMany?: boolean;
  /** Offer "Create new code '…'" for typed text that names no code. */
  readonly allowCreate?: boolean;
  /** Codes not offered (e.g. the code being merged). */
  readonly exclude?: ReadonlySet<string>;
  /** Codes shown first under "recently used", most recent first. */
  readonly recent?: readonly string[];
}

interface CodeItem extends vscode.QuickPickItem {
  readonly choice?: CodeChoice;
}

/**
 * A quick pick over the codebook: fuzzy search over names, categories and definitions, recently used
 * codes first, colour swatches, several codes at once (Space ticks, Enter takes the ticked ones or else
 * the highlighted one), and "Create new code" when the typed text names no code.
 */
export async function pickCodes(study: Study, options: CodePickerOptions): Promise<CodeChoice[] | undefined> {
  const pick = vscode.window.createQuickPick<CodeItem>();
  pick.title = options.title;
  pick.placeholder =
    options.placeholder ??
    (options.allowCreate
      ? 'Type to search codes and definitions, or to name a new code'
      : 'Type to search codes and definitions');
  pick.canSelectMany = options.canPickMany ?? false;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const base = baseItems(study, options);

  const names = new Set(study.codebook.codes.flatMap((code) => [code.name.toLowerCase(), code.id.toLowerCase()]));
  const update = (value: string) => {
    const name = value.trim();
    const create: CodeItem[] =
      options.allowCreate && name && !names.has(name.toLowerCase())
        ? [
            {
              label: `$(add) Create new code "${name}"`,
              description: 'adds it to the codebook',
              alwaysShow: true,
              choice: { newName: name },
            },
          ]
        : [];
    const selected = pick.selectedItems;
    pick.items = [...base, ...create];
    if (!pick.canSelectMany) return;
    pick.selectedItems = pick.items.filter((item) => selected.some((s) => s.choice === item.choice));
    // A multi-select pick highlights no row by itself, so Enter would do nothing: highlight the row the
    // typed text most plausibly means, or "Create new code" when it means none.
    const codes = base.filter((item) => item.choice);
    const best = bestMatch(codes, name);
    const active = best !== undefined ? codes[best] : create[0];
    pick.activeItems = active ? [active] : [];
  };
  pick.onDidChangeValue(update);
  update('');

  return new Promise<CodeChoice[] | undefined>((resolve) => {
    let done = false;
    const finish = (result: CodeChoice[] | undefined) => {
      if (done) return;
      done = true;
      resolve(result);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen =
        pick.canSelectMany && pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems.slice(0, 1);
      const choices = chosen.flatMap((item) => (item.choice ? [item.choice] : []));
      if (choices.length > 0) finish(choices);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

function baseItems(study: Study, options: CodePickerOptions): CodeItem[] {
  const ordered = codesInTreeOrder(study.codebook).filter(({ code }) => !options.exclude?.has(code.id));
  const pathOf = new Map(ordered.map(({ code, path }) => [code.id, path]));
  const { recent, rest } = recentFirst(
    ordered.map(({ code }) => code),
    options.recent ?? [],
  );
  const item = (code: Code): CodeItem => {
    const category = categoryLabel(pathOf.get(code.id) ?? []);
    return {
      label: code.name,
      description: category ? `${category} · ${code.id}` : code.id,
      ...(code.definition ? { detail: code.definition } : {}),
      iconPath: codeIcon(code),
      choice: { id: code.id },
    };
  };
  const items: CodeItem[] = [];
  if (recent.length > 0) {
    items.push({ label: 'recently used', kind: vscode.QuickPickItemKind.Separator }, ...recent.map(item));
    items.push({ label: 'codebook', kind: vscode.QuickPickItemKind.Separator });
  }
  items.push(...rest.map(item));
  return items;
}

/** Picks one code (no creation): for changing, merging and moving codes. */
export async function pickOneCode(
  study: Study,
  options: Omit<CodePickerOptions, 'canPickMany' | 'allowCreate'>,
): Promise<string | undefined> {
  const picked = await pickCodes(study, { ...options, canPickMany: false, allowCreate: false });
  const first = picked?.[0];
  return first && 'id' in first ? first.id : undefined;
}
