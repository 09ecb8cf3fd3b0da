// Per-file setup for layer 3: the emulator and the first render take seconds, not milliseconds.
jest.setTimeout(60000)
