# Proves: redirect, rewrite, header edits, mirror, timeouts and retries become Gateway API filters.
# Expected: no errors; MC0217 warnings (no endpoints).
gateway edge {
  listener web http 80
}
service api port 8080
service shadow port 8080
route filters on edge {
  rule /old redirect scheme https host example.org status 301
  rule /api rewrite prefix /v1 request set x-a=1 remove x-b response add x-c=2 mirror shadow:8080 10% to api:8080
  rule /slow to api:8080 timeout 10s backend 2s retry 3 on 503 backoff 100ms
}
