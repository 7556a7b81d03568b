/**
 * `roamkit/zh-CN`: Simplified Chinese for roamkit's components, as a locale object for `RoamingProvider`.
 * A separate entry, so apps in English never download it.
 * @module
 */
export { zhCN } from './components/zhCN'
export type { RoamingLocaleDefinition } from './provider/RoamingContext'
