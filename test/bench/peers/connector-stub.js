// Answers the bots' outgoing Bot Connector calls locally (as the real service would, with an id),
// in its own process so neither bot pays for it.
const http = require('http');
let n = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json');
    res.end(`{"id":"a-${++n}"}`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
