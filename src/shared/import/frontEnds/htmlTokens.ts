// The one way imported HTML is tokenised (htmlparser2: no DOM, nothing rendered), shared by the
// HTML-to-Markdown conversion and the EPUB front end's first look at a chapter, so that both count
// the same elements in the same order.
import { Parser, type Handler, type ParserOptions } from 'htmlparser2'

export const htmlParserOptions: ParserOptions = {
  decodeEntities: true,
  lowerCaseTags: true,
  recognizeSelfClosing: true
}

/**
 * Most elements left open at once; opening tags past it are dropped (their text is kept). The
 * parser looks a closing tag up in its list of open elements, so 80,000 unclosed `<b>` then
 * 80,000 `</i>` made each `</i>` scan 80,000 entries: 8 s for a 560 KB file. Real documents nest
 * a few dozen deep.
 */
export const maxOpenElements = 256
/** Elements the tokenizer reads as raw text up to their own closing tag: never dropped. */
const rawTextElements = new Set(['script', 'style', 'title', 'textarea', 'xmp'])

/** Counts what conversion did, for tests: the most elements the parser held open at once. */
export interface HtmlWork {
  deepestOpen: number
}

/**
 * An htmlparser2 Parser that keeps at most `maxOpenElements` open. Every element the parser
 * opens reports onopentagname and every one it closes (void elements at once) onclosetag, so
 * counting those two gives the number it holds open.
 */
export function boundedParser(
  source: string,
  handler: Partial<Handler>,
  options: ParserOptions,
  work: HtmlWork
): Parser {
  let open = 0
  class BoundedParser extends Parser {
    override onopentagname(start: number, endIndex: number): void {
      if (open >= maxOpenElements && !rawTextElements.has(source.slice(start, endIndex).toLowerCase())) return
      super.onopentagname(start, endIndex)
    }
  }
  return new BoundedParser(
    {
      ...handler,
      onopentagname(name) {
        open++
        work.deepestOpen = Math.max(work.deepestOpen, open)
        handler.onopentagname?.(name)
      },
      onclosetag(name, isImplied) {
        open--
        handler.onclosetag?.(name, isImplied)
      }
    },
    options
  )
}
