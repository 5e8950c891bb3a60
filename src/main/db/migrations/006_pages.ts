// Migration 6: the pages a block is on (physical page and printed label, and where in the block a
// page begins), and what a document was imported from. Never edit after it has landed.
//
// Pages are JSON on the block row, as its footnote refs and emphasis marks are: they are read and
// written with the block, always whole, never queried on their own. NULL means the text has no
// pages (Markdown, plain text, HTML). The source format tells a PDF from a text: the W3C export
// names a PDF's page with a FragmentSelector (RFC 3778), which means nothing for other media.
import type { Migration } from './types'

export const migration006: Migration = {
  version: 6,
  name: 'pages',
  up(db) {
    db.exec(`
      ALTER TABLE blocks ADD COLUMN pages_json TEXT;
      -- 1 a text (Markdown, plain text, HTML), 2 a PDF
      ALTER TABLE documents ADD COLUMN source_format INTEGER NOT NULL DEFAULT 1;
      -- PDFs imported before this migration are known by their file name (their pages stay unknown
      -- until "Update from file" reads the PDF again).
      UPDATE documents SET source_format = 2 WHERE lower(source_name) LIKE '%.pdf';
    `)
  }
}
