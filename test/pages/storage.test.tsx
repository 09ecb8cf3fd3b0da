import Taro from '@tarojs/taro'
import { PERSONA_KEY } from '@/services/persona'
import { newCloudPath, uploadImage } from '@/services/storage'

/** The caller's upload folder, as `me.uploadFolder` gives it. */
const FOLDER = `wishes/${'ab'.repeat(16)}`

describe('storage service (h5: the emulator upload route)', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  function fakeFetch(answer: { status: number; body: unknown }) {
    const calls: { url: string; init?: RequestInit }[] = []
    globalThis.fetch = jest.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init })
      if (String(url).startsWith('blob:')) return { blob: async () => new Blob(['jpegbytes'], { type: 'image/jpeg' }) } as Response
      return { ok: answer.status < 300, status: answer.status, json: async () => answer.body } as Response
    }) as never
    return calls
  }

  it('POSTs the file bytes to /api/upload?cloudPath=<folder>/<random>.jpg as the persona, and resolves the fileID', async () => {
    Taro.setStorageSync(PERSONA_KEY, 'demo-resident')
    const calls = fakeFetch({ status: 200, body: { fileID: 'cloud://local.hemei/wishes/x.jpg' } })
    await expect(uploadImage('blob:http://127.0.0.1/abc', FOLDER)).resolves.toBe('cloud://local.hemei/wishes/x.jpg')
    expect(calls[0].url).toBe('blob:http://127.0.0.1/abc')
    const post = calls[1]
    expect(post.url).toMatch(new RegExp(`^/api/upload\\?cloudPath=${encodeURIComponent(FOLDER)}%2F[a-z0-9]+\\.jpg$`))
    expect(post.init).toMatchObject({ method: 'POST', headers: { 'X-Hemei-Openid': 'demo-resident', 'Content-Type': 'image/jpeg' } })
    expect(post.init!.body).toBeInstanceOf(Blob)
  })

  it('a refused upload becomes an AppError with a Chinese message', async () => {
    fakeFetch({ status: 400, body: { ok: false, code: 'INVALID_INPUT', message: '图片太大了' } })
    await expect(uploadImage('blob:x', FOLDER)).rejects.toMatchObject({ name: 'AppError', message: '图片太大了' })
    fakeFetch({ status: 500, body: undefined })
    await expect(uploadImage('blob:x', FOLDER)).rejects.toMatchObject({ name: 'AppError', message: '图片上传失败，请重试' })
  })

  it('a network failure becomes NETWORK', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as never
    await expect(uploadImage('blob:x', FOLDER)).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('cloud paths are random and keep the folder', () => {
    const a = newCloudPath('wishes')
    expect(a).toMatch(/^wishes\/[a-z0-9]+\.jpg$/)
    expect(newCloudPath('wishes')).not.toBe(a)
  })
})
