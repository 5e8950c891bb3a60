// Failures a person can cause and act on. Services and the database layer throw these; the
// transports turn them into `{ ok: false, error }` responses. Any other exception is a bug and is
// reported as one (code "internal"). It lives in shared, the lowest layer, so that nothing below the
// composition root has to import upwards from main/app to throw one.
import type { UserFacingError } from './types'

export class UserError extends Error {
  readonly code: UserFacingError['code']

  constructor(code: UserFacingError['code'], message: string) {
    super(message)
    this.name = 'UserError'
    this.code = code
  }
}

/** What a person is told when a request failed through a bug or a back end that did not answer. */
export const internalErrorMessage =
  'Scholia hit an internal error, so this did not happen; your saved work is unaffected. Try again, and restart Scholia if it keeps happening.'
