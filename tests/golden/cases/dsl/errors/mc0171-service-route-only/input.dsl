# Proves: retry conditions by name are refused on a gateway route.
# Expected: MC0171 at 8:16; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
route r on gw {
  rule to a:80 retry 2 on 5xx
}
