// Layer 2: a field's error goes away as soon as that field changes (useFormSubmit), on every form that
// uses it: sign-up (the privacy box), the volunteer application, and the wish form.
import SignUpPage from '@/packages/user/pages/signup'
import ApplyPage from '@/packages/user/pages/apply'
import PostPage from '@/packages/wish/pages/post'
import { renderPage, screen, stubNavigation, tap, tapIn, typeInto, setupBackend } from './helpers'
import { newOpenid } from './stage'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

it('sign-up: ticking the privacy box clears its error, and only its error', async () => {
  backend.as(newOpenid())
  renderPage(<SignUpPage />)
  await screen.findByText('请选择社区')
  await tap('同意并注册')
  expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy()
  expect(screen.getByText('请选择您所在的社区')).toBeTruthy()
  await tap(/我已阅读并同意隐私保护指引/)
  expect(screen.queryByText('请先阅读并同意隐私保护指引')).toBeNull()
  expect(screen.getByText('请选择您所在的社区')).toBeTruthy()
  await typeInto('昵称', '林阿姨')
  expect(screen.queryByText('请填写昵称')).toBeNull()
})

it('apply: typing a name clears the name error; the phone error stays until the phone changes', async () => {
  backend.as('demo-resident') // signed up, not a volunteer
  renderPage(<ApplyPage />)
  await tap('提交申请')
  expect(await screen.findByText('请输入11位手机号')).toBeTruthy()
  expect(screen.getByLabelText('真实姓名').parentElement!.querySelector('.hm-error')).not.toBeNull()
  await typeInto('真实姓名', '王志愿')
  expect(screen.getByLabelText('真实姓名').parentElement!.querySelector('.hm-error')).toBeNull()
  expect(screen.getByText('请输入11位手机号')).toBeTruthy()
  await typeInto('手机号', '13900001111')
  expect(screen.queryByText('请输入11位手机号')).toBeNull()
})

it('post: each field clears its own error when it changes', async () => {
  backend.as('demo-resident') // one wish in progress, so the form opens
  renderPage(<PostPage />)
  await tap('提交心愿')
  expect(await screen.findByText('请选择心愿类别')).toBeTruthy()
  expect(screen.getByText('请输入11位手机号')).toBeTruthy()
  await tapIn('心愿类别', '家电维修')
  expect(screen.queryByText('请选择心愿类别')).toBeNull()
  expect(screen.getByText('请输入11位手机号')).toBeTruthy()
  await typeInto('联系电话', '13900001111')
  expect(screen.queryByText('请输入11位手机号')).toBeNull()
  expect(backend.eventsFor('post')).toHaveLength(0)
})
