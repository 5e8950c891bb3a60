// Highlights and notes, their tags and the meanings of the highlight colours. The annotation
// service is shared (the library re-anchors and exports notes, search indexes them), so the
// composition root builds it.
import type { AnnotationService } from '../../services/annotationService'
import type { FeatureHandlers } from './feature'

export type AnnotationHandlerName =
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'reattachAnnotation'
  | 'listTags'
  | 'getHighlightColours'
  | 'updateHighlightColours'

export function createAnnotationHandlers(
  annotations: AnnotationService
): FeatureHandlers<AnnotationHandlerName> {
  return {
    handlers: {
      listAnnotations: ({ documentId }) => annotations.list(documentId),
      createAnnotation: (input) => annotations.create(input),
      updateAnnotation: (input) => annotations.update(input),
      deleteAnnotation: ({ id }) => annotations.delete(id),
      restoreAnnotation: ({ id }) => annotations.restore(id),
      reattachAnnotation: ({ id, start, end }) => annotations.reattach(id, start, end),
      listTags: () => annotations.tags(),
      getHighlightColours: () => annotations.colours(),
      updateHighlightColours: ({ colours }) => annotations.renameColours(colours)
    }
  }
}
