// h5 only: our tab bar, in place of Taro's <taro-tabbar> web component (about 4 KB gzip of the h5 first load).
// config/index.ts swaps @tarojs/router's `tabbar.js` for this module, so Taro's router still mounts the app in
// its tab container, keeps the tab pages alive between switches and handles Taro.switchTab as before; only
// the bar itself is ours. It reads the same app.config `tabBar` as weapp's native bar (labels, colours, icons)
// and keeps WeUI's class names, which components.css (大字模式) and the e2e tests address.
// Not supported (the app uses none): setTabBarBadge, showTabBarRedDot, hideTabBar, setTabBarStyle/Item.
import Taro from '@tarojs/taro'
import '@/styles/tabbar.css'

interface TabItem {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}
interface AppConfig {
  pages?: string[]
  entryPagePath?: string
  tabBar?: { list: TabItem[]; color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string; custom?: boolean }
}
/** The part of the `history` object Taro's router passes (hash mode: the route is location.pathname). */
interface RouterHistory {
  location: { pathname: string }
  listen(listener: (update: { location: { pathname: string } }) => void): () => void
}

const path = (p: string) => `/${p.replace(/^\/+/, '').split('?')[0]}`

/** Taro's router calls this once, from handleAppMountWithTabbar, after it made `#container`. */
export function initTabbar(config: AppConfig, history: RouterHistory): void {
  const tabBar = config.tabBar
  const container = document.getElementById('container')
  if (!tabBar || tabBar.custom || !container) return
  const home = path(config.entryPagePath || config.pages?.[0] || '')

  const host = document.createElement('div')
  host.className = 'taro-tabbar__tabbar taro-tabbar__tabbar-bottom'
  // Not in tabbar.css: Taro's h5 postcss rewrites this variable's name in CSS values (see there).
  host.style.height = 'var(--taro-tabbar-height)'
  const bar = document.createElement('nav')
  bar.className = `weui-tabbar taro-tabbar__border-${tabBar.borderStyle || 'black'}`
  bar.style.backgroundColor = tabBar.backgroundColor || ''
  host.appendChild(bar)

  const items = tabBar.list.map((tab) => {
    const item = document.createElement('a')
    item.className = 'weui-tabbar__item'
    item.href = `#${path(tab.pagePath)}` // the hash router's address of the tab; the tap goes through switchTab
    const icon = document.createElement('img')
    icon.className = 'weui-tabbar__icon'
    icon.alt = ''
    const label = document.createElement('p')
    label.className = 'weui-tabbar__label'
    label.textContent = tab.text
    item.append(icon, label)
    item.addEventListener('click', (e) => {
      e.preventDefault()
      void Taro.switchTab({ url: path(tab.pagePath) })
    })
    bar.appendChild(item)
    return { tab, item, icon, label }
  })

  /** Marks the tab of the route as selected; on any other page the bar is hidden, as weapp's is. */
  const show = (pathname: string) => {
    const route = pathname === '/' || !pathname ? home : path(pathname)
    let any = false
    for (const { tab, item, icon, label } of items) {
      const on = path(tab.pagePath) === route
      any ||= on
      item.classList.toggle('weui-bar__item_on', on)
      if (on) item.setAttribute('aria-current', 'page')
      else item.removeAttribute('aria-current')
      icon.src = (on ? tab.selectedIconPath : tab.iconPath) || ''
      label.style.color = (on ? tabBar.selectedColor : tabBar.color) || ''
    }
    host.classList.toggle('taro-tabbar__tabbar-hide', !any)
  }
  show(history.location.pathname)
  history.listen(({ location }) => show(location.pathname))
  container.appendChild(host)
}
