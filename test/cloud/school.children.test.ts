// Part A of the 4 o'clock school (issue 11): consent first, children, pick-up adults, the second guardian's
// invitation code, deletion by anonymising, and privacy on raw responses. Real emulator, real SDK.
import { CHILD_POLICY_VERSION, INVITE_HOURS } from '../../src/contracts'
import { startHarness, rid, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { assignedVolunteer, childInput, guardianWithChildren, makeSession, sch, schOk } from './schoolFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

/** Stages an entry of the child in the session (part B's enrolment, straight into the store). */
async function stageEntry(sessionId: string, childId: string, status: string): Promise<void> {
  const [s] = await h.find('sch_sessions', { _id: sessionId })
  const [c] = await h.find('sch_children', { _id: childId })
  const entry = {
    childId,
    familyId: c.familyId,
    status,
    at: new Date(),
    by: c.guardianOpenids[0],
    child: { name: c.name, gender: c.gender, grade: c.grade, allergy: !!c.healthNote, healthNote: c.healthNote },
  }
  const day = { [childId]: { arrivedAt: new Date(), arrivedBy: 'staff' } }
  await h.update('sch_sessions', { _id: sessionId }, { entries: [...s.entries, entry], held: s.held + 1, days: { ...s.days, '20270301': { ...(s.days['20270301'] ?? {}), ...day } } })
}

describe('consent first', () => {
  it('refuses a child before the consent, writing nothing; records the consent; then adds the child with it', async () => {
    const g = await resident(h, '军门社区', '家长')
    const before = await h.count('sch_children')
    expect(await sch(h, g, 'addChild', childInput())).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', message: '添加孩子前，请先阅读并同意《儿童个人信息处理规则》' })
    expect(await h.count('sch_children')).toBe(before)
    expect(await sch(h, g, 'consentChildPolicy', { version: '2020-01' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.count('sch_consents', { openid: g })).toBe(0)
    expect((await schOk(h, g, 'myChildren')).consented).toBe(false)
    const consent = await schOk(h, g, 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
    const [rec] = await h.find('sch_consents', { _id: `${g}_${CHILD_POLICY_VERSION}` })
    expect(rec).toMatchObject({ openid: g, version: CHILD_POLICY_VERSION })
    expect(rec.at.toISOString()).toBe(consent.at)
    const child = await schOk(h, g, 'addChild', childInput({ name: '王小红', gender: 'female' }), 'add-retry-1')
    expect(await schOk(h, g, 'addChild', childInput({ name: '王小红', gender: 'female' }), 'add-retry-1')).toMatchObject({ id: child.id })
    expect(await h.count('sch_children', { guardianOpenids: g })).toBe(1)
    expect(child).toMatchObject({ name: '王小红', gender: 'female', grade: 2, healthNote: '花生过敏', pickups: [], guardians: 1, consent: { version: CHILD_POLICY_VERSION, at: consent.at } })
    const [doc] = await h.find('sch_children', { _id: child.id })
    expect(doc.consent.at.getTime()).toBeLessThanOrEqual(doc.createdAt.getTime())
    expect((await h.find('users', { _id: g }))[0].school.familyId).toBe(child.familyId)
    const mine = await schOk(h, g, 'myChildren')
    expect(mine).toMatchObject({ consented: true, policyVersion: CHILD_POLICY_VERSION, children: [{ id: child.id }] })
  })

  it('refuses bad child fields with clear messages', async () => {
    const { openid } = await guardianWithChildren(h, 0)
    expect(await sch(h, openid, 'addChild', childInput({ guardianPhone: '123' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'guardianPhone', message: '请输入11位手机号' }],
    })
    expect(await sch(h, openid, 'addChild', childInput({ birthDate: '2000-01-01' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请填写正确的出生日期（小学生 4–16 周岁）',
    })
    expect(await sch(h, openid, 'addChild', childInput({ grade: 7 }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.count('sch_children', { guardianOpenids: openid })).toBe(0)
  })
})

describe('editing a child', () => {
  it('rewrites the snapshot in the sessions where the child is still active, not elsewhere', async () => {
    const { openid, childIds } = await guardianWithChildren(h, 1)
    const active = await makeSession(h)
    const over = await makeSession(h)
    await stageEntry(active, childIds[0], 'enrolled')
    await stageEntry(over, childIds[0], 'cancelled')
    const res = await schOk(h, openid, 'editChild', { childId: childIds[0], ...childInput({ name: '张大明', grade: 3, healthNote: undefined }) })
    expect(res).toEqual({ childId: childIds[0], sessions: 1 })
    const [a] = await h.find('sch_sessions', { _id: active })
    expect(a.entries[0].child).toEqual({ name: '张大明', gender: 'male', grade: 3, allergy: false })
    expect(a.rev).toBe(1)
    const [o] = await h.find('sch_sessions', { _id: over })
    expect(o.entries[0].child.name).toBe('张小明')
    expect((await h.find('sch_children', { _id: childIds[0] }))[0]).not.toHaveProperty('healthNote')
    const stranger = await resident(h)
    expect(await sch(h, stranger, 'editChild', { childId: childIds[0], ...childInput() })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await h.find('sch_children', { _id: childIds[0] }))[0].name).toBe('张大明')
  })
})

describe('pick-up adults', () => {
  it('adds with a server code, renews, edits and removes; codes to the guardian only', async () => {
    const { openid, childIds } = await guardianWithChildren(h, 1)
    const childId = childIds[0]
    const added = await schOk(h, openid, 'savePickupAdult', { childId, name: '张奶奶', relation: '祖母', phone: '13800001111' })
    const [adult] = added.pickups
    expect(adult).toMatchObject({ name: '张奶奶', relation: '祖母', phone: '13800001111' })
    expect(adult.code).toMatch(/^\d{4}$/)
    const renewed = await schOk(h, openid, 'renewPickupCode', { childId, adultId: adult.id })
    expect(renewed.pickups[0].code).not.toBe(adult.code)
    const edited = await schOk(h, openid, 'savePickupAdult', { childId, adultId: adult.id, name: '张奶奶', relation: '外祖母', phone: '13800002222' })
    expect(edited.pickups).toEqual([{ ...renewed.pickups[0], relation: '外祖母', phone: '13800002222' }])
    for (let i = 0; i < 4; i++) await schOk(h, openid, 'savePickupAdult', { childId, name: `接送人${i}`, relation: '其他亲属', phone: '13800003333' })
    expect(await sch(h, openid, 'savePickupAdult', { childId, name: '第六位', relation: '其他', phone: '13800004444' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '每个孩子最多登记 5 位接送人',
    })
    const removed = await schOk(h, openid, 'removePickupAdult', { childId, adultId: adult.id })
    expect(removed.pickups.map((p: any) => p.id)).not.toContain(adult.id)
    const stranger = await resident(h)
    for (const [action, input] of [
      ['savePickupAdult', { childId, name: '陌生人', relation: '其他', phone: '13800005555' }],
      ['renewPickupCode', { childId, adultId: removed.pickups[0].id }],
      ['removePickupAdult', { childId, adultId: removed.pickups[0].id }],
    ] as const) {
      const res = await sch(h, stranger, action, input)
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(JSON.stringify(res)).not.toContain(removed.pickups[0].code)
    }
    expect((await h.find('sch_children', { _id: childId }))[0].pickups).toHaveLength(4)
  })
})

describe('the invitation code', () => {
  it('works once; used and unknown codes are refused with their own message', async () => {
    const first = await guardianWithChildren(h, 2)
    const familyId = (await h.find('sch_children', { _id: first.childIds[0] }))[0].familyId
    const invite = await schOk(h, first.openid, 'createInvite', {}, 'invite-retry-1')
    expect(invite.code).toMatch(/^[2-9A-Z]{8}$/)
    expect(await schOk(h, first.openid, 'createInvite', {}, 'invite-retry-1')).toEqual(invite)
    expect(new Date(invite.expiresAt).getTime() - Date.parse((await h.find('sch_invites', { familyId }))[0].createdAt.toISOString())).toBe(INVITE_HOURS * 3600_000)
    // Stored as a hash: the code appears nowhere in the store.
    expect(JSON.stringify(await h.find('sch_invites', { familyId }))).not.toContain(invite.code)

    const second = await resident(h, '军门社区', '另一位家长')
    expect(await sch(h, second, 'joinFamily', { code: 'ABCDEFGH' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '亲属码不正确，请核对后重新输入' })
    const joined = await schOk(h, second, 'joinFamily', { code: invite.code.toLowerCase() })
    expect(joined).toEqual({ familyId, children: 2 })
    expect((await h.find('users', { _id: second }))[0].school.familyId).toBe(familyId)
    const seen = await schOk(h, second, 'myChildren')
    expect(seen.children.map((c: any) => c.id).sort()).toEqual([...first.childIds].sort())
    expect(seen.children[0]).toMatchObject({ guardians: 2, healthNote: '花生过敏' })

    const third = await resident(h)
    expect(await sch(h, third, 'joinFamily', { code: invite.code })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '这个亲属码已经使用过了，请让家人重新生成' })
    expect(await h.count('sch_children', { guardianOpenids: third })).toBe(0)

    // A child the second guardian adds joins the same family, with both guardians.
    await schOk(h, second, 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
    const added = await schOk(h, second, 'addChild', childInput({ name: '张小刚' }))
    expect(added).toMatchObject({ familyId, guardians: 2 })
    expect((await schOk(h, first.openid, 'myChildren')).children).toHaveLength(3)

    // A family with children of its own cannot join another.
    const other = await guardianWithChildren(h, 1)
    const late = await schOk(h, first.openid, 'createInvite', {})
    expect(await sch(h, other.openid, 'joinFamily', { code: late.code })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '您已经添加了自己的孩子，不能再加入其他家庭' })
    expect(await sch(h, second, 'joinFamily', { code: late.code })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '您已经是这个家庭的监护人了' })
  })

  it('works once under concurrency: of five residents racing with one code, exactly one joins', async () => {
    const first = await guardianWithChildren(h, 1)
    const invite = await schOk(h, first.openid, 'createInvite', {})
    const racers = await Promise.all([1, 2, 3, 4, 5].map(() => resident(h)))
    const results = await Promise.all(racers.map((r) => sch(h, r, 'joinFamily', { code: invite.code })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.message === '这个亲属码已经使用过了，请让家人重新生成')).toBe(true)
    const [child] = await h.find('sch_children', { _id: first.childIds[0] })
    expect(child.guardianOpenids).toHaveLength(2)
  })

  it('needs a family to invite into', async () => {
    const g = await resident(h)
    expect(await sch(h, g, 'createInvite', {})).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '请先添加孩子，再邀请家人' })
  })
})

describe('deleting a child', () => {
  it('is refused while the child has an active entry, saying which session; then anonymises, keeping the attendance', async () => {
    const { openid, childIds } = await guardianWithChildren(h, 1)
    const childId = childIds[0]
    await schOk(h, openid, 'savePickupAdult', { childId, name: '张爷爷', relation: '祖父', phone: '13800006666' })
    const sessionId = await makeSession(h, '军门社区', { name: '删除测试班' })
    await stageEntry(sessionId, childId, 'waitlisted')
    expect(await sch(h, openid, 'deleteChild', { childId })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '孩子在「删除测试班」还有报名（或候补），请先取消后再删除' })
    const stranger = await resident(h)
    const peek = await sch(h, stranger, 'deleteChild', { childId })
    expect(peek).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(JSON.stringify(peek)).not.toContain('删除测试班')
    expect((await h.find('sch_children', { _id: childId }))[0].status).toBe('active')

    await h.update('sch_sessions', { _id: sessionId }, { 'entries.0.status': 'cancelled' })
    expect(await schOk(h, openid, 'deleteChild', { childId })).toEqual({ childId, deleted: true })
    const [c] = await h.find('sch_children', { _id: childId })
    expect(c).toMatchObject({ status: 'deleted', name: '已删除', birthDate: '', school: '', guardianPhone: '', pickups: [] })
    expect(c).not.toHaveProperty('healthNote')
    const [s] = await h.find('sch_sessions', { _id: sessionId })
    expect(s.entries[0].child).toEqual({ name: '已删除', gender: 'male', grade: 2, allergy: false })
    expect(s.days['20270301'][childId]).toHaveProperty('arrivedAt')
    expect(JSON.stringify(s)).not.toContain('张小明')
    expect((await schOk(h, openid, 'myChildren')).children).toEqual([])
    // A retry answers the same.
    expect(await schOk(h, openid, 'deleteChild', { childId })).toEqual({ childId, deleted: true })
  })
})

describe('privacy on raw responses', () => {
  it("gives a child's data to its guardians only: never to another resident, staff or a volunteer", async () => {
    const first = await guardianWithChildren(h, 1)
    const childId = first.childIds[0]
    const child = await schOk(h, first.openid, 'savePickupAdult', { childId, name: '接送阿姨', relation: '其他', phone: '13800007777' })
    const invite = await schOk(h, first.openid, 'createInvite', {})
    const second = await resident(h)
    await schOk(h, second, 'joinFamily', { code: invite.code })
    await schOk(h, first.openid, 'editChild', { childId, ...childInput({ name: '欧阳娜娜', guardianPhone: child.guardianPhone, healthNote: '对青霉素过敏' }) })
    const secret = ['欧阳娜娜', child.guardianPhone, child.pickups[0].code, child.pickups[0].phone, '对青霉素过敏', childId]
    const other = await guardianWithChildren(h, 1)
    const staff = staffOf('军门社区')
    const v = await assignedVolunteer(h)
    const raw = async (who: string) =>
      JSON.stringify([
        await sch(h, who, 'myChildren'),
        await sch(h, who, 'editChild', { childId, ...childInput() }),
        await sch(h, who, 'renewPickupCode', { childId, adultId: child.pickups[0].id }),
      ])
    for (const who of [other.openid, staff, v]) {
      const text = await raw(who)
      for (const s of secret) expect({ who, leaked: text.includes(s) && s }).toEqual({ who, leaked: false })
    }
    const guardians = JSON.stringify([await sch(h, first.openid, 'myChildren'), await sch(h, second, 'myChildren')])
    for (const s of secret.slice(0, 3)) expect(guardians).toContain(s)
    // Nothing changed by the refused calls.
    expect((await h.find('sch_children', { _id: childId }))[0].pickups[0].code).toBe(child.pickups[0].code)
  })
})

describe('budgets', () => {
  it('keeps every children action within its database-request budget, on indexes', async () => {
    const g = await resident(h)
    const sessionId = await makeSession(h)
    await schOk(h, g, 'myChildren') // warm
    const start = h.emu.calls.length
    await schOk(h, g, 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
    const a = await schOk(h, g, 'addChild', childInput())
    const b = await schOk(h, g, 'addChild', childInput({ name: '张小红' }))
    await stageEntry(sessionId, a.id, 'enrolled')
    const mark = h.emu.calls.length
    await schOk(h, g, 'editChild', { childId: a.id, ...childInput({ name: '张明明' }) })
    await schOk(h, g, 'myChildren')
    const p = await schOk(h, g, 'savePickupAdult', { childId: a.id, name: '张奶奶', relation: '祖母', phone: '13800001111' })
    await schOk(h, g, 'renewPickupCode', { childId: a.id, adultId: p.pickups[0].id })
    await schOk(h, g, 'removePickupAdult', { childId: a.id, adultId: p.pickups[0].id })
    const inv = await schOk(h, g, 'createInvite', {})
    await schOk(h, await resident(h), 'joinFamily', { code: inv.code })
    await schOk(h, g, 'deleteChild', { childId: b.id })
    await schOk(h, g, 'browseSessions', {})
    await schOk(h, g, 'browseSessions', { scope: 'district' })
    const calls = h.emu.calls.slice(start).filter((c) => c.fn === 'school')
    const ceiling: Record<string, number> = { addChild: 4, browseSessions: 2, myChildren: 3, consentChildPolicy: 2, createInvite: 2, editChild: 4, deleteChild: 3, joinFamily: 5 }
    const table: Record<string, number> = {}
    for (const c of calls) {
      expect({ action: c.action, dbRequests: Math.min(c.dbRequests, ceiling[c.action] ?? 4) }).toEqual({ action: c.action, dbRequests: c.dbRequests })
      expect({ action: c.action, scans: c.queries.filter((q) => q.endsWith(':SCAN')) }).toEqual({ action: c.action, scans: [] })
      expect(c.responseBytes).toBeLessThanOrEqual(32 * 1024)
      table[c.action] = Math.max(table[c.action] ?? 0, c.dbRequests)
    }
    expect(calls.length).toBe(13)
    expect(mark).toBeGreaterThan(start)
    console.log('school children budgets', JSON.stringify(table))
  })
})

it('uses unique request ids', () => expect(rid()).not.toBe(rid()))

// Last in the file: the clock moves a day on. The code's expiry is the subject, not a job: the scheduler's runs are skipped.
it('an invitation code works within 24 hours and is refused after (the clock moved)', async () => {
  const first = await guardianWithChildren(h, 1)
  const early = await schOk(h, first.openid, 'createInvite', {})
  const late = await schOk(h, first.openid, 'createInvite', {})
  const [second, third] = [await resident(h), await resident(h)]
  await h.emu.advanceClock(INVITE_HOURS * 3600_000 - 120_000, { fire: false })
  expect(await schOk(h, second, 'joinFamily', { code: early.code })).toMatchObject({ children: 1 })
  await h.emu.advanceClock(180_000, { fire: false })
  expect(await sch(h, third, 'joinFamily', { code: late.code })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '这个亲属码已过期（有效期 24 小时），请让家人重新生成' })
  expect(await h.count('sch_children', { guardianOpenids: third })).toBe(0)
  expect((await h.find('sch_children', { _id: first.childIds[0] }))[0].guardianOpenids).toEqual([first.openid, second])
})
