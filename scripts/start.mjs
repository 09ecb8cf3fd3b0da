// npm start: build the h5 app and the cloud functions, then start the local CloudBase emulator,
// which serves the h5 app and the demo data on a loopback URL that it prints.
import { daemon, npx, run } from './run.mjs'

await run(npx('taro'), ['build', '--type', 'h5'])
await run(npx('tsx'), ['cloud/build.ts'])
const emulator = daemon(npx('tsx'), ['cloud/emulator/main.ts'])
emulator.on('exit', (code) => process.exit(code ?? 0))
