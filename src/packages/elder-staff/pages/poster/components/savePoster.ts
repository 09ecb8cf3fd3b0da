import Taro from '@tarojs/taro'
import type { ElderPoster } from '@/contracts'
import { posterCodeFile } from '@/packages/elder-staff/hooks/useOnsite'
import { confirm, showDone, showHint } from '@/ui/feedback'
import { drawPoster, POSTER_H, POSTER_W, type PosterCtx } from './drawPoster'

const ALBUM = 'scope.writePhotosAlbum'

/** The 2d canvas node of `#id` on the current page (weapp: a type="2d" Canvas). */
function canvasNode(id: string): Promise<Taro.Canvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Taro.Canvas }[]) => (res?.[0]?.node ? resolve(res[0].node) : reject(new Error('海报画布还没准备好，请稍后再试'))))
  })
}

/** An image of the canvas loaded from `src`. */
function loadImage(canvas: Taro.Canvas, src: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('小程序码加载失败，请重试'))
    img.src = src
  })
}

/**
 * Permission to save to the album: asked once (authorize); after a refusal WeChat will not ask again, so explain
 * and offer the settings page. True when granted.
 */
async function albumAllowed(): Promise<boolean> {
  const { authSetting } = await Taro.getSetting()
  if (authSetting[ALBUM]) return true
  if (authSetting[ALBUM] === undefined) {
    try {
      await Taro.authorize({ scope: ALBUM })
      return true
    } catch {
      // Refused just now: explained below.
    }
  }
  if (!(await confirm('需要相册权限', '保存海报需要“保存到相册”的权限。请在设置中打开“添加到相册”，再点保存。', '去设置'))) return false
  const after = await Taro.openSetting()
  return !!after.authSetting[ALBUM]
}

/** weapp: draws the poster on the 2d canvas `canvasId`, exports it and saves it to the album (permission handled). */
export async function savePoster(p: ElderPoster, canvasId: string): Promise<void> {
  const canvas = await canvasNode(canvasId)
  canvas.width = POSTER_W
  canvas.height = POSTER_H
  const code = await loadImage(canvas, await posterCodeFile(p.code.url))
  drawPoster(canvas.getContext('2d') as PosterCtx, p, code)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as Taro.canvasToTempFilePath.Option)
  if (!(await albumAllowed())) {
    showHint('没有相册权限，海报未保存。可以在小程序设置中打开后再试。')
    return
  }
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
  showDone('已保存到相册')
}
