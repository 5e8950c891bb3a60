// How the API is wired, one way for every feature: a module per feature (documents, reader,
// annotations, search, library, study, app info) exports create<Feature>Handlers(dependencies),
// which builds the services only that feature uses, takes the ones several features share from
// the composition root, and returns its API methods with a close hook when it holds resources.
import type { ApiHandlers, ApiMethodName } from '../../../shared/contract'

export interface FeatureHandlers<Name extends ApiMethodName> {
  handlers: Pick<ApiHandlers, Name>
  /** Stops timers and threads the feature started; the composition root calls it on close. */
  close?: () => void | Promise<void>
}
