// Whether a file is a PDF: it says so in its first bytes ("%PDF-", which readers accept after a
// little junk), or its name ends in .pdf. Both sides ask: the renderer to send the bytes rather than
// decode them as text, the back end before reading them with PDF.js.

const signature = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const searchedBytes = 1024

export function hasPdfSignature(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, searchedBytes) - signature.length
  for (let start = 0; start <= end; start += 1)
    if (signature.every((value, index) => bytes[start + index] === value)) return true
  return false
}

export function isPdfFileName(fileName: string): boolean {
  return /\.pdf$/i.test(fileName.trim())
}
