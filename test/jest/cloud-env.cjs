// The cloud layer runs in band (2 cores → one jest worker). @cloudbase/node-sdk arms a 3 s "slow request"
// console.warn timer per database request and clears it only on success, so a request that failed on
// purpose (a refused write, a killed emulator) warns after its test file ended, and jest answers a log
// after teardown by setting the process's exit code to 1 although every test passed. SILENCE=true is the
// SDK's own switch for that warning.
process.env.SILENCE = 'true'
// Timer triggers do not fire on their own in layer 1 (a scheduler run landing mid-test would change the request
// counts and documents tests look at); the trigger tests fire them with emu.fireTrigger / advanceClock.
process.env.HEMEI_TIMERS = '0'
