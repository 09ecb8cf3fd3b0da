// Who may see an applicant's phone: the view layer's rule, for every kind of viewer.
import type { Ctx } from '../../cloud/lib/context'
import type { VolunteerApplicationDoc } from '../../cloud/lib/model'
import { toApplication } from '../../cloud/domain/user/view'

const app: VolunteerApplicationDoc = {
  _id: 'a1',
  openid: 'applicant',
  communityId: 'junmen',
  realName: '陈小明',
  phone: '13812345678',
  skills: ['其他'],
  status: 'pending',
  createdAt: new Date('2026-11-28T01:00:00Z'),
  updatedAt: new Date('2026-11-28T01:00:00Z'),
}
function viewer(openid: string, staffCommunityIds: string[] = [], isAdmin = false): Ctx {
  return { openid, user: null, roles: [], staffCommunityIds, isAdmin, db: null as never, now: new Date('2026-11-28T02:00:00Z'), requestId: null }
}

describe('toApplication phone masking', () => {
  it.each([
    ['the applicant', viewer('applicant')],
    ['staff of the community', viewer('staff', ['qingcheng', 'junmen'])],
    ['the admin', viewer('admin', [], true)],
  ])('shows the phone to %s', (_who, ctx) => {
    expect(toApplication(app, ctx).phone).toBe('13812345678')
  })

  it.each([
    ['staff of another community', viewer('staff2', ['tangmen'])],
    ['another resident', viewer('someone')],
  ])('masks the phone for %s', (_who, ctx) => {
    expect(toApplication(app, ctx).phone).toBe('138****5678')
  })

  it('turns stored dates into ISO strings', () => {
    expect(toApplication(app, viewer('applicant')).createdAt).toBe('2026-11-28T01:00:00.000Z')
  })
})
