# Proves: a tls-route rule may only name backends; a path match and a timeout in it are each reported.
# Expected: MC0271 twice at 9:3 (a match, a timeout); the passthrough listener and the gateway still compile.
gateway edge {
  listener pass tls 8443 host *.example.com tls passthrough allow kinds TLSRoute
}
service app port 443 select app=app

tls-route app on edge listener pass host app.example.com {
  rule /api to app:443 timeout 5s
}
