/**
 * Loaded into a BFF child with `--import`, never part of the server: SIGUSR2 leaves a promise
 * rejection unhandled and SIGWINCH throws outside any handler, so a test can set off each crash
 * once the server is listening, without waiting on a clock.
 */
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('crash hook: nobody handled this rejection'));
});
process.on('SIGWINCH', () => {
  setImmediate(() => {
    throw new Error('crash hook: nobody caught this exception');
  });
});
