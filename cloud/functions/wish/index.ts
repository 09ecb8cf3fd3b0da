import { wishHandlers } from '../../domain/wish'
import { receivePhotoCheck } from '../../domain/wish/photos'
import { isMediaCheckPush } from '../../lib/mediaCheck'
import { createMain } from '../../lib/router'

const routed = createMain('wish', wishHandlers)

/**
 * Cloud function `wish`: the wish wall — post, review, claim, fulfil, confirm, report, staff queues and statistics —
 * and the receiver of WeChat's `wxa_media_check` message push (the photos' image check; cloud/messagePush.json).
 */
export async function main(event: unknown, context?: unknown) {
  return isMediaCheckPush(event) ? receivePhotoCheck(event) : routed(event, context)
}
