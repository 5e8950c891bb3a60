// Failures a person can cause and act on. Services throw these; the transports turn them into
// `{ ok: false, error }` responses. Any other exception is a bug and is reported as such.
import type { UserFacingError } from '../../shared/types'

export class UserError extends Error {
  readonly code: UserFacingError['code']

  constructor(code: UserFacingError['code'], message: string) {
    super(message)
    this.name = 'UserError'
    this.code = code
  }
}
