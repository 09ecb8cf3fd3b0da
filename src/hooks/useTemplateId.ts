import type { TemplateKey } from '@/contracts/templates'
import { useMe } from './useMe'

/** A subscription template's id, from the server's configuration via `user.me` ('' until loaded, or signed out). */
export function useTemplateId(key: TemplateKey): string {
  return useMe().data?.templates?.[key] ?? ''
}
