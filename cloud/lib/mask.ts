/** Masks a phone number for people who must not see it: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  if (!phone) return ''
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}
