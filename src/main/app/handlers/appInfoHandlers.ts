// The app's version, mode and library folder ("About" and the library screen's footer).
import type { AppInfo } from '../../../shared/types'
import type { FeatureHandlers } from './feature'

export function createAppInfoHandlers(info: AppInfo): FeatureHandlers<'getAppInfo'> {
  return { handlers: { getAppInfo: () => info } }
}
