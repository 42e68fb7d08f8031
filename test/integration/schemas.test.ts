import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Settings and schemas as VS Code sees them: the contributed settings with their defaults, and the
// yamlValidation entries (used by the Red Hat YAML extension) pointing at schema files in the package.

interface Contributes {
  yamlValidation?: { fileMatch: string; url: string }[];
  languages?: { id: string; extensions?: string[] }[];
  semanticTokenTypes?: { id: string }[];
  semanticTokenScopes?: { language: string; scopes: Record<string, string[]> }[];
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension('grounded-qda.grounded');
  assert.ok(ext, 'extension not found');
  return ext;
}

describe('settings and schema contributions', () => {
  it('contributes the display settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('grounded');
    assert.equal(config.inspect('decorationStyle')?.defaultValue, 'background');
    assert.deepEqual(config.inspect('colors')?.defaultValue, {});
    assert.deepEqual(config.inspect('transcriptPatterns')?.defaultValue, ['**/transcripts/*.txt']);
    assert.equal(config.inspect('showGutterMarks')?.defaultValue, true);
  });

  it('points yamlValidation at draft-07 schemas shipped with the extension', async () => {
    const ext = extension();
    const contributes = (ext.packageJSON as { contributes: Contributes }).contributes;
    const entries = contributes.yamlValidation ?? [];
    assert.deepEqual(entries.map((entry) => entry.fileMatch).sort(), [
      '*.codes.yaml',
      'codebook.yaml',
      'grounded.yaml',
      'rejected-suggestions.yaml',
      'similar-dismissed.yaml',
    ]);
    for (const entry of entries) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, entry.url));
      const schema = JSON.parse(new TextDecoder().decode(bytes)) as { $schema: string; additionalProperties: boolean };
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', entry.url);
      assert.equal(schema.additionalProperties, false, `${entry.url} refuses unknown keys`);
    }
  });

  it('colours every token type of transcripts through a TextMate scope, with semantic highlighting on', async () => {
    const ext = extension();
    const contributes = (ext.packageJSON as { contributes: Contributes }).contributes;
    const transcript = await vscode.workspace.openTextDocument({ language: 'transcript', content: 'P01: Hi.\n' });
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      transcript.uri,
    );
    assert.ok(legend.tokenTypes.length > 0);
    const scopes = contributes.semanticTokenScopes?.find((entry) => entry.language === 'transcript')?.scopes ?? {};
    for (const type of legend.tokenTypes) {
      assert.ok(
        contributes.semanticTokenTypes?.some((declared) => declared.id === type),
        `${type} is declared`,
      );
      assert.match(scopes[type]?.[0] ?? '', /^[a-z.-]+\.transcript$/, `${type} has a scope`);
    }
    // Themes that leave semantic highlighting off would show transcripts uncoloured.
    assert.equal(
      vscode.workspace.getConfiguration('editor', { languageId: 'transcript' }).get('semanticHighlighting.enabled'),
      true,
    );
    assert.ok(contributes.languages?.find((l) => l.id === 'transcript')?.extensions?.includes('.transcript'));
  });
});
