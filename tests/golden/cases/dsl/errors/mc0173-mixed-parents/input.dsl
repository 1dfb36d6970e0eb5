# Proves: a route cannot attach to a gateway and a service at once.
# Expected: MC0173 at 7:16 (and info MC0540: the route is dropped, so nothing routes to Service a); no bundle.
gateway gw {
  listener web http 80
}
service a port 80
route r on gw, service a {
  rule to a
}
