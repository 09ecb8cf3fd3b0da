import { exportHandlers } from '../../domain/export'
import { createMain } from '../../lib/router'

/** Cloud function `export`: spreadsheets (.xlsx, exceljs) written to cloud storage; kept apart so `wish` stays small. */
export const main = createMain('export', exportHandlers)
