import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_COMMANDS } from '../../../src/extension/commands';

// package.json's contributions and the extension's code must agree: a command registered but not
// contributed is invisible (no palette entry, no keybinding), a contributed one never registered fails
// with "command not found", and a menu or keybinding naming a missing command silently does nothing.
// The extension's commands are the declarations listed in src/extension/commands.ts (free of vscode, so this
// test imports them); each feature binds a handler to every declaration of its own with bindCommands.

const repo = path.resolve(__dirname, '../../..');
const extensionSource = path.join(repo, 'src/extension');

interface CommandContribution {
  command: string;
  title?: string;
  category?: string;
  icon?: unknown;
}
interface MenuItem {
  command?: string;
  alt?: string;
  submenu?: string;
  when?: string;
  group?: string;
}
interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  linux?: string;
  win?: string;
  when?: string;
}
interface ViewContribution {
  id: string;
  name?: string;
  icon?: string;
}
interface Manifest {
  main?: string;
  browser?: string;
  engines: { vscode: string };
  activationEvents?: string[];
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  contributes: {
    commands?: CommandContribution[];
    menus?: Record<string, MenuItem[]>;
    submenus?: { id: string; label?: string; icon?: unknown }[];
    keybindings?: Keybinding[];
    viewsContainers?: Record<string, { id: string; title?: string; icon?: string }[]>;
    views?: Record<string, ViewContribution[]>;
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
    languages?: { id: string; configuration?: string }[];
    yamlValidation?: { url: string }[];
    jsonValidation?: { url: string }[];
    walkthroughs?: {
      id: string;
      steps: { id: string; description?: string; media?: Record<string, unknown>; completionEvents?: string[] }[];
    }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;

/** Internal commands (not for people; used by links, tests, other commands) need no contribution. */
const isInternal = (id: string): boolean => id.startsWith('_') || id.startsWith('grounded._');

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file))
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------
// Keys VS Code binds by default to common actions (Linux/Windows and macOS spellings). An extension
// keybinding on one of these, or a chord starting with one, takes the action away from people.
// Deliberately short: the everyday editing, file and window keys, and the ctrl+k chords of the
// default keymap that people use most (comment, fold, format, zen mode, settings, …).
// ---------------------------------------------------------------------------------------------------
export const RESERVED_KEYS: readonly string[] = [
  // clipboard, undo/redo, save, find/replace, select all, palette, quick open, help
  'ctrl+c',
  'ctrl+v',
  'ctrl+x',
  'ctrl+z',
  'ctrl+y',
  'ctrl+shift+z',
  'ctrl+s',
  'ctrl+shift+s',
  'ctrl+a',
  'ctrl+f',
  'ctrl+h',
  'ctrl+shift+f',
  'ctrl+shift+h',
  'ctrl+p',
  'ctrl+shift+p',
  'ctrl+e',
  'ctrl+g',
  'f1',
  'cmd+c',
  'cmd+v',
  'cmd+x',
  'cmd+z',
  'cmd+shift+z',
  'cmd+s',
  'cmd+a',
  'cmd+f',
  'cmd+alt+f',
  'cmd+shift+f',
  'cmd+p',
  'cmd+shift+p',
  'ctrl+shift+g',
  // editing: comment, delete line, duplicate/move line, indent, multi-cursor, go to definition, rename
  'ctrl+/',
  'ctrl+shift+k',
  'ctrl+d',
  'ctrl+l',
  'ctrl+enter',
  'ctrl+shift+enter',
  'ctrl+]',
  'ctrl+[',
  'ctrl+space',
  'ctrl+.',
  'f2',
  'f12',
  'shift+f12',
  'alt+up',
  'alt+down',
  'shift+alt+up',
  'shift+alt+down',
  'shift+alt+f',
  'cmd+/',
  'cmd+d',
  'cmd+l',
  'cmd+.',
  // window: new/close/reopen, sidebar, terminal, panels, settings, zoom, tabs, groups
  'ctrl+n',
  'ctrl+w',
  'ctrl+shift+t',
  'ctrl+shift+n',
  'ctrl+shift+w',
  'ctrl+b',
  'ctrl+j',
  'ctrl+`',
  'ctrl+shift+`',
  'ctrl+,',
  'ctrl+=',
  'ctrl+-',
  'ctrl+0',
  'ctrl+tab',
  'ctrl+shift+tab',
  'ctrl+pageup',
  'ctrl+pagedown',
  'ctrl+\\',
  'ctrl+shift+e',
  'ctrl+shift+x',
  'ctrl+shift+d',
  'ctrl+shift+m',
  'ctrl+shift+u',
  'ctrl+shift+o',
  'ctrl+shift+.',
  'ctrl+shift+[',
  'ctrl+shift+]',
  'ctrl+r',
  'ctrl+t',
  'ctrl+o',
  'ctrl+q',
  'ctrl+1',
  'ctrl+2',
  'ctrl+3',
  'ctrl+4',
  'ctrl+5',
  'ctrl+6',
  'ctrl+7',
  'ctrl+8',
  'ctrl+9',
  'alt+1',
  'alt+2',
  'alt+3',
  'alt+4',
  'alt+5',
  'alt+6',
  'alt+7',
  'alt+8',
  'alt+9',
  'cmd+n',
  'cmd+w',
  'cmd+shift+t',
  'cmd+b',
  'cmd+j',
  'cmd+,',
  'cmd+=',
  'cmd+-',
  'cmd+1',
  'cmd+2',
  'cmd+3',
  'f5',
  'shift+f5',
  'ctrl+f5',
  'f8',
  'shift+f8',
  'f9',
  'f10',
  'f11',
  'ctrl+f4',
  'alt+f4',
  'escape',
  'tab',
  'shift+tab',
  'enter',
  // the ctrl+k chords people use most (cmd+k on macOS)
  'ctrl+k ctrl+c',
  'ctrl+k ctrl+u',
  'ctrl+k ctrl+f',
  'ctrl+k ctrl+d',
  'ctrl+k ctrl+s',
  'ctrl+k ctrl+t',
  'ctrl+k ctrl+o',
  'ctrl+k ctrl+w',
  'ctrl+k ctrl+0',
  'ctrl+k ctrl+j',
  'ctrl+k ctrl+[',
  'ctrl+k ctrl+]',
  'ctrl+k ctrl+x',
  'ctrl+k ctrl+i',
  'ctrl+k ctrl+k',
  'ctrl+k ctrl+m',
  'ctrl+k ctrl+h',
  'ctrl+k z',
  'ctrl+k m',
  'ctrl+k v',
  'ctrl+k w',
  'ctrl+k s',
  'ctrl+k enter',
  'ctrl+k p',
  'ctrl+k o',
  'ctrl+k f',
  'cmd+k cmd+c',
  'cmd+k cmd+u',
  'cmd+k cmd+f',
  'cmd+k cmd+s',
  'cmd+k cmd+t',
  'cmd+k z',
  'cmd+k m',
  'cmd+k v',
  'cmd+k cmd+0',
  'cmd+k cmd+j',
  'cmd+k w',
];

/** Lower case, `meta`/`win` → cmd, modifiers in a fixed order: `Shift+Ctrl+K` → `ctrl+shift+k`. */
export function normalizeKey(key: string): string {
  const order = ['ctrl', 'shift', 'alt', 'cmd'];
  return key
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((part) => {
      const pieces = part.split(/\+(?!$)/).map((p) => ({ meta: 'cmd', win: 'cmd', option: 'alt' })[p] ?? p);
      const modifiers = pieces.filter((p) => order.includes(p)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      const rest = pieces.filter((p) => !order.includes(p));
      return [...modifiers, ...rest].join('+');
    })
    .join(' ');
}

const reserved = new Set(RESERVED_KEYS.map(normalizeKey));

/** Why a key must not be bound, if it must not: it is a reserved key, or its chord starts with one. */
export function reservedConflict(key: string): string | undefined {
  const normalized = normalizeKey(key);
  if (reserved.has(normalized)) return `${normalized} is a default VS Code key`;
  const first = normalized.split(' ')[0] ?? '';
  if (normalized.includes(' ') && reserved.has(first)) return `its chord starts with ${first}, a default VS Code key`;
  if (!normalized.includes(' ') && (first === 'ctrl+k' || first === 'cmd+k')) return `${first} starts VS Code's chords`;
  return undefined;
}

function versionTuple(version: string): [number, number, number] {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(version);
  assert.ok(match, `not a version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** The command ids in `command:grounded.x` links (welcome views, walkthroughs, markdown). */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\(command:([A-Za-z0-9_.-]+)/g)].map((m) => m[1] ?? '');
}

const contributed = new Map((contributes.commands ?? []).map((c) => [c.command, c]));
const declared = new Set(ALL_COMMANDS.map((command) => command.id));
const isRegistered = (id: string): boolean => declared.has(id);
const viewIds = new Set(Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id)));

describe('package.json manifest', () => {
  describe('commands', () => {
    it('declares each command once (src/extension/commands.ts)', () => {
      const ids = ALL_COMMANDS.map((command) => command.id);
      assert.deepEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
        'declared twice',
      );
      assert.ok(ids.length >= 10, `only ${ids.length} commands declared: is a feature's group missing?`);
      assert.ok(isRegistered('grounded.showVersion'), 'grounded.showVersion (commands.ts) is not declared');
    });

    it('registers commands only through their declarations (bindCommands)', () => {
      // A direct registerCommand call would add a command this test cannot see.
      const direct = listTs(extensionSource)
        .filter((file) => path.relative(extensionSource, file) !== path.join('shared', 'register-command.ts'))
        .filter((file) => /\b(registerCommand|registerTextEditorCommand)\s*\(/.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(repo, file));
      assert.deepEqual(direct, [], "declare the command in the feature's commands.ts and bind it with bindCommands");
    });

    it('declares the title each command is contributed with', () => {
      const differing = ALL_COMMANDS.filter(
        (command) => contributed.has(command.id) && contributed.get(command.id)?.title !== command.title,
      ).map((command) => `${command.id}: "${command.title}" ≠ "${contributed.get(command.id)?.title}"`);
      assert.deepEqual(differing, []);
    });

    it('registers only grounded.* ids', () => {
      const foreign = [...declared].filter((id) => !id.startsWith('grounded.') && !id.startsWith('_grounded.'));
      assert.deepEqual(foreign, []);
    });

    it('contributes every registered command (internal _ ids excepted)', () => {
      const missing = [...declared].filter((id) => !isInternal(id) && !contributed.has(id));
      assert.deepEqual(missing, [], 'declared in src/extension but not in contributes.commands');
    });

    it('registers every contributed command', () => {
      const stale = [...contributed.keys()].filter((id) => !isRegistered(id));
      assert.deepEqual(stale, [], 'in contributes.commands but declared nowhere in src/extension');
    });

    it('contributes each command once, with a title and the "Grounded" category', () => {
      const ids = (contributes.commands ?? []).map((c) => c.command);
      assert.deepEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
        'duplicate command contributions',
      );
      const bad = (contributes.commands ?? [])
        .filter((c) => c.category !== 'Grounded' || !c.title?.trim() || /^grounded:/i.test(c.title))
        .map((c) => c.command);
      assert.deepEqual(
        bad,
        [],
        'commands without a title, with a title starting "Grounded:" or with a category other than "Grounded"',
      );
    });

    it('runs only existing commands from source (executeCommand("grounded.…"))', () => {
      const calls: string[] = [];
      for (const file of listTs(extensionSource)) {
        for (const m of readFileSync(file, 'utf8').matchAll(
          /executeCommand(?:<[^>]*>)?\(\s*['"`](grounded\.[A-Za-z0-9_.]+)['"`]/g,
        )) {
          const id = m[1] ?? '';
          // views contribute `<view id>.focus`, `.resetViewLocation`, … of their own
          const viewCommand = [...viewIds].some(
            (view) =>
              id.startsWith(`${view}.`) &&
              !contributed.has(id) &&
              /\.(focus|resetViewLocation|open|removeView|toggleVisibility)$/.test(id),
          );
          if (!isRegistered(id) && !viewCommand) calls.push(`${id} (${path.relative(repo, file)})`);
        }
      }
      assert.deepEqual(calls, []);
    });
  });

  describe('menus and keybindings', () => {
    it('menu entries name contributed commands and submenus', () => {
      const submenus = new Set((contributes.submenus ?? []).map((s) => s.id));
      const problems: string[] = [];
      for (const [menu, items] of Object.entries(contributes.menus ?? {})) {
        if (menu !== 'commandPalette' && menu.startsWith('grounded.') && !submenus.has(menu))
          problems.push(`menu ${menu} is not a contributed submenu`);
        items.forEach((item, i) => {
          const where = `menus["${menu}"][${i}]`;
          if (item.command === undefined && item.submenu === undefined)
            problems.push(`${where} has neither command nor submenu`);
          if (item.command !== undefined && !contributed.has(item.command))
            problems.push(`${where}: command ${item.command} is not contributed`);
          if (item.alt !== undefined && !contributed.has(item.alt))
            problems.push(`${where}: alt ${item.alt} is not contributed`);
          if (item.submenu !== undefined && !submenus.has(item.submenu))
            problems.push(`${where}: submenu ${item.submenu} is not contributed`);
          if (menu === 'commandPalette' && item.submenu !== undefined)
            problems.push(`${where}: the command palette takes commands only`);
        });
      }
      for (const id of submenus)
        if (!(id in (contributes.menus ?? {}))) problems.push(`submenu ${id} has no menu entries`);
      assert.deepEqual(problems, []);
    });

    it('keybindings name contributed commands and have when clauses', () => {
      const problems = (contributes.keybindings ?? []).flatMap((binding, i) => [
        ...(contributed.has(binding.command)
          ? []
          : [`keybindings[${i}]: command ${binding.command} is not contributed`]),
        ...(binding.when?.trim() ? [] : [`keybindings[${i}] (${binding.command}, ${binding.key}) has no when clause`]),
      ]);
      assert.deepEqual(problems, []);
    });

    it('keybindings avoid keys VS Code uses by default for common actions (RESERVED_KEYS)', () => {
      const problems = (contributes.keybindings ?? []).flatMap((binding) =>
        (['key', 'mac', 'linux', 'win'] as const)
          .filter((platform) => binding[platform] !== undefined)
          .map((platform) => [platform, binding[platform] ?? '', reservedConflict(binding[platform] ?? '')] as const)
          .filter(([, , conflict]) => conflict !== undefined)
          .map(([platform, key, conflict]) => `${binding.command} ${platform} "${key}": ${conflict}`),
      );
      assert.deepEqual(problems, []);
    });

    it('no two keybindings share a key and when clause', () => {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const binding of contributes.keybindings ?? []) {
        for (const platform of ['key', 'mac'] as const) {
          const key = binding[platform];
          if (key === undefined) continue;
          const slot = `${platform}:${normalizeKey(key)}|${binding.when ?? ''}`;
          const other = seen.get(slot);
          if (other !== undefined && other !== binding.command)
            clashes.push(`${normalizeKey(key)} (${platform}): ${other} and ${binding.command}`);
          seen.set(slot, binding.command);
        }
      }
      assert.deepEqual(clashes, []);
    });

    it('the reserved-key check itself works', () => {
      assert.equal(normalizeKey('Shift+Ctrl+K'), 'ctrl+shift+k');
      assert.equal(normalizeKey('ctrl+k  Ctrl+C'), 'ctrl+k ctrl+c');
      assert.ok(reservedConflict('ctrl+shift+p'));
      assert.ok(reservedConflict('ctrl+k ctrl+c'));
      assert.ok(reservedConflict('ctrl+c g'), 'a chord on ctrl+c breaks copy');
      assert.ok(reservedConflict('ctrl+k'), 'ctrl+k alone breaks every ctrl+k chord');
      assert.equal(reservedConflict('ctrl+alt+g c'), undefined);
      assert.equal(reservedConflict('ctrl+k g'), undefined);
    });
  });

  describe('entry points and engines', () => {
    const buildScript = readFileSync(path.join(repo, 'scripts/build-config.mjs'), 'utf8');
    const builtFiles = [...buildScript.matchAll(/outfile:\s*['"]([^'"]+)['"]/g)].map((m) => path.normalize(m[1] ?? ''));

    for (const field of ['main', 'browser'] as const) {
      it(`"${field}" is a file the build (scripts/build-config.mjs) writes, from a source that exists`, () => {
        const target = manifest[field];
        assert.ok(target, `package.json has no "${field}"`);
        const normalized = path.normalize(target);
        assert.ok(
          builtFiles.includes(normalized),
          `${target} is not an outfile of scripts/build-config.mjs (${builtFiles.join(', ')})`,
        );
        const entry = new RegExp(
          `entryPoints:\\s*\\[\\s*['"]([^'"]+)['"][^}]*?outfile:\\s*['"]${escapeRegExp(normalized.split(path.sep).join('/'))}['"]`,
        ).exec(buildScript);
        assert.ok(entry?.[1], `no entry point found for ${target} in scripts/build-config.mjs`);
        assert.ok(existsSync(path.join(repo, entry[1])), `${entry[1]} (the source of ${target}) does not exist`);
      });
    }

    it('activation events refer to contributed commands, views and languages', () => {
      const languages = new Set((contributes.languages ?? []).map((l) => l.id));
      const problems: string[] = [];
      for (const event of manifest.activationEvents ?? []) {
        const [kind, value = ''] = event.split(/:(.*)/s);
        if (kind === 'onCommand' && !contributed.has(value)) problems.push(`${event}: not a contributed command`);
        else if (kind === 'onView' && !viewIds.has(value)) problems.push(`${event}: not a contributed view`);
        else if (kind === 'onLanguage' && !languages.has(value) && !/^(plaintext|markdown|yaml|json|csv)$/.test(value))
          problems.push(`${event}: not a contributed language`);
        else if (kind === 'workspaceContains' && value.trim() === '') problems.push(`${event}: empty pattern`);
        else if (
          ![
            'onCommand',
            'onView',
            'onLanguage',
            'workspaceContains',
            'onStartupFinished',
            'onFileSystem',
            'onUri',
            'onWebviewPanel',
            'onCustomEditor',
            'onAuthenticationRequest',
            'onWalkthrough',
            'onNotebook',
            'onTerminalProfile',
            'onDebug',
            '*',
          ].includes(kind ?? '')
        )
          problems.push(`${event}: unknown activation event`);
      }
      assert.deepEqual(problems, []);
    });

    it('engines.vscode is at most ^1.100.0 (code-server 4.100.3 = VS Code 1.100.3 runs the tests)', () => {
      const engine = versionTuple(manifest.engines.vscode);
      assert.ok(
        manifest.engines.vscode.startsWith('^'),
        `engines.vscode ${manifest.engines.vscode} should be a caret range`,
      );
      assert.ok(
        compareVersions(engine, [1, 100, 3]) <= 0,
        `engines.vscode ${manifest.engines.vscode} is newer than VS Code 1.100.3: the extension would not load in the test host`,
      );
    });

    it('@types/vscode is not newer than engines.vscode', () => {
      const types = manifest.devDependencies?.['@types/vscode'] ?? manifest.dependencies?.['@types/vscode'];
      assert.ok(types, '@types/vscode is not a dependency');
      const [major, minor] = versionTuple(types);
      const [engineMajor, engineMinor] = versionTuple(manifest.engines.vscode);
      assert.ok(
        major < engineMajor || (major === engineMajor && minor <= engineMinor),
        `@types/vscode ${types} is newer than engines.vscode ${manifest.engines.vscode} (vsce refuses to package)`,
      );
    });
  });

  describe('views, configuration and files', () => {
    it('views live in a contributed views container (or a built-in one) and have grounded.* ids', () => {
      const containers = new Set(
        Object.values(contributes.viewsContainers ?? {}).flatMap((list) => list.map((c) => c.id)),
      );
      const builtIn = new Set(['explorer', 'scm', 'debug', 'test', 'remote']);
      const problems: string[] = [];
      for (const [container, views] of Object.entries(contributes.views ?? {})) {
        if (!containers.has(container) && !builtIn.has(container))
          problems.push(`views["${container}"]: no such views container`);
        for (const view of views)
          if (!view.id.startsWith('grounded.')) problems.push(`view ${view.id} is not grounded.*`);
      }
      const ids = [...Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id))];
      problems.push(...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `view ${id} is contributed twice`));
      for (const welcome of contributes.viewsWelcome ?? [])
        if (!viewIds.has(welcome.view)) problems.push(`viewsWelcome for ${welcome.view}: no such view`);
      assert.deepEqual(problems, []);
    });

    it('configuration keys are grounded.*', () => {
      const sections = Array.isArray(contributes.configuration)
        ? contributes.configuration
        : contributes.configuration
          ? [contributes.configuration]
          : [];
      const keys = sections.flatMap((section) => Object.keys(section.properties ?? {}));
      assert.ok(keys.length > 0, 'no configuration contributed');
      assert.deepEqual(
        keys.filter((key) => !key.startsWith('grounded.')),
        [],
      );
    });

    it('command links and completion events in welcome views and walkthroughs name contributed commands', () => {
      const builtInCommands = /^(workbench|vscode|editor|git)\./;
      const problems: string[] = [];
      const check = (id: string, where: string) => {
        if (!contributed.has(id) && !builtInCommands.test(id) && !isInternal(id))
          problems.push(`${where}: ${id} is not a contributed command`);
      };
      for (const welcome of contributes.viewsWelcome ?? [])
        for (const id of commandLinks(welcome.contents)) check(id, `viewsWelcome ${welcome.view}`);
      for (const walkthrough of contributes.walkthroughs ?? []) {
        for (const step of walkthrough.steps) {
          for (const id of commandLinks(step.description ?? '')) check(id, `walkthrough step ${step.id}`);
          for (const event of step.completionEvents ?? [])
            if (event.startsWith('onCommand:'))
              check(event.slice('onCommand:'.length), `walkthrough step ${step.id} completionEvents`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('files the manifest points at exist (icons, language configurations, schemas, walkthrough media)', () => {
      const files: string[] = [];
      const addIcon = (icon: unknown) => {
        if (typeof icon === 'string' && !icon.startsWith('$(')) files.push(icon);
        else if (icon && typeof icon === 'object')
          for (const value of Object.values(icon)) if (typeof value === 'string') files.push(value);
      };
      for (const command of contributes.commands ?? []) addIcon(command.icon);
      for (const submenu of contributes.submenus ?? []) addIcon(submenu.icon);
      for (const list of Object.values(contributes.viewsContainers ?? {}))
        for (const container of list) addIcon(container.icon);
      for (const views of Object.values(contributes.views ?? {})) for (const view of views) addIcon(view.icon);
      for (const language of contributes.languages ?? [])
        if (language.configuration) files.push(language.configuration);
      for (const validation of [...(contributes.yamlValidation ?? []), ...(contributes.jsonValidation ?? [])])
        if (!/^https?:/.test(validation.url)) files.push(validation.url);
      for (const walkthrough of contributes.walkthroughs ?? []) {
        for (const step of walkthrough.steps)
          for (const [kind, value] of Object.entries(step.media ?? {}))
            if (kind !== 'altText' && typeof value === 'string') files.push(value);
      }
      assert.deepEqual(
        files.filter((file) => !existsSync(path.join(repo, file))),
        [],
      );
    });
  });
});
