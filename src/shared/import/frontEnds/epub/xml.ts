// The small XML files of an EPUB (container.xml, the OPF package, the NCX, encryption.xml) read
// into a light tree by htmlparser2's tokenizer in XML mode, which never fails: a malformed file
// gives what could be read. Names lose their namespace prefix (`dc:title` → `title`) and are
// lower-cased, as EPUB tools write them in every case.

import { Parser } from 'htmlparser2'

export interface XmlElement {
  name: string
  /** Attribute names lower-cased, prefixes kept (`opf:role`, `epub:type`). */
  attributes: Record<string, string>
  children: XmlElement[]
  /** Its text and child elements in order, for textOf. */
  content: (string | XmlElement)[]
}

const maxDepth = 64

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase()

export function readXml(source: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [], content: [] }
  const stack: XmlElement[] = [root]
  // Deeper elements are read as their parent's text: nothing here nests deeper, and the tree's
  // walks stay shallow whatever a crafted file does.
  let tooDeep = 0
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (stack.length > maxDepth) {
          tooDeep += 1
          return
        }
        const lowered: Record<string, string> = {}
        for (const [key, value] of Object.entries(attributes)) lowered[key.toLowerCase()] = value
        const element: XmlElement = { name: localName(name), attributes: lowered, children: [], content: [] }
        stack.at(-1)?.children.push(element)
        stack.at(-1)?.content.push(element)
        stack.push(element)
      },
      ontext(text) {
        stack.at(-1)?.content.push(text)
      },
      onclosetag() {
        if (tooDeep > 0) tooDeep -= 1
        else if (stack.length > 1) stack.pop()
      }
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true }
  )
  parser.write(source)
  parser.end()
  return root
}

/** Every element of that (local) name under `element`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const walk = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.name === name) found.push(child)
      walk(child)
    }
  }
  walk(element)
  return found
}

/** The element's text, its descendants' included, with white space collapsed. */
export function textOf(element: XmlElement): string {
  const parts: string[] = []
  const walk = (node: XmlElement): void => {
    for (const part of node.content) {
      if (typeof part === 'string') parts.push(part)
      else walk(part)
    }
  }
  walk(element)
  return parts.join('').replace(/\s+/g, ' ').trim()
}
