import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A paragraph of runs (each run's text as given, spaces kept). */
export function paragraph(...runs: string[]): string {
  return `<w:p>${runs.map((run) => `<w:r><w:t xml:space="preserve">${escape(run)}</w:t></w:r>`).join('')}</w:p>`;
}

/** A table, one array of cell texts per row. */
export function table(rows: readonly (readonly string[])[]): string {
  const cell = (text: string): string => `<w:tc><w:tcPr/>${paragraph(text)}</w:tc>`;
  return `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** A run holding an inline picture (the 1×1 PNG in word/media/image1.png). */
export const IMAGE_RUN =
  '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
  '<wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1" descr="logo"/>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
  '<pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

/** A footnote reference run (footnote 1 in word/footnotes.xml). */
export const FOOTNOTE_RUN = '<w:r><w:footnoteReference w:id="1"/></w:r>';

/** A comment anchored around a run (the comment's text is in word/comments.xml). */
export function commented(text: string): string {
  return (
    `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>` +
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
  );
}

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/**
 * A .docx with `body` as the document body, plus a header, a footer, a comment and a footnote (each with
 * words that must not reach the transcript) and an image part.
 */
export function docx(body: string): Uint8Array {
  const part = (root: string, inner: string): Uint8Array =>
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}">${inner}</w:${root}>`,
    );
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdImage" Type="${REL}/image" Target="media/image1.png"/>` +
        `<Relationship Id="rIdHeader" Type="${REL}/header" Target="header1.xml"/>` +
        `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>` +
        `<Relationship Id="rIdComments" Type="${REL}/comments" Target="comments.xml"/>` +
        `<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
        '</Relationships>',
    ),
    'word/document.xml': part(
      'document',
      `<w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>` +
        '<w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr></w:body>',
    ),
    'word/header1.xml': part('hdr', paragraph('CONFIDENTIAL HEADER')),
    'word/footer1.xml': part('ftr', paragraph('Page footer text')),
    'word/comments.xml': part(
      'comments',
      `<w:comment w:id="0" w:author="Typist" w:initials="T">${paragraph('Comment words')}</w:comment>`,
    ),
    'word/footnotes.xml': part('footnotes', `<w:footnote w:id="1">${paragraph('Footnote words')}</w:footnote>`),
    'word/media/image1.png': PNG,
  });
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
