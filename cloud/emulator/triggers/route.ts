/** POST /api/dev/trigger/<fn>: fires a function's timer trigger now (loopback only, like the dev identity). */
import type http from 'http'
import type { EmulatorCore } from '../core'
import { sendJson } from '../http/body'
import { devIdentityAllowed } from '../http/devIdentity'

/** Answers the dev trigger route: 403 beyond loopback, 404 without a timer trigger, else the run's figures. */
export async function handleTriggerRoute(core: EmulatorCore, host: string, fn: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  req.resume()
  if (!devIdentityAllowed(host, req.socket.remoteAddress)) return void sendJson(res, 403, { ok: false, code: 'UNAUTHENTICATED', message: '开发接口只在本机可用' })
  const trigger = core.timers.of(decodeURIComponent(fn))
  if (!trigger) return void sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `云函数 ${fn} 没有定时触发器` })
  const { stat } = await core.fireTrigger(trigger)
  sendJson(res, 200, { ok: true, data: { fn: trigger.fn, trigger: trigger.name, durationMs: stat.durationMs, dbRequests: stat.dbRequests, queries: stat.queries } })
}
