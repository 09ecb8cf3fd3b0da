// The cloud layer runs in band (2 cores → one jest worker). @cloudbase/node-sdk arms a 3 s "slow request"
// console.warn timer per database request and clears it only on success, so a request that failed on
// purpose (a refused write, a killed emulator) warns after its test file ended, and jest answers a log
// after teardown by setting the process's exit code to 1 although every test passed. SILENCE=true is the
// SDK's own switch for that warning.
process.env.SILENCE = 'true'
