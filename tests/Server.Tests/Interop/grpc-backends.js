// gRPC backends for the proxyless test: one server per name given (node grpc-backends.js a b), each on a free
// loopback port, answering meshc.test.Echo/Call with its name. Prints {"event":"backends","ports":{name: port}};
// stops when stdin closes.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const echo = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'echo.proto'))).meshc.test.Echo;
const names = process.argv.slice(2);
const servers = [];
Promise.all(names.map(name => new Promise((resolve, reject) => {
  const server = new grpc.Server();
  server.addService(echo.service, { Call: (call, callback) => callback(null, { backend: name }) });
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) return reject(error);
    servers.push(server);
    resolve([name, port]);
  });
}))).then(bound => {
  process.stdout.write(JSON.stringify({ event: 'backends', ports: Object.fromEntries(bound) }) + '\n');
}, error => {
  process.stdout.write(JSON.stringify({ event: 'error', message: error.message }) + '\n');
  process.exit(1);
});
process.stdin.on('end', () => { servers.forEach(s => s.forceShutdown()); process.exit(0); });
process.stdin.resume();
