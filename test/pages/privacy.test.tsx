import PrivacyPage from '@/packages/user/pages/privacy'
import { PRIVACY_VERSION } from '@/contracts'
import { renderPage, screen } from './helpers'

describe('privacy guide page', () => {
  it('says what is collected, why, who sees it, how long, and how to withdraw', () => {
    renderPage(<PrivacyPage />)
    for (const h of ['一、我们收集哪些信息', '二、为什么收集', '三、谁能看到', '四、保存多久', '五、如何撤回和更正']) expect(screen.getByText(h)).toBeTruthy()
    const text = document.body.textContent || ''
    for (const item of ['昵称', '社区和网格', '真实姓名、手机号', '联系电话和地址', '孩子的姓名', '监护人同意']) expect(text).toContain(item)
    expect(text).toContain(`版本：${PRIVACY_VERSION}`)
    expect(text).toContain('不收集您的位置')
  })
})
