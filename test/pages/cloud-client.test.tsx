// The typed client (services/cloud.ts) on its own: envelopes, AppError, requestIds and the one retry,
// against the real functions (test/pages/backend.ts) where an answer comes from them.
import Taro from '@tarojs/taro'
import { AppError, call, isAppError, setTransport, type Transport } from '@/services/cloud'
import { PERSONA_KEY } from '@/services/persona'
import { userService } from '@/services/user'
import { setupBackend } from './helpers'

const backend = setupBackend()

describe('cloud client', () => {
  it('h5 transport POSTs the event to the emulator with the persona header', async () => {
    Taro.setStorageSync(PERSONA_KEY, 'demo-staff')
    const request = jest.spyOn(Taro, 'request')
    const res = await userService.listCommunities()
    expect(res.communities.length).toBeGreaterThan(0)
    expect(request).toHaveBeenCalledTimes(1)
    const opts = request.mock.calls[0][0] as Taro.request.Option
    expect(opts.url).toBe('/api/fn/user')
    expect(opts.method).toBe('POST')
    expect(opts.data).toEqual({ action: 'listCommunities', input: {} })
    expect(opts.header).toMatchObject({ 'X-Hemei-Openid': 'demo-staff' })
  })

  it('returns data on ok:true and sends no requestId for queries', async () => {
    backend.as('demo-resident')
    const res = await call('user', 'listCommunities', {})
    expect(res.communities.slice(0, 2).map((c) => c.id)).toEqual(['junmen', 'qingcheng'])
    expect(backend.calls[0]).toEqual({ fn: 'user', event: { action: 'listCommunities', input: {} } })
  })

  it('gives every logical mutation its own valid requestId', async () => {
    backend.as('demo-resident')
    await userService.updateProfile({ largeFont: true })
    await userService.updateProfile({ largeFont: false })
    const ids = backend.eventsFor('updateProfile').map((e) => e.requestId)
    expect(ids).toHaveLength(2)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(ids[0]).not.toBe(ids[1])
  })

  it('retries a lost answer once with the same requestId, and the function applies it once', async () => {
    backend.as('demo-resident')
    backend.dropAnswerNext('applyVolunteer')
    const app = await userService.applyVolunteer({ realName: '王小明', phone: '13812345678', skills: ['陪伴聊天'], birthDate: '1990-01-01' })
    expect(app.status).toBe('pending')
    const events = backend.eventsFor('applyVolunteer')
    expect(events).toHaveLength(2)
    expect(events[0].requestId).toBe(events[1].requestId)
    const queue = await backend.call('demo-staff', 'user', 'listApplications', { status: 'pending' })
    expect(queue.items.filter((a) => a.realName === '王小明')).toHaveLength(1)
  })

  it('throws AppError NETWORK after the retry also fails', async () => {
    backend.as('demo-resident')
    backend.failNext(undefined, 2)
    const err = await userService.me().catch((e) => e)
    expect(isAppError(err)).toBe(true)
    expect(err.code).toBe('NETWORK')
    expect(err.message).toBe('网络不太顺畅，请检查网络后重试')
    expect(backend.eventsFor('me')).toHaveLength(2)
  })

  it('turns ok:false into AppError with code, Chinese message and issues, without retrying', async () => {
    backend.as('demo-resident')
    const err = await call('user', 'applyVolunteer', { realName: '王', phone: '123', skills: [], birthDate: '1990-01-01' } as never).catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.issues.map((i: { path: string }) => i.path).sort()).toEqual(['phone', 'realName', 'skills'])
    expect(backend.eventsFor('applyVolunteer')).toHaveLength(1)
  })

  it('maps an unknown code or a malformed answer to INTERNAL', async () => {
    const odd: Transport = async () => ({ ok: false, code: 'WHAT', message: '' })
    setTransport(odd)
    await expect(userService.me()).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    setTransport(async () => undefined)
    await expect(userService.me()).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
