# Proves: a route on a service becomes a CiliumEnvoyConfig: listener, routes, EDS clusters with outlier detection.
# Expected: no diagnostics.
service api port 8080 select app=api
service api-v1 port 8080 select app=api, version=v1
service api-v2 port 8080 select app=api, version=v2
route api-canary on service api {
  rule /v2 to api-v2 request set x-canary=true
  rule to api-v1 80, api-v2 20 timeout 5s retry 2 on 5xx, connect-failure per-try 1s
  clusters lb least-request outlier local-failures 3 interval 10s
}
