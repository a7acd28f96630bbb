// Production's Node flags (the heap cap), read from the App Service command line, so a benchmark runs
// the server as it runs in Azure; `npm start` has the same flags (test/infra/start-command-parity).
const { readFileSync } = require('fs');
const path = require('path');

function productionFlags() {
  const bicep = readFileSync(path.join(__dirname, '..', '..', 'infra', 'modules', 'web-app.bicep'), 'utf8');
  const line = /appCommandLine: 'node ([^']*)dist\/bot\/index\.js'/.exec(bicep);
  if (!line) throw new Error('appCommandLine not found in infra/modules/web-app.bicep');
  return line[1].split(' ').filter(Boolean);
}

module.exports = { productionFlags };
