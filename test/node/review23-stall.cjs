// Preloaded into a BFF process (NODE_OPTIONS=--require) by review23-bff.test.mjs: a request carrying
// `x-review-stall` makes the process busy for 300 ms right after its handler started – what a GC pause
// or a burst of other requests does. Nothing else changes; Redis answers at once throughout.
const http = require('node:http');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  const result = emit.call(this, event, req, ...rest);
  if (event === 'request' && req.headers['x-review-stall']) {
    setImmediate(() => {
      const until = Date.now() + 300;
      while (Date.now() < until);
    });
  }
  return result;
};
