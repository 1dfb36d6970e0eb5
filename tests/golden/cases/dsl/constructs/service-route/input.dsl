# Proves: a route on a service becomes a GAMMA HTTPRoute (parent: the Service) with Envoy-only retry and cluster settings.
# Expected: no diagnostics. xDS: CEC default/api takes Service api on 8080 (listener default/api/listener, vhost *);
# /v2 sets x-canary; the split rule has timeout 5s, retry_on with 5xx and connect-failure, per-try 1s; clusters
# default:api-v1:8080 and default:api-v2:8080 are LEAST_REQUEST with local-origin outlier detection (3, interval 10s).
service api port 8080 select app=api
service api-v1 port 8080 select app=api, version=v1
service api-v2 port 8080 select app=api, version=v2
route api-canary on service api:8080 {
  rule /v2 to api-v2:8080 request set x-canary=true
  rule to api-v1:8080 80, api-v2:8080 20 timeout 5s retry 2 on 5xx, connect-failure per-try 1s
  clusters lb least-request outlier local-failures 3 interval 10s
}
