/**
 * How a command is declared: its id and its title, in a `commands.ts` file of the feature that owns it,
 * free of `vscode` so that the manifest test reads the declarations themselves. The feature binds a handler to
 * each declaration with `bindCommands` (register-command.ts), which refuses a declaration without a handler
 * and a handler without a declaration; package.json contributes each declared id with the same title.
 */
export interface CommandDeclaration {
  readonly id: string;
  /** The title package.json contributes (without the "Grounded" category). */
  readonly title: string;
}

export type CommandDeclarations = Readonly<Record<string, CommandDeclaration>>;

/** Declares a feature's commands, keyed by the name its handlers are bound under. */
export function declareCommands<const T extends CommandDeclarations>(declarations: T): T {
  return declarations;
}
