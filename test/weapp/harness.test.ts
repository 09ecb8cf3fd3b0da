// Layer 3: the harness itself — the shim behaves like WeChat where the tests rely on it, and it fails loudly.
import { calls, env, loadApp, renderPage, resetApp, settle, useEmulator, waitFor, waitForText, appPages, readAppJson } from './harness'

afterEach(() => {
  useEmulator(null)
  resetApp()
})

test('App, getApp and getCurrentPages behave as in WeChat', () => {
  const L = loadApp()
  const g = global as any
  expect(g.getApp()).toBe(L.app)
  const page = renderPage('pages/me/index', { mode: 'navigate' })
  expect(g.getCurrentPages().map((p: any) => p.route)).toEqual(['pages/me/index'])
  renderPage('packages/user/pages/privacy/index', { mode: 'navigate' })
  expect(g.getCurrentPages().map((p: any) => p.route)).toEqual(['pages/me/index', 'packages/user/pages/privacy/index'])
  page.close()
  expect(g.getCurrentPages().map((p: any) => p.route)).toEqual(['packages/user/pages/privacy/index'])
})

test('renders a static subpackage page with no cloud at all (templates, wxs and sub-vendors load)', async () => {
  const page = renderPage('packages/user/pages/privacy/index')
  const text = await settle(page)
  expect(text).toContain('隐私保护指引')
  expect(page.route).toBe('packages/user/pages/privacy/index')
})

test('every app.json page has its files in dist/weapp', () => {
  const fs = require('fs')
  const path = require('path')
  const { DIST } = require('./harness')
  expect(readAppJson().pages.length).toBeGreaterThan(0)
  for (const route of appPages()) {
    for (const ext of ['js', 'json', 'wxml']) expect(fs.existsSync(path.join(DIST, `${route}.${ext}`))).toBe(true)
  }
})

test('fails loudly: unknown page, missing text, missing tap target', async () => {
  expect(() => renderPage('pages/nope/index')).toThrow(/missing/)
  const page = renderPage('packages/user/pages/privacy/index')
  await settle(page)
  await expect(waitForText(page, '这段文字不存在', 200)).rejects.toThrow(/timed out/)
  await expect(page.tap({ text: '这段文字不存在' })).rejects.toThrow(/nothing matches/)
  await expect(page.tap('.no-such-class')).rejects.toThrow(/nothing matches/)
  await expect(waitFor(() => false, { timeout: 100 })).rejects.toThrow(/timed out/)
})

test('wx.cloud.callFunction without an emulator fails like a network error, and is recorded', async () => {
  loadApp()
  const wx = (global as any).wx
  const data = { action: 'me' }
  await expect(wx.cloud.callFunction({ name: 'user', data })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^cloud\.callFunction:fail/) })
  // Only this call: a page left from the test before may still be retrying its own profile load.
  expect(env.cloudCalls.filter((c) => c.data === data)).toEqual([expect.objectContaining({ name: 'user', error: expect.any(String) })])
})

test('wx recorders and storage', async () => {
  loadApp()
  const wx = (global as any).wx
  await wx.showToast({ title: 'hi', icon: 'none' })
  expect(calls('showToast')).toEqual([{ title: 'hi', icon: 'none' }])
  env.modalAnswer = { confirm: false, cancel: true }
  await expect(wx.showModal({ title: 't' })).resolves.toMatchObject({ confirm: false, cancel: true })
  env.modalAnswer = { confirm: true, cancel: false }
  wx.setStorageSync('k', { a: 1 })
  expect(wx.getStorageSync('k')).toEqual({ a: 1 })
  expect(wx.getStorageSync('missing')).toBe('')
  const done = jest.fn()
  wx.navigateTo({ url: '/x', success: done })
  await waitFor(() => done.mock.calls.length === 1)
  expect(wx.getSystemInfoSync().fontSizeSetting).toBe(17)
})
