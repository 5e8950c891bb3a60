// The EPUB front end: from an EPUB's bytes to the Markdown-like text the one structure builder
// reads. The archive is read under limits (zip.ts); a file that is not an EPUB, or whose text is
// encrypted (DRM), is refused with the reason. The package gives the metadata (written as front
// matter), the spine the chapters in reading order, the navigation document or NCX the contents:
// a chapter the contents name gets its heading when its own text has none. Each chapter goes
// through the same sanitising HTML conversion as an imported web page (nothing in it runs or
// loads), with its note references as `[^N]` markers and its notes, wherever in the book they
// are, as `[^N]:` definitions at the end. Images are left out, a placeholder saying what each
// showed. Pure code: it runs on the import thread and in the unit tests.
import { maxImportTextLength } from '../../../contract'
import { htmlToMarkdown, type HtmlWork } from '../htmlToMarkdown'
import {
  drmAlgorithms,
  drmMessage,
  packagePathOf,
  readNavContents,
  readNcxContents,
  readPackage,
  type BookMetadata,
  type BookPackage,
  type ContentsEntry
} from './bookPackage'
import { planChapters, type ChapterSource } from './bookNotes'
import { ZipArchive, ZipRefusal } from './zip'

export type EpubConversion =
  | { ok: true; markdown: string; warnings: string[]; chapters: number; notes: number }
  | { ok: false; message: string }

export type EpubProgress = (chaptersRead: number, chapterCount: number) => void

const nothingImported = 'Nothing was imported.'

/** Why a ZIP archive without an EPUB's container file is not a book. */
function notEpubMessage(archive: ZipArchive, mimetype: string): string {
  if (archive.has('word/document.xml'))
    return `This is a Word document (.docx, a ZIP archive), not an EPUB book. Save it as PDF, HTML or plain text and import that. ${nothingImported}`
  if (mimetype.startsWith('application/vnd.oasis.opendocument'))
    return `This is an OpenDocument file (a ZIP archive), not an EPUB book. Save it as PDF, HTML or plain text and import that. ${nothingImported}`
  const mimetypeNote =
    mimetype === 'application/epub+zip' ? '' : ' and no "mimetype" file saying application/epub+zip'
  return `This ZIP archive is not an EPUB book: it has no META-INF/container.xml (the file that says where an EPUB's text is)${mimetypeNote}. ${nothingImported}`
}

/** A chapter's text: UTF-8 unless a byte order mark or the XML declaration says otherwise. */
function decodeChapter(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(
    new TextDecoder('utf-8').decode(bytes.subarray(0, 200))
  )?.[1]
  try {
    if (declared && !/^utf-?8$/i.test(declared)) return new TextDecoder(declared).decode(bytes)
  } catch {
    // An encoding the platform does not know: read as UTF-8, as EPUB requires.
  }
  return new TextDecoder('utf-8').decode(bytes)
}

const isChapter = (mediaType: string, path: string) =>
  /^(application\/xhtml\+xml|text\/html)$/.test(mediaType) || /\.x?html?$/i.test(path)

const quoted = (value: string) => `"${value.replace(/\s+/g, ' ').trim()}"`

/** The package's metadata as the front matter the structure builder reads. */
function frontMatter(metadata: BookMetadata): string {
  const lines = ['---']
  if (metadata.title) lines.push(`title: ${quoted(metadata.title)}`)
  if (metadata.authors.length > 0) {
    lines.push('authors:')
    for (const author of metadata.authors) lines.push(`  - ${quoted(author)}`)
  }
  if (metadata.language) lines.push(`language: ${quoted(metadata.language)}`)
  if (metadata.year !== null) lines.push(`year: ${metadata.year}`)
  if (metadata.publisher) lines.push(`publisher: ${quoted(metadata.publisher)}`)
  lines.push('---')
  return lines.length > 2 ? lines.join('\n') : ''
}

const placeholderLine = /^\*\\\[Image(?::.*)?\\\]\*$/
const notesHeading = /^#{1,6} (?:notes|footnotes|endnotes|end notes)$/i

/** A chapter's blocks after its notes left: an empty notes heading goes, a named chapter gets its heading. */
function finishChapter(markdown: string, title: string | null): string[] {
  let blocks = markdown.split('\n\n').filter((block) => block.trim() !== '')
  if (blocks.every((block) => block.startsWith('#')))
    blocks = blocks.filter((block) => !notesHeading.test(block))
  const hasHeading = blocks.slice(0, 3).some((block) => block.startsWith('#'))
  if (title !== null && !hasHeading && blocks.length > 0)
    blocks.unshift(`## ${title.replace(/[\\`*_[\]<>&^]/g, '\\$&')}`)
  return blocks
}

function readContents(archive: ZipArchive, book: BookPackage): ContentsEntry[] {
  if (!book.navigation) return []
  const bytes = archive.read(book.navigation.path)
  if (!bytes) return []
  const text = decodeChapter(bytes)
  return book.navigation.kind === 'nav'
    ? readNavContents(book.navigation.path, text)
    : readNcxContents(book.navigation.path, text)
}

/** A book whose pages are images or drawings (a comic, a picture book, a fixed-layout scan). */
export const picturesMessage = `This EPUB's pages are pictures (images or drawings) with no text on them to read. Scholia studies a book's text, so it cannot open this one. ${nothingImported}`

function convert(bytes: Uint8Array, progress: EpubProgress): EpubConversion {
  const archive = new ZipArchive(bytes)
  const mimetypeBytes = archive.has('mimetype') ? archive.read('mimetype') : null
  const mimetype = mimetypeBytes ? new TextDecoder().decode(mimetypeBytes.subarray(0, 100)).trim() : ''
  const container = archive.read('META-INF/container.xml')
  if (!container) return { ok: false, message: notEpubMessage(archive, mimetype) }
  const encryption = archive.read('META-INF/encryption.xml')
  if (encryption && drmAlgorithms(new TextDecoder().decode(encryption)).length > 0)
    return { ok: false, message: drmMessage }
  const packagePath = packagePathOf(new TextDecoder().decode(container))
  const opf = packagePath === null ? null : archive.read(packagePath)
  if (packagePath === null || opf === null) {
    const what = packagePath === null ? 'names no package file' : `names ${packagePath}, which is not in it`
    return {
      ok: false,
      message: `This EPUB is incomplete: its META-INF/container.xml ${what} (the OPF file listing the book's chapters). ${nothingImported}`
    }
  }
  const book = readPackage(packagePath, decodeChapter(opf))
  const spine = book.spine.filter((item) => isChapter(item.mediaType, item.path))
  const chapters: ChapterSource[] = []
  for (const item of spine) {
    const content = archive.read(item.path)
    if (content) chapters.push({ path: item.path, html: decodeChapter(content) })
  }
  if (chapters.length === 0)
    return {
      ok: false,
      message:
        book.spine.length > spine.length
          ? picturesMessage
          : `This EPUB has no chapters to read: its spine lists no XHTML file that is in the archive. ${nothingImported}`
    }
  const plans = planChapters(chapters, readContents(archive, book))
  const work: HtmlWork = { deepestOpen: 0 }
  const blocks: string[] = []
  const notes = new Map<number, string>()
  let images = 0
  chapters.forEach((chapter, index) => {
    const plan = plans.get(chapter.path)
    const converted = htmlToMarkdown(chapter.html, work, {
      ...plan,
      imagePlaceholders: true,
      supMarkers: false,
      titleHeading: false
    })
    for (const [number, text] of converted.notes) if (!notes.has(number)) notes.set(number, text)
    let chapterBlocks = finishChapter(converted.markdown, plan?.title ?? null)
    // A cover page (an image, nothing else) says nothing a reader needs.
    if (index === 0 && chapterBlocks.every((block) => placeholderLine.test(block))) chapterBlocks = []
    else images += converted.images
    blocks.push(...chapterBlocks)
    progress(index + 1, chapters.length)
  })
  // A picture book or comic: pages that are images with no words around them.
  if (!blocks.some((block) => block.trim() !== '' && !placeholderLine.test(block) && !block.startsWith('#')))
    return { ok: false, message: picturesMessage }
  const definitions = [...notes.entries()]
    .sort(([left], [right]) => left - right)
    .map(([number, text]) => `[^${number}]: ${text.replace(/\s+/g, ' ')}`)
  const header = frontMatter(book.metadata)
  const markdown = [header, ...blocks, ...definitions].filter(Boolean).join('\n\n')
  if (markdown.length > maxImportTextLength) {
    const millions = (length: number) => (length / 1_000_000).toFixed(1)
    return {
      ok: false,
      message: `This EPUB's text is ${millions(markdown.length)} million characters; Scholia imports texts of up to ${millions(maxImportTextLength)} million. ${nothingImported}`
    }
  }
  const warnings = [
    'The EPUB was converted to text: scripts, styles and links were left out, and nothing in it ran.'
  ]
  if (images > 0)
    warnings.push(
      `${images.toLocaleString('en')} ${images === 1 ? 'image was' : 'images were'} left out; a placeholder such as "[Image: …]" stands where each was, with its description when the book gives one.`
    )
  if (spine.length < book.spine.length)
    warnings.push(
      `${book.spine.length - spine.length} items of the reading order that are not text were left out.`
    )
  return { ok: true, markdown, warnings, chapters: chapters.length, notes: notes.size }
}

/** Converts an EPUB, or says why it cannot be imported. */
export function epubToMarkdown(bytes: Uint8Array, progress: EpubProgress = () => undefined): EpubConversion {
  try {
    return convert(bytes, progress)
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, message: error.message }
    throw error
  }
}
