// npm run dev: watch mode. Rebuilds h5 and the cloud functions on change; the emulator restarts
// when a function bundle changes (function instances load their code once, as in CloudBase).
import { daemon, npx, run } from './run.mjs'

await run(npx('tsx'), ['cloud/build.ts'])
daemon(npx('taro'), ['build', '--type', 'h5', '--watch'])
daemon(npx('tsx'), ['cloud/build.ts', '--watch'])
daemon(process.execPath, ['--watch-path=dist/cloudfunctions', '--import', 'tsx', 'cloud/emulator/main.ts'])
