# Proves: a service route gets the same filter checks as a gateway route: setting the Host header is refused.
# Expected: MC0315 at 5:30; no bundle.
service a port 80
route r on service a:80 {
  rule / to a:80 request set host=b
}
