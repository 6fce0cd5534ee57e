import { createI18n } from 'vue-i18n'
import zhCN, { type Messages } from './zh-CN'

export const i18n = createI18n<[Messages], 'zh-CN'>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
})

/** `t` for code outside components (stores, router, helpers). */
export const t = i18n.global.t
