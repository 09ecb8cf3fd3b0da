/**
 * LOCAL STAND-IN for WeChat content security (security.msgSecCheck): a small word list of obviously
 * risky terms. It only exists so that the production code path (cloud.openapi.security.msgSecCheck)
 * runs offline and the "risky" branch can be tested; it is not a real moderation service.
 */

/** Label codes as WeChat documents them for msgSecCheck v2. */
export const LABELS = { normal: 100, ad: 10001, politics: 20001, porn: 20002, abuse: 20003, crime: 20006, fraud: 20008 } as const

const WORDS: { word: string; label: number }[] = [
  // crime / drugs / weapons
  { word: '毒品', label: LABELS.crime },
  { word: '冰毒', label: LABELS.crime },
  { word: '海洛因', label: LABELS.crime },
  { word: '枪支', label: LABELS.crime },
  { word: '炸药', label: LABELS.crime },
  { word: '赌博', label: LABELS.crime },
  { word: '博彩', label: LABELS.crime },
  // fraud and ads
  { word: '代开发票', label: LABELS.fraud },
  { word: '刷单', label: LABELS.fraud },
  { word: '套现', label: LABELS.fraud },
  { word: '加微信领红包', label: LABELS.ad },
  // porn
  { word: '色情', label: LABELS.porn },
  { word: '约炮', label: LABELS.porn },
  // abuse
  { word: '傻逼', label: LABELS.abuse },
  { word: '去死', label: LABELS.abuse },
  // English test words
  { word: 'porn', label: LABELS.porn },
  { word: 'cocaine', label: LABELS.crime },
]

export interface CheckResult {
  suggest: 'pass' | 'risky'
  label: number
  keyword?: string
}

/** Check a text against the word list (case-insensitive, ignoring whitespace). */
export function checkText(text: string): CheckResult {
  const t = String(text || '')
    .toLowerCase()
    .replace(/\s+/g, '')
  for (const { word, label } of WORDS) {
    if (t.includes(word)) return { suggest: 'risky', label, keyword: word }
  }
  return { suggest: 'pass', label: LABELS.normal }
}
