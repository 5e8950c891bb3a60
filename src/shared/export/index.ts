// The export formats in one place: pure formatters from Scholia's data to the text of each file.
// Writing the files (atomically, with actionable errors) is src/main/services/fileWriter.ts.
export { toAnkiText, type AnkiExportInput } from './anki'
export { citationKey, toBibtex, toRis } from './citation'
export { fullTextOf, type ExportBlock, type ExportDocument } from './common'
export { toCsv, type CsvExportInput } from './csv'
export { createUniqueFileNamer, safeFileName } from './fileNames'
export { toMarkdown, type MarkdownExportInput } from './markdown'
export { toStudySheetHtml, type StudySheetInput } from './studySheet'
export { documentIri, toW3cCollection, type W3cAnnotationCollection, type W3cExportInput } from './w3c'
export { fromW3cCollection, W3cImportError, type W3cImportOptions } from './w3cImport'
