import type { UserConfigExport } from '@tarojs/cli'

/** Production build overrides (every `taro build` without --watch). */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
