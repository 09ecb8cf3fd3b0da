// The one free-text rule (issue 7 item 9): the rule itself, then the functions refusing invisible and control characters.
import { INVISIBLE_TEXT_MESSAGE, PRIVACY_VERSION, text, userInputs, visibleLength, wishInputs } from '../../src/contracts'
import { newOpenid, startHarness, type Harness } from './helpers'
import { resident, stored, wishInput } from './wishFixtures'

describe('text rule', () => {
  const line = text({ min: 1, max: 5, minMessage: '请填写', maxMessage: '最多5个字' })
  const lines = text({ min: 1, max: 10, multiline: true })
  const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message

  it('normalises to NFC and trims', () => {
    expect(line.parse('  e\u0301 ')).toBe('\u00e9')
    expect(line.parse('\u3000修\u3000')).toBe('修')
  })

  it.each([
    ['a zero-width space only', '\u200b'],
    ['a right-to-left override', '\u202e王阿姨'],
    ['a NUL byte', '修\u0000'],
    ['a lone high surrogate', '修\ud800'],
    ['a lone low surrogate', '\udc00修'],
    ['a byte-order mark inside', '修\ufeff好'],
    ['a tab', '修\t好'],
    ['a newline in a one-line field', '修\n好'],
    ['DEL', '修\u007f'],
  ])('refuses %s with the Chinese message', (_n, s) => {
    const r = line.safeParse(s)
    expect(r.success).toBe(false)
    expect(messageOf(r)).toBe(INVISIBLE_TEXT_MESSAGE)
  })

  it('keeps newlines in multi-line fields (CRLF becomes LF) but no other control character', () => {
    expect(lines.parse('一\r\n二\r三\n')).toBe('一\n二\n三')
    expect(messageOf(lines.safeParse('一\n\u0007'))).toBe(INVISIBLE_TEXT_MESSAGE)
  })

  it('counts visible characters, not UTF-16 units', () => {
    expect(visibleLength('😀😀')).toBe(2)
    expect(line.parse('😀😀😀😀😀')).toBe('😀😀😀😀😀')
    expect(messageOf(line.safeParse('😀😀😀😀😀😀'))).toBe('最多5个字')
    expect(messageOf(line.safeParse('  '))).toBe('请填写')
  })

  it('accepts ordinary Chinese and joined emoji, but not a joiner elsewhere', () => {
    expect(line.parse('修水管')).toBe('修水管')
    expect(lines.parse('谢谢👨\u200d👩\u200d👧')).toBe('谢谢👨\u200d👩\u200d👧')
    expect(line.parse('❤\ufe0f\u200d🔥')).toBe('❤\ufe0f\u200d🔥')
    expect(messageOf(line.safeParse('修\u200d好'))).toBe(INVISIBLE_TEXT_MESSAGE)
    expect(messageOf(line.safeParse('👨\u200d'))).toBe(INVISIBLE_TEXT_MESSAGE)
  })

  it('is used by every free-text field of the contracts', () => {
    const bad = '\u202e修'
    const cases: [{ safeParse(v: unknown): { success: boolean } }, Record<string, unknown>][] = [
      [wishInputs.post, wishInput({ title: bad })],
      [wishInputs.post, wishInput({ description: bad })],
      [wishInputs.post, wishInput({ surname: bad })],
      [wishInputs.post, wishInput({ address: `${bad}军门路1号` })],
      [wishInputs.cancel, { wishId: 'w', reason: bad }],
      [wishInputs.claim, { wishId: 'w', promisedBy: '2030-01-01', unitName: `${bad}公司` }],
      [wishInputs.fulfil, { wishId: 'w', note: bad }],
      [wishInputs.confirm, { wishId: 'w', thanks: bad }],
      [wishInputs.report, { wishId: 'w', reason: bad }],
      [userInputs.signUp, { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'c', nickname: bad }],
      [userInputs.updateProfile, { nickname: bad }],
      [userInputs.applyVolunteer, { realName: `${bad}王`, phone: '13800000000', skills: ['家电维修'], intro: '好', birthDate: '1990-01-01' }],
      [userInputs.applyVolunteer, { realName: '王芳', phone: '13800000000', skills: ['家电维修'], intro: bad, birthDate: '1990-01-01' }],
      [userInputs.reviewApplication, { applicationId: 'a', decision: 'reject', reason: bad }],
    ]
    for (const [schema, input] of cases) expect([input, schema.safeParse(input).success]).toEqual([input, false])
  })
})

describe('the functions refuse invisible and control characters, and write nothing', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it.each([
    ['a title of only a zero-width space', { title: '\u200b' }, 'title'],
    ['a NUL byte in the description', { description: '修水管\u0000' }, 'description'],
    ['a lone surrogate in the title', { title: '修\ud800水管' }, 'title'],
    ['a right-to-left override in the address', { address: '\u202e军门路1号3栋' }, 'address'],
  ])('post refuses %s', async (_n, over, path) => {
    const wisher = await resident(h)
    const res = await h.wish(wisher, 'post', wishInput(over))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!res.ok) expect(res.issues).toContainEqual(expect.objectContaining({ path, message: INVISIBLE_TEXT_MESSAGE }))
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })

  it('signUp refuses a nickname starting with a right-to-left override, and no user is stored', async () => {
    const openid = newOpenid()
    const res = await h.user(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId('军门社区'), nickname: '\u202e姨阿王' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!res.ok) expect(res.issues).toContainEqual(expect.objectContaining({ path: 'nickname', message: INVISIBLE_TEXT_MESSAGE }))
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('updateProfile refuses a NUL nickname and keeps the old one', async () => {
    const openid = await resident(h, '军门社区', '李叔叔')
    const res = await h.user(openid, 'updateProfile', { nickname: '李\u0000叔叔' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await h.userOk(openid, 'me')).nickname).toBe('李叔叔')
  })

  it('stores a posted wish in NFC, trimmed', async () => {
    const wisher = await resident(h)
    const w = await h.wishOk(wisher, 'post', wishInput({ title: '  cafe\u0301 修理 ' }))
    expect((await stored(h, w.id ?? w._id)).title).toBe('caf\u00e9 修理')
  })
})
