import type { TemplateKey } from '@/contracts/templates'
import { useMe } from './useMe'

/** Subscription templates' ids, from the server's configuration via `user.me` ('' until loaded, or signed out). */
export function useTemplateIds(...keys: TemplateKey[]): string[] {
  const templates = useMe().data?.templates
  return keys.map((key) => templates?.[key] ?? '')
}
