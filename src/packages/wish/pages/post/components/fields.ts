import { HONORIFICS, WISH_MESSAGES, type WishCategory } from '@/contracts/wish'
import type { FieldErrors } from '@/forms/validate'

/** The form's values, named as the contract's `post` fields so that errors and fields share names. */
export interface WishFormValues extends Record<string, unknown> {
  title: string
  description: string
  category: WishCategory | undefined
  neededBy: string | undefined
  nameStyle: 'surname' | 'anonymous'
  surname: string
  honorific: (typeof HONORIFICS)[number]
  contactPhone: string
  address: string
}

/** What each section of the form gets. */
export interface SectionProps {
  values: WishFormValues
  set: <K extends keyof WishFormValues & string>(field: K, value: WishFormValues[K]) => void
  errors: FieldErrors
}

/** Chinese messages for issues the schema words in English (built from the contract's limits). */
export const FALLBACKS: FieldErrors = {
  title: WISH_MESSAGES.title,
  description: WISH_MESSAGES.description,
  category: '请选择心愿类别',
  neededBy: '请选择日期',
  surname: WISH_MESSAGES.surname,
  honorific: '请选择称呼',
  contactPhone: '请输入11位手机号',
  address: WISH_MESSAGES.address,
  photos: WISH_MESSAGES.photos,
}
