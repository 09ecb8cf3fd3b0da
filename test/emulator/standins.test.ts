/** Local stand-ins behind the real SDK calls: file storage, content security, subscription messages. */
import fs from 'fs'
import path from 'path'
import { startTestEmulator, sdkFor } from './helpers'
import type { Emulator } from '../../cloud/emulator'

jest.setTimeout(60_000)

let emu: Emulator
let cloud: any

beforeAll(async () => {
  emu = await startTestEmulator()
  cloud = sdkFor(emu.url + '/tcb', emu.credentials)
})
afterAll(() => emu.close())

test('storage: uploadFile → getTempFileURL → fetch → deleteFile', async () => {
  const content = Buffer.from('和美社区 photo bytes ' + Date.now())
  const up = await cloud.uploadFile({ cloudPath: 'wishes/2026/照片 1.txt', fileContent: content })
  expect(up.fileID).toMatch(/^cloud:\/\/.+\/wishes\/2026\/照片 1\.txt$/)

  const urls = await cloud.getTempFileURL({ fileList: [up.fileID, 'cloud://hemei-local.hemei-local/missing.png'] })
  expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
  expect(urls.fileList[1].status).not.toBe(0)
  const res = await fetch(encodeURI(urls.fileList[0].tempFileURL))
  expect(res.status).toBe(200)
  expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true)

  const dl = await cloud.downloadFile({ fileID: up.fileID })
  expect(Buffer.from(dl.fileContent).equals(content)).toBe(true)

  const del = await cloud.deleteFile({ fileList: [up.fileID] })
  expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
  expect((await fetch(encodeURI(urls.fileList[0].tempFileURL))).status).toBe(404)
})

test('storage paths cannot escape the files directory', async () => {
  const dataDir = emu.core.opts.dataDir
  expect((await fetch(emu.url + '/files/..%2Fhemei.sqlite')).status).toBe(404)
  const put = await fetch(emu.url + '/tcb-upload/..%2F..%2Fescaped.txt', { method: 'PUT', body: 'x' })
  expect(put.status).toBe(403) // no upload authorization for it (and it would be normalised to <files>/escaped.txt)
  expect(fs.existsSync(path.join(dataDir, 'files', 'escaped.txt'))).toBe(false)
  expect(fs.existsSync(path.join(dataDir, 'escaped.txt'))).toBe(false)
  expect(fs.existsSync(path.join(dataDir, '..', 'escaped.txt'))).toBe(false)
})

test('msgSecCheck v2: a clean text passes, a risky one is flagged', async () => {
  const pass = await cloud.openapi.security.msgSecCheck({ content: '帮忙修一下门锁，谢谢', version: 2, scene: 2, openid: 'demo-resident' })
  expect(pass).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } })
  const risky = await cloud.openapi.security.msgSecCheck({ content: '出售冰毒', version: 2, scene: 2, openid: 'demo-resident' })
  expect(risky).toMatchObject({ errCode: 0, result: { suggest: 'risky' } })
  expect(risky.result.label).not.toBe(100)
})

test('msgSecCheck v1: a risky text rejects with errCode 87014', async () => {
  await expect(cloud.openapi.security.msgSecCheck({ content: '代开发票' })).rejects.toMatchObject({ errCode: 87014 })
  await expect(cloud.openapi.security.msgSecCheck({ content: '周末一起做手工' })).resolves.toMatchObject({ errCode: 0 })
})

test('subscribeMessage.send is logged and served at /api/dev/messages', async () => {
  const r = await cloud.openapi.subscribeMessage.send({
    touser: 'demo-resident',
    templateId: 'tpl-wish-claimed',
    page: 'packages/wish/pages/detail/index?id=w1',
    data: { thing1: { value: '修门锁' } },
    miniprogramState: 'developer',
  })
  expect(r).toMatchObject({ errCode: 0 })
  const { messages } = await (await fetch(emu.url + '/api/dev/messages')).json()
  expect(messages).toEqual([expect.objectContaining({ touser: 'demo-resident', templateId: 'tpl-wish-claimed', data: { thing1: { value: '修门锁' } } })])
})
