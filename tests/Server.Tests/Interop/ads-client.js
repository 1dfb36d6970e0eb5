// An xDS client no meshc code wrote: @grpc/grpc-js over Envoy's own protos (as shipped with @grpc/grpc-js-xds).
// Usage: node ads-client.js '<json config>'; config: {address, protocol: "sotw"|"delta", node: {id, cluster},
// subscribe: {typeUrl: ["*"] | [names]}, nack: {typeUrl: "message"} (the first response of that type is NACKed)}.
// Prints one JSON line per event: {"event":"response", type, version, nonce, names, removed} and {"event":"sent", ...};
// ends the stream and exits when stdin closes.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const config = JSON.parse(process.argv[2]);
const deps = path.join(path.dirname(require.resolve('@grpc/grpc-js-xds/package.json')), 'deps');
const definition = protoLoader.loadSync('envoy/service/discovery/v3/ads.proto', {
  keepCase: true, longs: String, enums: String, defaults: false, oneofs: true,
  includeDirs: ['envoy-api', 'xds', 'googleapis', 'protoc-gen-validate'].map(d => path.join(deps, d)),
});
const ads = grpc.loadPackageDefinition(definition).envoy.service.discovery.v3.AggregatedDiscoveryService;
const client = new ads(config.address, grpc.credentials.createInsecure());

// The resource name is field 1 of Listener, Cluster, RouteConfiguration and ClusterLoadAssignment: read it from the
// wire bytes rather than decoding each type.
function nameOf(bytes) {
  let at = 0;
  const varint = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  while (at < bytes.length) {
    const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
    if (wire === 2) { const len = varint(); if (field === 1) return bytes.slice(at, at + len).toString('utf8'); at += len; }
    else if (wire === 0) varint(); else if (wire === 1) at += 8; else if (wire === 5) at += 4; else return null;
  }
  return null;
}
const print = o => process.stdout.write(JSON.stringify(o) + '\n');
const node = { id: config.node.id, cluster: config.node.cluster || '' };
const nacked = new Set();

if (config.protocol === 'delta') {
  const call = client.DeltaAggregatedResources();
  const send = request => { call.write(request); print({ event: 'sent', ...request, node: undefined }); };
  call.on('data', response => {
    const names = response.resources.map(r => r.name);
    print({ event: 'response', type: response.type_url, version: response.system_version_info, nonce: response.nonce, names, removed: response.removed_resources });
    const nack = config.nack && config.nack[response.type_url];
    if (nack && !nacked.has(response.type_url)) {
      nacked.add(response.type_url);
      send({ type_url: response.type_url, response_nonce: response.nonce, error_detail: { code: 3, message: nack } });
    } else {
      send({ type_url: response.type_url, response_nonce: response.nonce });
    }
  });
  call.on('error', e => { print({ event: 'error', message: e.message }); process.exit(1); });
  let first = true;
  for (const [type, names] of Object.entries(config.subscribe)) {
    send({ node: first ? node : undefined, type_url: type, resource_names_subscribe: names });
    first = false;
  }
  process.stdin.on('end', () => { call.end(); setTimeout(() => process.exit(0), 100); });
  process.stdin.resume();
} else {
  const call = client.StreamAggregatedResources();
  const state = {};
  const send = request => { call.write(request); print({ event: 'sent', ...request, node: undefined }); };
  call.on('data', response => {
    const names = response.resources.map(r => nameOf(r.value));
    print({ event: 'response', type: response.type_url, version: response.version_info, nonce: response.nonce, names });
    const s = state[response.type_url];
    const nack = config.nack && config.nack[response.type_url];
    if (nack && !nacked.has(response.type_url)) {
      nacked.add(response.type_url);
      // A NACK repeats the last accepted version (none yet) and carries the error.
      send({ type_url: response.type_url, version_info: s.version, resource_names: s.names, response_nonce: response.nonce,
             error_detail: { code: 3, message: nack } });
    } else {
      s.version = response.version_info;
      send({ type_url: response.type_url, version_info: s.version, resource_names: s.names, response_nonce: response.nonce });
    }
  });
  call.on('error', e => { print({ event: 'error', message: e.message }); process.exit(1); });
  let first = true;
  for (const [type, names] of Object.entries(config.subscribe)) {
    state[type] = { version: '', names };
    send({ node: first ? node : undefined, type_url: type, resource_names: names });
    first = false;
  }
  process.stdin.on('end', () => { call.end(); setTimeout(() => process.exit(0), 100); });
  process.stdin.resume();
}
