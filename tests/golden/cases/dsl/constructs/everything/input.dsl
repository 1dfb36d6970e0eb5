# Proves: every construct of the DSL at once, with an import that is also a source (read once).
# Expected: no errors; MC0310 for the TLS listener meshc does not compile, MC0217/MC0251 as warnings or info, MC0540 (info) for the imported Service nothing routes to; MC0362 because address 10.0.0.10 lies outside the default loopback pool (Gateway edge Programmed=False AddressNotUsable).
# Every construct of the DSL once.
import "shared.dsl"
gateway-class edge-lb controller example.net/edge-controller

namespace shop labels team=shop annotations owner=web {
  service cart port http 80 -> 8080 select app=cart endpoints 127.0.0.1:9001
  secret cart-cert tls
  grant from-default from default HTTPRoute, default Gateway to Service cart, Secret cart-cert
}
secret edge-cert tls

gateway edge class cilium address 10.0.0.10 infrastructure labels tier=edge labels env=prod {
  listener web http 80 allow from all kinds HTTPRoute
  listener secure https 443 host *.example.com tls edge-cert, shop/cart-cert allow from all
  listener pass tls 8443 tls passthrough
}

service api {
  type LoadBalancer
  port 8080
  port grpc 50051 app-protocol kubernetes.io/h2c
  select app=api
  ip 10.96.0.5
}
service api-v2 port 8080 select app=api, version=v2 endpoints 10.0.0.2
workload api kind Deployment pods app=api replicas 3 labels app=api

route storefront on edge listener web, edge port 443 host shop.example.com labels app=shop {
  rule cart: /cart or exact /basket header x-env=canary, x-user~"^a.*" query debug=1 method GET to shop/cart:80 90, api:8080 10
  rule /old redirect scheme https host example.org port 8443 prefix /new status 301
  rule /api rewrite host internal.local path /v1 request set x-a=1 add x-b=2 remove x-c response remove server to api:8080
  rule /slow to api:8080 timeout 10s backend 2s retry 3 on 502, 503 backoff 100ms mirror api-v2:8080 25%
}

grpc-route greeter on edge {
  rule method helloworld.Greeter/SayHello or method regex "helloworld\\..*" "Say.*" to api:50051
}

route api-split on service api:8080 host api.local {
  rule /v2 to api-v2:8080 retry 2 on 5xx, reset per-try 500ms
  rule to api:8080 90, api-v2:8080 10 mirror api-v2:8080 1 of 3
  clusters connect-timeout 2s lb least-request outlier local-failures 2 consecutive-5xx 5 ejection 30s max-ejection 50%
}

policy api-access select app=api {
  allow from app=web port 8080 http GET /books, POST "/orders/.*" header x-token=abc
  allow to * port 53 udp
  deny from app=legacy
}
