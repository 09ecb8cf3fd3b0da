import Taro from '@tarojs/taro'
import { AppError } from './errors'

/** Storage key of the h5 dev persona (the openid sent to the local emulator). */
export const PERSONA_KEY = 'hemei.persona'

/** A demo identity served by the local emulator (h5 local runs only). */
export interface Persona {
  openid: string
  label: string
  role: string
  communityName?: string
}

/** The persona the h5 app currently calls as ('' when none). */
export function getPersona(): string {
  try {
    const v = Taro.getStorageSync(PERSONA_KEY)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

/** Choose the persona for later calls. */
export function setPersona(openid: string): void {
  Taro.setStorageSync(PERSONA_KEY, openid)
  rememberPersona(openid)
}

/** A brand-new, not yet signed-up identity. */
export function newPersonaId(): string {
  return `dev-new-${Math.random().toString(36).slice(2, 10)}`
}

/** In h5, make sure some identity is chosen: a first visit behaves like a new WeChat user. */
export function ensurePersona(): string {
  let p = getPersona()
  if (!p) {
    p = newPersonaId()
    setPersona(p)
  }
  return p
}

/** The emulator's demo personas (GET /api/dev/personas). */
export async function listPersonas(): Promise<Persona[]> {
  const base = process.env.TARO_APP_EMULATOR_URL || ''
  let res: Taro.request.SuccessCallbackResult<{ personas?: Persona[] }>
  try {
    res = await Taro.request<{ personas?: Persona[] }>({ url: `${base}/api/dev/personas`, method: 'GET', dataType: 'json' })
  } catch {
    throw new AppError('NETWORK')
  }
  if (res.statusCode !== 200 || !res.data || !Array.isArray(res.data.personas)) throw new AppError('INTERNAL', '无法读取演示身份，请确认本地模拟器已启动')
  return res.data.personas
}

/** Storage key of identities used before on this browser (newest first). */
export const RECENT_KEY = 'hemei.persona.recent'

/** An identity used before, with the nickname it had when last seen. */
export interface RecentPersona {
  openid: string
  nickname?: string
}

/** Identities used before (newest first, at most 10). */
export function recentPersonas(): RecentPersona[] {
  try {
    const v = Taro.getStorageSync(RECENT_KEY)
    return Array.isArray(v) ? v.filter((x) => x && typeof x.openid === 'string') : []
  } catch {
    return []
  }
}

/** Remembers an identity (and its nickname, once known) so the picker can offer it again. */
export function rememberPersona(openid: string, nickname?: string): void {
  if (!openid) return
  const prev = recentPersonas()
  const old = prev.find((p) => p.openid === openid)
  const next = [{ openid, nickname: nickname || old?.nickname }, ...prev.filter((p) => p.openid !== openid)].slice(0, 10)
  try {
    Taro.setStorageSync(RECENT_KEY, next)
  } catch {
    // not essential
  }
}
