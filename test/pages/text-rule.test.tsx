// The shared free-text rule on the forms (issue 7 item 9): the page shows the contract's message and sends nothing.
import PostPage from '@/packages/wish/pages/post'
import SignUpPage from '@/packages/user/pages/signup'
import { INVISIBLE_TEXT_MESSAGE } from '@/contracts'
import { pick, renderPage, screen, stubNavigation, tap, tapIn, typeInto, setupBackend, waitFor } from './helpers'
import { newOpenid } from './stage'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

it('the post form refuses a title of only a zero-width space, under the title, and sends nothing', async () => {
  backend.as('demo-resident')
  renderPage(<PostPage />)
  await typeInto('心愿标题', '\u200b')
  await typeInto('心愿描述', '家里门锁坏了，关不上门，想请人帮忙修一下。')
  await tapIn('心愿类别', '家电维修')
  await typeInto('姓氏', '林')
  await typeInto('联系电话', '13900001111')
  await typeInto('地址', '军门社区3号楼501')
  await tap('提交心愿')
  expect(await screen.findByText(INVISIBLE_TEXT_MESSAGE)).toBeTruthy()
  expect(INVISIBLE_TEXT_MESSAGE).toBe('请勿输入不可见字符或控制字符')
  expect(backend.eventsFor('post')).toHaveLength(0)
})

it('the sign-up form refuses a nickname starting with a right-to-left override, and sends nothing', async () => {
  backend.as(newOpenid())
  const { container } = renderPage(<SignUpPage />)
  await screen.findByText('请选择社区')
  await tap(/我已阅读并同意隐私保护指引/)
  await pick(container, 0, 0)
  await waitFor(() => expect(container.querySelector('[data-testid=community-picker]')!.textContent).toContain('军门社区'))
  await typeInto('昵称', '\u202e姨阿林')
  await tap('同意并注册')
  expect(await screen.findByText(INVISIBLE_TEXT_MESSAGE)).toBeTruthy()
  expect(backend.eventsFor('signUp')).toHaveLength(0)
})
