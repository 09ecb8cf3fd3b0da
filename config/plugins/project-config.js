// Taro plugin: makes dist/weapp/project.config.json open as-is in WeChat DevTools. Taro already copies
// the root project.config.json there, sets miniprogramRoot to './' and the appid to TARO_APP_ID (.env*);
// this points cloudfunctionRoot at the built functions beside it and drops the source-only field.
const fs = require('fs')
const path = require('path')

module.exports = (ctx) => {
  ctx.onBuildComplete(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const file = path.join(ctx.paths.outputPath, 'project.config.json')
    if (!fs.existsSync(file)) return
    const config = JSON.parse(fs.readFileSync(file, 'utf8'))
    config.cloudfunctionRoot = '../cloudfunctions/'
    if (process.env.TARO_APP_ID) config.appid = process.env.TARO_APP_ID
    delete config.srcMiniprogramRoot
    fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n')
  })
}
