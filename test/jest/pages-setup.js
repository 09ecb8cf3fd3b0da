// Page tests render pages outside Taro's router, so there is no page instance for Taro's lifecycle hooks.
// These stand-ins keep the hooks' contract (latest callback, registered while mounted) and let tests fire
// the lifecycle events a user causes: show, pull-down-refresh, reach-bottom.
const React = require('react')

const registry = new Map() // lifecycle -> Set<ref>
function makeHook(lifecycle) {
  return function usePageLifecycle(fn) {
    const ref = React.useRef(fn)
    ref.current = fn
    React.useLayoutEffect(() => {
      if (!registry.has(lifecycle)) registry.set(lifecycle, new Set())
      const set = registry.get(lifecycle)
      set.add(ref)
      return () => set.delete(ref)
    }, [])
  }
}
const hooks = {
  useDidShow: makeHook('componentDidShow'),
  useDidHide: makeHook('componentDidHide'),
  useLoad: makeHook('onLoad'),
  useReady: makeHook('onReady'),
  usePullDownRefresh: makeHook('onPullDownRefresh'),
  useReachBottom: makeHook('onReachBottom'),
  // Tests set the page's query with setRouterParams (helpers.tsx).
  useRouter: () => ({ params: globalThis.__routerParams || {} }),
}
const taroModule = require('@tarojs/taro-h5')
const taro = taroModule.default || taroModule
// The h5 build rewrites `Taro.api()` into named imports (babel-plugin-transform-taroapi); here the named
// exports are put on the default object instead, so pages call the real taro-h5 APIs and tests can spy on them.
for (const [k, v] of Object.entries(taroModule)) {
  if (k !== 'default' && !(k in taro)) taro[k] = v
}
for (const [k, v] of Object.entries(hooks)) {
  taro[k] = v
  if (taroModule !== taro) {
    try {
      taroModule[k] = v
    } catch {
      Object.defineProperty(taroModule, k, { value: v, configurable: true })
    }
  }
}

/** Fires a page lifecycle event on every mounted page (used by tests). */
globalThis.firePageEvent = (lifecycle) => {
  for (const ref of registry.get(lifecycle) || []) ref.current()
}

afterEach(async () => {
  // Let the page's calls to the real functions finish while the test's stubs are still in place
  // (test/pages/backend.ts registers this), so no answer lands in the next test.
  // Inside act: the answers' state updates are applied as React expects, not warned about.
  if (globalThis.__settlePageCalls) await require('@testing-library/react').act(() => globalThis.__settlePageCalls())
  globalThis.__routerParams = undefined
  jest.restoreAllMocks()
  window.localStorage.clear()
})

// A loaded machine (test:all runs two jest runs side by side on 2 cores) makes Stencil's rendering and the function
// calls slow: allow for it. A wait only ends early when what it waits for shows up, so a longer limit costs nothing.
jest.setTimeout(30000)
require('@testing-library/react').configure({ asyncUtilTimeout: 8000 })
// The pages' Date runs on the one clock when HEMEI_CLOCK is set.
require('./clock.cjs').useClientClock()
