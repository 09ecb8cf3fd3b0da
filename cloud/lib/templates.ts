import { TEMPLATE_KEYS, type TemplateIds, type TemplateKey } from '../../src/contracts/templates'

/**
 * A subscription template's id: `HEMEI_TPL_<KEY>` in the function's configuration, else a local id (the emulator
 * logs any id; `WISH_CLAIMED` → `local-tpl-wish-claimed`).
 */
export function templateId(key: TemplateKey): string {
  return process.env[`HEMEI_TPL_${key}`] || `local-tpl-${key.toLowerCase().replace(/_/g, '-')}`
}

/** Every template's id, for the app (`Me.templates`). */
export function templateIds(): TemplateIds {
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, templateId(k)])) as TemplateIds
}
