// The cloze "Make card" proposes for a selection: the selected words hidden in their sentence.
// Pure, so that the dialog and its tests agree on what is proposed.

/** Braces that would open or close a deletion where none is meant; dropped from both texts. */
const unsafe = /\{\{|\}\}/g

/**
 * `sentence` with the first whole-word occurrence of `selected` (trimmed) as deletion c1, or the
 * first occurrence anywhere when no whole-word one exists. When the selection is not in the
 * sentence (the sentence could not be found), the selection itself becomes the deletion after
 * the sentence, so nothing the person chose is lost.
 */
export function proposeCloze(sentence: string, selected: string): string {
  const words = selected.replace(/\s+/g, ' ').trim().replace(unsafe, '')
  const text = sentence.replace(/\s+/g, ' ').trim().replace(unsafe, '')
  if (!words) return text
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const wholeWord = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text)
  const at = wholeWord ? wholeWord.index : text.indexOf(words)
  if (at < 0) return text ? `${text} {{c1::${words}}}` : `{{c1::${words}}}`
  return `${text.slice(0, at)}{{c1::${words}}}${text.slice(at + words.length)}`
}
