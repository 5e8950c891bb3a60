// Search's place in the top bar: the search box, and Find in document for the open document.
import { FindInDocument } from './FindInDocument'
import { SearchBox } from './SearchBox'

export function SearchTools() {
  return (
    <>
      <SearchBox />
      <FindInDocument />
    </>
  )
}
