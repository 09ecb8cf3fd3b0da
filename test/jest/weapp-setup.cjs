// Per-file setup for layer 3: the emulator and the first render take seconds, not milliseconds.
jest.setTimeout(60000)
// The client's Date (the pages' "today") runs on the same clock as the emulator (HEMEI_CLOCK).
require('./clock.cjs').useClientClock()
