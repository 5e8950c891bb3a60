// Whether a file is an EPUB: by its name, or by the "mimetype" entry an EPUB stores first,
// uncompressed, so that its bytes say "mimetypeapplication/epub+zip" from byte 30.

const signature = [...'mimetypeapplication/epub+zip'].map((character) => character.charCodeAt(0))

export function isEpubFileName(fileName: string): boolean {
  return /\.epub$/i.test(fileName)
}

export function hasEpubSignature(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 30 + signature.length && signature.every((value, index) => bytes[30 + index] === value)
  )
}
