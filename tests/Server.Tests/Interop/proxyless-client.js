// A proxyless gRPC client: @grpc/grpc-js with @grpc/grpc-js-xds, configured only by the xDS bootstrap file named in
// GRPC_XDS_BOOTSTRAP. Calls meshc.test.Echo/Call on xds:///<target> COUNT times and prints
// {"event":"counts","counts":{backend: n}} (or {"event":"error"} with the first failure).
// Usage: node proxyless-client.js <target> <count>
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
require('@grpc/grpc-js-xds').register();

const [target, countText] = process.argv.slice(2);
const echo = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'echo.proto'))).meshc.test.Echo;
const client = new echo(`xds:///${target}`, grpc.credentials.createInsecure());
const counts = {};
const call = () => new Promise((resolve, reject) =>
  client.Call({}, { deadline: Date.now() + 20000 }, (error, pong) => error ? reject(error) : resolve(pong.backend)));

(async () => {
  try {
    for (let i = 0; i < Number(countText); i++) {
      const backend = await call();
      counts[backend] = (counts[backend] || 0) + 1;
    }
    process.stdout.write(JSON.stringify({ event: 'counts', counts }) + '\n');
    client.close();
    process.exit(0);
  } catch (error) {
    process.stdout.write(JSON.stringify({ event: 'error', message: `${error.code} ${error.details}` }) + '\n');
    process.exit(1);
  }
})();
