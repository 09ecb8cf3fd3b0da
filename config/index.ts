import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { NormalModuleReplacementPlugin } from 'webpack'
import devConfig from './dev'
import prodConfig from './prod'

/** Taro build configuration shared by weapp and h5; dev/prod differences live beside it. */
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'hemei',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // `@/x` is `src/x` (tsconfig paths; jest maps it too).
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [require.resolve('./plugins/project-config.js')],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // zod's output keeps ?. and ??; transpile it for older WeChat base libraries.
      compile: { include: [(modulePath: string) => /node_modules[\\/](zod|dayjs)[\\/]/.test(modulePath)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // Images (the tab icons) as files, never base64 inside app.js (limit 0 means "default" to Taro, so 1 byte):
      // the first-load JS budget is tight (docs/ARCHITECTURE.md, budgets).
      imageUrlLoaderOption: { limit: 1 },
      // Taro splits only initial chunks, so every lazily loaded page bundled its own copy of the
      // component library (~100 KB each). Share modules used by two or more pages instead, in at most 3 chunks
      // per page: Taro's h5 router lists every chunk of every page in app.js (the first load), so many small shared
      // chunks cost the first load about 0.1 KB gzip per page (issue 10: 151.7 → 149.7 KB with the error split).
      webpackChain(chain) {
        // Our tab bar in place of Taro's <taro-tabbar> web component (about 4 KB gzip of the first load): the
        // router's tabbar.js, which only mounts that component, becomes src/ui/h5TabBar.ts (docs/ARCHITECTURE.md).
        chain.plugin('hm-h5-tab-bar').use(NormalModuleReplacementPlugin, [
          /^\.\/tabbar\.js$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]@tarojs[\\/]router[\\/]dist$/.test(resource.context)) resource.request = path.resolve(__dirname, '..', 'src/ui/h5TabBar.ts')
          },
        ])
        // @tarojs/taro-h5 imports the fetch and AbortController polyfills for every app (about 8 KB gzip of the
        // first load). The h5 build serves local runs and the browser tests in today's Chromium, which has both.
        chain.merge({ resolve: { alias: { 'whatwg-fetch': false, 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only': false } } })
        const splitChunks = chain.optimization.get('splitChunks')
        if (!splitChunks) return
        chain.optimization.splitChunks({
          ...splitChunks,
          maxAsyncRequests: 3,
          cacheGroups: { ...splitChunks.cacheGroups, pageShared: { chunks: 'async', minChunks: 2, priority: 50, reuseExistingChunk: true } },
        })
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, base, mode === 'development' ? devConfig : prodConfig)
})
