import type { Codebook } from '../../model';
import type { Study } from '../../study/study';
import { relativeUri } from '../../uri';
import { compareStrings } from '../../sidecar/order';
import { stableGuid } from '../guids';
import type { XmlElement } from './xml-document';
import type { XmlText } from './xml-text';

export interface ExportedNotes {
  /** The `Note` elements, code memos first (by code id), then memo files (by path). */
  readonly notes: XmlElement[];
  /** Note GUIDs each code refers to, by code id: its own memo and the memo files about it. */
  readonly byCode: ReadonlyMap<string, readonly string[]>;
  /** Notes about no code of the codebook: the project's own. */
  readonly project: readonly string[];
}

/**
 * Memos as REFI-QDA notes. A code's `memo` becomes a note the code refers to (its definition already fills
 * the code's one Description); a memo file about codes is referred to by each of them, one about none (or only
 * about codes no longer in the codebook) by the project. GUIDs derive from the code's GUID and the memo
 * file's path in the study, so they stay the same across exports (renaming a memo file gives it a new one).
 * Coding memos are not here: they are their selection's Description.
 */
export function exportedNotes(study: Study, codebook: Codebook, xml: XmlText): ExportedNotes {
  const notes: XmlElement[] = [];
  const byCode = new Map<string, string[]>();
  const refer = (codeId: string, guid: string) => byCode.set(codeId, [...(byCode.get(codeId) ?? []), guid]);
  for (const code of codebook.codes) {
    if (!code.memo || code.guid === undefined) continue;
    const guid = stableGuid('code-memo', code.guid.toLowerCase());
    notes.push(note(guid, `Memo: ${code.name}`, code.memo, `memo of code "${code.id}"`, xml));
    refer(code.id, guid);
  }
  const project: string[] = [];
  const known = new Set(codebook.codes.map((code) => code.id));
  const memos = study.memos
    .map((memo) => ({ memo, path: relativeUri(study.root, memo.uri) ?? memo.uri }))
    .sort((a, b) => compareStrings(a.path, b.path));
  for (const { memo, path } of memos) {
    const guid = stableGuid('memo', path);
    notes.push(note(guid, memo.title, memo.body, `memo ${path}`, xml));
    const about = [...new Set(memo.codes)].filter((id) => known.has(id));
    if (about.length === 0) project.push(guid);
    for (const id of about) refer(id, guid);
  }
  return { notes, byCode, project };
}

function note(guid: string, name: string, text: string, where: string, xml: XmlText): XmlElement {
  return {
    '@_guid': guid,
    '@_name': xml.attribute(name, `${where} title`),
    // Always there, also when empty: a note's text is either inline or in a file, and here it is inline.
    PlainTextContent: xml.content(text, where),
  };
}
