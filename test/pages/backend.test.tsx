// The page tests' backend itself (backend.ts): each test starts from the demo seed, and the transport rules
// do what the tests rely on.
import { userService } from '@/services/user'
import { wishService } from '@/services/wish'
import { setupBackend } from './helpers'
import { postWish } from './stage'

const backend = setupBackend()
let posted = ''

describe('page test backend', () => {
  it('serves the demo seed through the real functions, as the chosen persona', async () => {
    backend.as('demo-resident')
    expect(await userService.me()).toMatchObject({ openid: 'demo-resident', nickname: '林阿姨', signedUp: true })
    posted = await postWish(backend, { title: '只在这个测试里' })
    expect((await wishService.listMine({})).items.map((w) => w.id)).toContain(posted)
  })

  it('puts the database back to the seed before each test', async () => {
    backend.as('demo-resident')
    expect(posted).not.toBe('')
    expect((await wishService.listMine({})).items.map((w) => w.id)).not.toContain(posted)
  })

  it('holds a call until released', async () => {
    backend.as('demo-resident')
    const hold = backend.hold('me')
    let answered = false
    const p = userService.me().then(() => (answered = true))
    await hold.reached
    await new Promise((r) => setTimeout(r, 50))
    expect(answered).toBe(false)
    hold.release()
    await p
    expect(answered).toBe(true)
  })

  it('a dropped answer was applied once; a failed call never arrived', async () => {
    backend.as('demo-resident')
    backend.failNext('updateProfile', 2)
    await expect(userService.updateProfile({ largeFont: false })).rejects.toMatchObject({ code: 'NETWORK' })
    expect((await backend.call('demo-resident', 'user', 'me', {})).largeFont).toBe(true) // unchanged seed value
    backend.dropAnswerNext('updateProfile')
    expect(await userService.updateProfile({ largeFont: false })).toMatchObject({ largeFont: false })
    expect(
      backend
        .eventsFor('updateProfile')
        .slice(2)
        .map((e) => e.requestId),
    ).toEqual([backend.eventsFor('updateProfile')[2].requestId, backend.eventsFor('updateProfile')[2].requestId])
  })
})
